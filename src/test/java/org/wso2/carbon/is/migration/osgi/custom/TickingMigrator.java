package org.wso2.carbon.is.migration.osgi.custom;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;

/**
 * A deployment's own long data step: it writes one row per tick into CUSTOM_TICKS, each in its own transaction, a
 * tick every 100 ms for {@code ticks} ticks, and resumes after the last row written. Long enough to stop the server
 * in the middle of it; it prints {@code CUSTOM ticking} once its first tick is committed.
 */
public final class TickingMigrator implements Migrator {

    public static final String NAME = "TickingMigrator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepIdentity identify(Map<String, String> parameters) {
        return StepIdentity.of("identity");
    }

    @Override
    public StepPlan plan(MigrationContext context) throws MigrationException {
        context.database("identity");
        return new StepPlan("identity", "write " + ticks(context) + " rows into CUSTOM_TICKS, one per tick",
                "custom:ticks:1", Collections.singletonList("INSERT INTO CUSTOM_TICKS (TICK) VALUES (?)"));
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        int ticks = ticks(context);
        try (Connection connection = context.database("identity").connect()) {
            int done = ticksDone(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO CUSTOM_TICKS (TICK) VALUES (?)")) {
                for (int tick = done + 1; tick <= ticks; tick++) {
                    insert.setInt(1, tick);
                    insert.executeUpdate();
                    connection.commit();
                    if (tick == done + 1) {
                        System.out.println("CUSTOM ticking from " + tick);
                        System.out.flush();
                    }
                    Thread.sleep(100);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("could not write CUSTOM_TICKS: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("interrupted while ticking", e);
        }
        context.progress().note(ticks + " ticks written");
    }

    private static int ticks(MigrationContext context) {
        return Integer.parseInt(context.parameter("ticks", "300"));
    }

    private static int ticksDone(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS CUSTOM_TICKS (TICK INTEGER PRIMARY KEY)");
            connection.commit();
            try (ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(TICK), 0) FROM CUSTOM_TICKS")) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}

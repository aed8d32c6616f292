package org.wso2.carbon.is.migration.osgi.custom;

import java.sql.Connection;
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
 * A deployment's own migrator, published by another bundle through the exported SPI: it creates the table
 * CUSTOM_MARKER in the database its {@code schema} parameter names.
 */
public final class MarkerTableMigrator implements Migrator {

    public static final String NAME = "MarkerTableMigrator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepIdentity identify(Map<String, String> parameters) {
        return StepIdentity.of(parameters.getOrDefault("schema", "identity"));
    }

    @Override
    public StepPlan plan(MigrationContext context) throws MigrationException {
        String schema = context.parameter("schema", "identity");
        context.database(schema);
        return new StepPlan(schema, "create the deployment's CUSTOM_MARKER table", "custom:marker:1",
                Collections.singletonList("CREATE TABLE CUSTOM_MARKER (ID INTEGER)"));
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        try (Connection connection = context.database(plan.database()).connect();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE CUSTOM_MARKER (ID INTEGER)");
            connection.commit();
        } catch (SQLException e) {
            throw new MigrationException("could not create CUSTOM_MARKER: " + e.getMessage(), e);
        }
        context.progress().note("CUSTOM_MARKER created");
    }
}

package org.wso2.carbon.is.migration.migrator.oauth;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.StepProgress;
import org.wso2.carbon.is.migration.chunk.KeysSetAside;
import org.wso2.carbon.is.migration.migrator.MemoryProgress;
import org.wso2.carbon.is.migration.migrator.StepChunkProgress;

/**
 * The data step's statements as the benchmark ({@code bench} package) needs them, from outside this package: the
 * floor runs exactly the step's own UPDATE, once per table over the whole table, and on H2 drops and adds back the
 * same keys around it as the step does ({@link KeysSetAside}), so that both pay for the same DDL.
 */
public final class BenchmarkStatements {

    /** Work on a connection that returns rows changed. */
    @FunctionalInterface
    public interface Update {
        long run() throws SQLException;
    }

    private BenchmarkStatements() {
    }

    /** One UPDATE per table of {@link OAuthDataMigrator}, by table, in the order the step walks them. */
    public static Map<String, String> wholeTableIdpIdUpdates() {
        Map<String, String> updates = new LinkedHashMap<>();
        for (OAuthTable table : OAuthTable.values()) {
            updates.put(table.table(), table.updateWholeTable());
        }
        return updates;
    }

    /** Runs {@code update} with the keys of {@code table} set aside on H2 as the data step does; elsewhere as is. */
    public static long withKeysSetAside(Connection connection, Dialect dialect, String table, Update update)
            throws SQLException {
        if (dialect != Dialect.H2) {
            return update.run();
        }
        StepProgress noLedger = new MemoryProgress();
        KeysSetAside keys = KeysSetAside.read(connection, table);
        keys.drop(connection, new StepChunkProgress(noLedger));
        try {
            return update.run();
        } finally {
            // Also when the UPDATE fails, as the step does: a table is never left without its keys.
            connection.rollback();
            keys.restore(connection, new StepChunkProgress(noLedger));
        }
    }
}

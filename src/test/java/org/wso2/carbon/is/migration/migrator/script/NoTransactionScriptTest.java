package org.wso2.carbon.is.migration.migrator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/** PostgreSQL builds an index without blocking writes only outside a transaction block. */
class NoTransactionScriptTest {

    @TempDir
    Path resources;

    private MigrationReport migrate(TestDatabase database, String script) throws Exception {
        return OneScriptStep.migrate(resources, database, script);
    }

    @Test
    void aConcurrentIndexBuildRunsWhenTheScriptDeclaresNoTransaction() throws Exception {
        TestDatabase database = PostgresEngine.instance().newDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE TOKENS (ID INTEGER, HASH VARCHAR(64))");
        }
        String index = "CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_HASH ON TOKENS (HASH);\n";

        MigrationReport inTransaction = migrate(database, "-- builds the index\n" + index);
        assertEquals(MigrationReport.Status.FAILED, inTransaction.status());
        assertTrue(inTransaction.steps().get(0).error().contains("transaction block"),
                inTransaction.steps().get(0).error());

        MigrationReport outside = migrate(database, "-- builds the index without blocking writers\n"
                + "-- @no-transaction\n" + index);
        assertEquals(MigrationReport.Status.SUCCEEDED, outside.status(), outside.summary());
    }
}

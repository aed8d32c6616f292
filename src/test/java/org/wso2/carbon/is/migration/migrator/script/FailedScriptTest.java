package org.wso2.carbon.is.migration.migrator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/** After a failed statement the operator is told what became of the DDL before it, as the engine did it. */
class FailedScriptTest {

    private static final String CREATE_THEN_FAIL = "CREATE TABLE BEFORE_FAILURE (ID INTEGER);\n"
            + "INSERT INTO NO_SUCH_TABLE VALUES (1);\n";

    @TempDir
    Path resources;

    private String failureOf(TestDatabase database) throws Exception {
        MigrationReport report = OneScriptStep.migrate(resources, database, CREATE_THEN_FAIL);
        assertEquals(MigrationReport.Status.FAILED, report.status());
        return report.steps().get(0).error();
    }

    private static boolean tableCreatedBeforeTheFailureExists(TestDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            return CatalogLookup.tableExists(connection, "BEFORE_FAILURE");
        }
    }

    @Test
    void onPostgreSqlTheTableCreatedBeforeTheFailureIsRolledBackAndTheMessageSaysSo() throws Exception {
        TestDatabase database = PostgresEngine.instance().newDatabase();

        String error = failureOf(database);

        assertTrue(error.contains("Statements 1..1 before it ran and were rolled back."), error);
        assertFalse(tableCreatedBeforeTheFailureExists(database));
    }

    @Test
    void onMariaDbTheTableCreatedBeforeTheFailureStaysAndTheMessageSaysSo() throws Exception {
        TestDatabase database = MariaDbEngine.instance().newDatabase();

        String error = failureOf(database);

        assertTrue(error.contains("Statements 1..1 before it ran; on mariadb DDL commits itself, so they stay"
                + " applied."), error);
        assertTrue(tableCreatedBeforeTheFailureExists(database));
    }
}

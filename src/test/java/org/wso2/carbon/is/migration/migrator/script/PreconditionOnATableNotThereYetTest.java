package org.wso2.carbon.is.migration.migrator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.testsupport.H2Engines;

/**
 * A run from an older release plans every step first, so a later step's check may name a table an earlier step of the
 * run creates: the check is skipped while its table is missing, and runs (and stops the run) once it is there.
 */
class PreconditionOnATableNotThereYetTest {

    @TempDir
    Path folder;

    @Test
    void aCheckOfATableNotThereYetIsSkippedAndRunsOnceTheTableExists() throws Exception {
        Files.writeString(folder.resolve("preconditions.yaml"), """
                checks:
                  - rule: "WAIT: TIME_CREATED is set"
                    tables: [wait]
                    query: "SELECT ID FROM WAIT WHERE TIME_CREATED IS NULL"
                    resolve: "Set it."
                """);
        Preconditions preconditions = Preconditions.in(folder);
        try (Connection connection = H2Engines.CURRENT.newDatabase().connect();
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            assertEquals(0, preconditions.verify(connection, Dialect.H2).checks(), "skipped: no WAIT table yet");

            statement.execute("CREATE TABLE WAIT (ID INTEGER, TIME_CREATED TIMESTAMP)");
            statement.execute("INSERT INTO WAIT (ID) VALUES (7)");
            connection.commit();
            MigrationException stopped = assertThrows(MigrationException.class,
                    () -> preconditions.verify(connection, Dialect.H2));
            assertTrue(stopped.getMessage().contains("WAIT: TIME_CREATED is set"), stopped.getMessage());
        }
    }
}

package org.wso2.carbon.is.migration.migrator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * A run killed inside an H2 ALTER TABLE leaves H2's copy of the table ({@code <TABLE>_COPY_<session>_<n>}) in the
 * file beside the untouched original (found by the crash test on H2 1.4.199, a copy of the access tokens). The next
 * script step on that database drops it and says so; a table of that shape without an original is not H2's and
 * stays.
 */
class H2CopyLeftAByAKilledAlterIsDroppedTest {

    @TempDir
    Path resources;

    @ParameterizedTest
    @EnumSource(H2Engines.class)
    void theCopyIsDroppedAndTheOriginalKept(H2Engines engine) throws Exception {
        TestDatabase database = engine.newDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE TOKENS (TOKEN_ID VARCHAR(255) PRIMARY KEY)");
            statement.execute("INSERT INTO TOKENS VALUES ('t1'), ('t2')");
            statement.execute("CREATE TABLE TOKENS_COPY_26_0 (TOKEN_ID VARCHAR(255))");
            statement.execute("INSERT INTO TOKENS_COPY_26_0 VALUES ('t1')");
            statement.execute("CREATE TABLE PLANS_COPY_1_2 (ID INTEGER)"); // no PLANS table: not H2's copy
        }

        MigrationReport report = OneScriptStep.migrate(resources, database,
                "-- a script step after the crash\nCREATE TABLE IF NOT EXISTS AUTH_USERS (USER_ID VARCHAR(255));\n");

        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        List<String> notes = report.steps().get(0).notes();
        assertTrue(notes.stream().anyMatch(note -> note.contains("dropped [TOKENS_COPY_26_0]")), notes.toString());
        try (Connection connection = database.connect()) {
            List<String> tables = tables(connection);
            assertEquals(List.of("AUTH_USERS", "PLANS_COPY_1_2", "TOKENS"),
                    tables.stream().filter(table -> !table.startsWith("IS_MIGRATION")).toList());
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM TOKENS")) {
                rows.next();
                assertEquals(2, rows.getInt(1), "the original keeps its rows");
            }
        }
    }

    private static List<String> tables(Connection connection) throws Exception {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE", "BASE TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        tables.sort(null);
        return tables;
    }
}

package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * Prepare can be run again without losing journalled changes; cleanup removes every trigger, function and table
 * the tool created, says what it removed, and a second cleanup finds nothing: checked in the engines'
 * information_schema, not through the tool's own catalog queries.
 */
class SyncPrepareAndCleanupTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void prepareAgainKeepsPendingChangesAndCleanupLeavesNothingOfTheToolTwice(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection source = fixture.source.connect()) {
            assertEquals(expectedObjects(engine), toolObjects(source).size(), "the dead-letter table, four journals,"
                    + " their triggers (and trigger functions): " + toolObjects(source));
            SyncFixture.putUserData(source, "alice", "k", "v");
        }
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection source = fixture.source.connect()) {
            SyncFixture.putUserData(source, "bob", "k", "v");
            assertEquals(2, SyncNeverLosesARowTest.count(source, "SELECT COUNT(*) FROM "
                    + SyncNames.journal("IDN_IDENTITY_USER_DATA")), "one entry per change, before and after");
        }

        List<String> removed = new SyncCleanup(fixture.settings, fixture.databases).run();
        assertEquals(expectedObjects(engine), removed.size(), removed.toString());
        assertTrue(removed.get(0).startsWith("DROP TRIGGER"), "triggers go first: " + removed);
        try (Connection source = fixture.source.connect()) {
            assertEquals(List.of(), toolObjects(source));
            SyncFixture.putUserData(source, "carol", "k", "v"); // the table works without its trigger
        }
        assertEquals(List.of(), new SyncCleanup(fixture.settings, fixture.databases).run());
    }

    /**
     * Five tables (four journals, the dead letters) and, on PostgreSQL, one trigger and one function per table;
     * on MariaDB three triggers per table.
     */
    private static int expectedObjects(TestEngine engine) {
        return engine.dialect() == Dialect.POSTGRESQL ? 5 + 4 + 4 : 5 + 12;
    }

    /** Tables, triggers and routines whose names start with ISS_, from information_schema. */
    private static List<String> toolObjects(Connection connection) throws Exception {
        List<String> found = new ArrayList<>();
        String schema = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
                ? "current_schema()" : "DATABASE()";
        for (String query : List.of(
                "SELECT DISTINCT CONCAT('table ', table_name) FROM information_schema.tables WHERE table_schema = "
                        + schema + " AND UPPER(table_name) LIKE 'ISS%'",
                "SELECT DISTINCT CONCAT('trigger ', trigger_name) FROM information_schema.triggers WHERE"
                        + " trigger_schema = " + schema + " AND UPPER(trigger_name) LIKE 'ISS%'",
                "SELECT DISTINCT CONCAT('routine ', routine_name) FROM information_schema.routines WHERE"
                        + " routine_schema = " + schema + " AND UPPER(routine_name) LIKE 'ISS%'")) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }
}

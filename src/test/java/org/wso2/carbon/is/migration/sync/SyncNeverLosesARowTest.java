package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The cases where the old sync tool lost or stalled rows, each made to happen on purpose on real PostgreSQL and
 * MariaDB, with a 5.8.0 source and a 5.9.0 target: a transaction that takes a low journal id and commits after
 * higher ids were applied, a gap of more ids than a batch, a key change, and a row the target refuses.
 */
class SyncNeverLosesARowTest {

    private static final List<String> TOKEN_KEY = List.of("TOKEN_ID");
    private static final List<String> SCOPE_KEY = List.of("TOKEN_ID", "TOKEN_SCOPE");
    private static final List<String> USER_DATA_KEY = List.of("TENANT_ID", "USER_NAME", "DATA_KEY");

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void aTransactionThatTookALowJournalIdAndCommitsAfterHigherIdsWereAppliedIsApplied(TestEngine engine)
            throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0", "batchSize", "3");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        SyncRun run = fixture.run();
        try (Connection late = fixture.source.connect(); Connection writer = fixture.source.connect()) {
            late.setAutoCommit(false);
            SyncFixture.insertToken(late, "late", "alice", "PRIMARY", "openid");
            assertEquals(List.of(1L), journalIds(late, "IDN_OAUTH2_ACCESS_TOKEN"),
                    "the late transaction holds the lowest id of the token journal");
            for (int i = 0; i < 7; i++) {
                SyncFixture.insertToken(writer, "early-" + i, "bob" + i, "PRIMARY", "openid", "email");
            }
            SyncFixture.drain(run, 5);
            late.commit();
        }
        try (Connection target = fixture.target.connect()) {
            assertFalse(tokenIds(target).contains("late"), "not applied before it committed");
            assertEquals(7, tokenIds(target).size());
        }
        SyncFixture.drain(run, 5);
        assertSameRows(fixture);
        try (Connection target = fixture.target.connect()) {
            assertTrue(tokenIds(target).contains("late"), "applied by the next pass, below every applied id");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void aGapOfMoreIdsThanABatchIsSteppedOver(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0", "batchSize", "10");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.putUserData(writer, "alice", "before", "1");
            writer.setAutoCommit(false);
            for (int i = 0; i < 25; i++) {
                SyncFixture.putUserData(writer, "rolled-back", "k" + i, "v");
            }
            writer.rollback(); // 25 journal ids taken and never committed: a gap of 2.5 batches
            writer.setAutoCommit(true);
            SyncFixture.putUserData(writer, "alice", "after", "2");
            assertEquals(List.of(1L, 27L), journalIds(writer, "IDN_IDENTITY_USER_DATA"));
        }
        SyncFixture.drain(fixture.run(), 3);
        assertSameRows(fixture);
        try (Connection target = fixture.target.connect()) {
            assertEquals(2, count(target, "SELECT COUNT(*) FROM IDN_IDENTITY_USER_DATA"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void aKeyChangeRemovesTheRowUnderTheOldKeyAndWritesItUnderTheNew(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        SyncRun run = fixture.run();
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.putUserData(writer, "alice", "old-key", "value");
            SyncFixture.drain(run, 3);
            SyncFixture.execute(writer, "UPDATE IDN_IDENTITY_USER_DATA SET DATA_KEY = 'new-key', USER_NAME = 'ALICE'"
                    + " WHERE DATA_KEY = 'old-key'");
            assertEquals(List.of("K", "U"), journalOperations(writer, "IDN_IDENTITY_USER_DATA"),
                    "the old key and the new key are journalled");
        }
        SyncFixture.drain(run, 3);
        assertSameRows(fixture);
        try (Connection target = fixture.target.connect()) {
            assertEquals(1, count(target, "SELECT COUNT(*) FROM IDN_IDENTITY_USER_DATA WHERE USER_NAME = 'ALICE'"
                    + " AND DATA_KEY = 'new-key'"));
            assertEquals(0, count(target, "SELECT COUNT(*) FROM IDN_IDENTITY_USER_DATA WHERE DATA_KEY = 'old-key'"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void aRowTheTargetRefusesIsRetriedThenParkedWithItsErrorAndTheOthersAreApplied(TestEngine engine)
            throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0", "maxAttempts", "3",
                "retryBackoffMillis", "1");
        try (Connection target = fixture.target.connect()) {
            SyncFixture.execute(target, "ALTER TABLE IDN_IDENTITY_USER_DATA ADD CONSTRAINT TEST_NO_POISON"
                    + " CHECK (DATA_VALUE <> 'poison')");
        }
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection writer = fixture.source.connect()) {
            for (int i = 0; i < 9; i++) {
                SyncFixture.putUserData(writer, "user" + i, "key", i == 4 ? "poison" : "value" + i);
            }
        }
        SyncRun run = fixture.run();
        assertEquals(8, run.pass(), "the batch is split around the refused row and the other eight applied");
        try (Connection target = fixture.target.connect(); Connection source = fixture.source.connect()) {
            assertEquals(8, count(target, "SELECT COUNT(*) FROM IDN_IDENTITY_USER_DATA"));
            assertEquals(1, count(source, "SELECT COUNT(*) FROM " + SyncNames.journal("IDN_IDENTITY_USER_DATA")),
                    "the refused row's entry stays for the retry");
            assertEquals(0, count(source, "SELECT COUNT(*) FROM " + SyncNames.DEAD_LETTER_TABLE));
        }
        for (int attempt = 2; attempt <= 3; attempt++) {
            Thread.sleep(10); // past the backoff (1 ms, then 2 ms)
            assertEquals(0, run.pass());
        }
        try (Connection source = fixture.source.connect();
             Statement statement = source.createStatement();
             ResultSet parked = statement.executeQuery("SELECT TABLE_NAME, ROW_KEY, ATTEMPTS, LAST_ERROR FROM "
                     + SyncNames.DEAD_LETTER_TABLE)) {
            assertTrue(parked.next(), "the row is parked after three refusals");
            assertEquals("IDN_IDENTITY_USER_DATA", parked.getString(1));
            assertEquals("[-1234, user4, key]", parked.getString(2));
            assertEquals(3, parked.getInt(3));
            assertTrue(parked.getString(4).toUpperCase().contains("TEST_NO_POISON"), parked.getString(4));
            assertFalse(parked.next());
            assertEquals(0, count(source, "SELECT COUNT(*) FROM " + SyncNames.journal("IDN_IDENTITY_USER_DATA")),
                    "its entries are removed with the parking, so nothing waits for it");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void tokensAndTheirScopesInsertedUpdatedAndDeletedEndEqualOnBothSides(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0", "batchSize", "4");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        assertEquals(List.of("IDN_IDENTITY_USER_DATA", "IDN_OAUTH2_ACCESS_TOKEN", "IDN_OAUTH2_ACCESS_TOKEN_SCOPE",
                "IDN_OAUTH2_AUTHORIZATION_CODE"), fixture.run().tables().stream().map(SyncedTable::name).sorted()
                .toList());
        assertTrue(tableOrder(fixture).indexOf("IDN_OAUTH2_ACCESS_TOKEN")
                < tableOrder(fixture).indexOf("IDN_OAUTH2_ACCESS_TOKEN_SCOPE"), "the token before its scopes");
        try (Connection writer = fixture.source.connect()) {
            writer.setAutoCommit(false);
            for (int i = 0; i < 10; i++) {
                SyncFixture.insertToken(writer, "t" + i, "user" + i, "PRIMARY", "openid", "email", "profile");
                writer.commit();
            }
            SyncFixture.revokeToken(writer, "t3");
            SyncFixture.deleteToken(writer, "t5"); // its scopes go by ON DELETE CASCADE
            SyncFixture.execute(writer, "DELETE FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE WHERE TOKEN_ID = 't7' AND"
                    + " TOKEN_SCOPE = 'email'");
            writer.commit();
        }
        SyncFixture.drain(fixture.run(), 5);
        assertSameRows(fixture);
        try (Connection target = fixture.target.connect()) {
            assertEquals(9, tokenIds(target).size());
            assertEquals(26, count(target, "SELECT COUNT(*) FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE"));
        }
    }

    private static List<String> tableOrder(SyncFixture fixture) throws Exception {
        return fixture.run().tables().stream().map(SyncedTable::name).toList();
    }

    static void assertSameRows(SyncFixture fixture) throws Exception {
        try (Connection source = fixture.source.connect(); Connection target = fixture.target.connect()) {
            for (Map.Entry<String, List<String>> table : Map.of("IDN_OAUTH2_ACCESS_TOKEN", TOKEN_KEY,
                    "IDN_OAUTH2_ACCESS_TOKEN_SCOPE", SCOPE_KEY, "IDN_IDENTITY_USER_DATA", USER_DATA_KEY).entrySet()) {
                assertEquals(SyncFixture.rows(source, target, table.getKey(), table.getValue()),
                        SyncFixture.rows(target, source, table.getKey(), table.getValue()), table.getKey());
            }
        }
    }

    private static List<Long> journalIds(Connection connection, String table) throws Exception {
        return firstColumn(connection, "SELECT SYNC_ID FROM " + SyncNames.journal(table) + " ORDER BY SYNC_ID")
                .stream().map(Long::valueOf).toList();
    }

    static List<String> journalOperations(Connection connection, String table) throws Exception {
        return firstColumn(connection, "SELECT SYNC_OP FROM " + SyncNames.journal(table) + " ORDER BY SYNC_ID");
    }

    private static List<String> tokenIds(Connection connection) throws Exception {
        return firstColumn(connection, "SELECT TOKEN_ID FROM IDN_OAUTH2_ACCESS_TOKEN");
    }

    private static List<String> firstColumn(Connection connection, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

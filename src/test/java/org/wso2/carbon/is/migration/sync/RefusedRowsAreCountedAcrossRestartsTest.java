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
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * A row the target refuses is parked after {@code maxAttempts} refusals even when the run is restarted between
 * them (each restart a new {@link SyncRun}, as a new process starts with nothing in memory), and a row the target
 * accepts in the end starts from zero if it is refused again later. On real PostgreSQL and MariaDB, 5.8.0 to 5.9.0.
 */
class RefusedRowsAreCountedAcrossRestartsTest {

    private static final String USER_DATA = "IDN_IDENTITY_USER_DATA";

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void aRowRefusedOnceAfterEachRestartIsParkedAtTheLimit(TestEngine engine) throws Exception {
        SyncFixture fixture = poisonRefusingFixture(engine);
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.putUserData(writer, "alice", "key", "poison");
            SyncFixture.putUserData(writer, "bob", "key", "fine");
        }

        for (int restart = 1; restart <= 2; restart++) {
            assertEquals(restart == 1 ? 1 : 0, fixture.run().pass(), "only bob's row is applied, once");
            assertEquals(List.of(restart), failuresInJournal(fixture), "the count is kept on the row's entry");
            assertEquals(List.of(), parked(fixture));
            SyncStatus status = fixture.run().syncStatus();
            assertEquals(1, status.failing(), "sync status shows the refused row before it is parked");
            assertTrue(status.json().contains("\"failing\": 1"), status.json());
            assertTrue(status.table().matches("(?s).*" + USER_DATA + " +1 +1 .*"), status.table());
        }
        fixture.run().pass();

        assertEquals(List.of("[-1234, alice, key] 3"), parked(fixture), "parked at the third refusal");
        assertEquals(List.of(), failuresInJournal(fixture), "and nothing of it left pending");
        SyncStatus status = fixture.run().syncStatus();
        assertEquals(0, status.failing());
        assertEquals(1, status.parked());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void aRowTheTargetAcceptsInTheEndLeavesNoCountBehind(TestEngine engine) throws Exception {
        SyncFixture fixture = poisonRefusingFixture(engine);
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.putUserData(writer, "alice", "key", "poison");
        }
        fixture.run().pass();
        fixture.run().pass();
        assertEquals(List.of(2), failuresInJournal(fixture));

        try (Connection target = fixture.target.connect()) {
            SyncFixture.execute(target, "ALTER TABLE " + USER_DATA + " DROP CONSTRAINT TEST_NO_POISON");
        }
        assertEquals(1, fixture.run().pass(), "the target accepts it now");
        assertEquals(List.of(), failuresInJournal(fixture));

        // Refused again later: counted from zero, so not parked at the first refusal as a count of 3 would be.
        try (Connection target = fixture.target.connect(); Connection writer = fixture.source.connect()) {
            SyncFixture.execute(target, "ALTER TABLE " + USER_DATA + " ADD CONSTRAINT TEST_NO_POISON"
                    + " CHECK (DATA_VALUE <> 'poison again')");
            SyncFixture.execute(writer, "UPDATE " + USER_DATA + " SET DATA_VALUE = 'poison again'");
        }
        assertEquals(0, fixture.run().pass());
        assertEquals(List.of(1), failuresInJournal(fixture));
        assertEquals(List.of(), parked(fixture));
    }

    /** Prepared, with a target that refuses the value {@code poison}; three refusals park a row. */
    private static SyncFixture poisonRefusingFixture(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0", "maxAttempts", "3",
                "retryBackoffMillis", "1");
        try (Connection target = fixture.target.connect()) {
            SyncFixture.execute(target, "ALTER TABLE " + USER_DATA + " ADD CONSTRAINT TEST_NO_POISON"
                    + " CHECK (DATA_VALUE <> 'poison')");
        }
        new SyncPrepare(fixture.settings, fixture.databases).run();
        return fixture;
    }

    private static List<Integer> failuresInJournal(SyncFixture fixture) throws Exception {
        List<Integer> failures = new ArrayList<>();
        try (Connection source = fixture.source.connect(); Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SYNC_FAILURES FROM " + SyncNames.journal(USER_DATA)
                     + " ORDER BY SYNC_ID")) {
            while (rows.next()) {
                failures.add(rows.getInt(1));
            }
        }
        return failures;
    }

    private static List<String> parked(SyncFixture fixture) throws Exception {
        List<String> parked = new ArrayList<>();
        try (Connection source = fixture.source.connect(); Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ROW_KEY, ATTEMPTS FROM "
                     + SyncNames.DEAD_LETTER_TABLE)) {
            while (rows.next()) {
                parked.add(rows.getString(1) + " " + rows.getInt(2));
            }
        }
        return parked;
    }
}

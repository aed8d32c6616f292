package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * A token and its scopes committed in one transaction after the token table's turn in a pass, before the scope
 * table's: the target refuses the scopes (their token is not there yet), and with {@code maxAttempts} 1 counting
 * that refusal would park them at once. It is not counted, since the token is still pending in its journal, and
 * the next pass applies the token and then its scopes. On real PostgreSQL and MariaDB; the moment is made by
 * holding a target row lock that the token table's turn waits for.
 */
class AChildWaitingForItsParentIsNotParkedTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void scopesCommittedWithTheirTokenAfterTheTokensTurnArriveWithItOnTheNextPass(TestEngine engine)
            throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0", "maxAttempts", "1",
                "retryBackoffMillis", "1");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        SyncRun run = fixture.run();
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.insertToken(writer, "x", "bob", "PRIMARY", "openid");
            SyncFixture.drain(run, 3);
            SyncFixture.revokeToken(writer, "x"); // the token table's turn will update x on the target
        }

        CompletableFuture<Long> pass;
        try (Connection locker = fixture.target.connect(); Connection late = fixture.source.connect()) {
            locker.setAutoCommit(false);
            SyncFixture.execute(locker, "SELECT * FROM IDN_OAUTH2_ACCESS_TOKEN WHERE TOKEN_ID = 'x' FOR UPDATE");
            late.setAutoCommit(false);
            SyncFixture.insertToken(late, "t1", "alice", "PRIMARY", "openid", "email");
            pass = CompletableFuture.supplyAsync(run::pass);
            awaitUpdateOfX(fixture.target);
            late.commit(); // after the token table's turn read its journal, before the scope table's turn
            locker.rollback();
        }

        assertEquals(1, pass.get(60, TimeUnit.SECONDS), "only x was applied by that pass");
        try (Connection target = fixture.target.connect(); Connection source = fixture.source.connect()) {
            assertEquals(0, SyncNeverLosesARowTest.count(target, "SELECT COUNT(*) FROM IDN_OAUTH2_ACCESS_TOKEN"
                    + " WHERE TOKEN_ID = 't1'"), "t1 came after the token table's turn");
            assertEquals(0, SyncNeverLosesARowTest.count(source, "SELECT COUNT(*) FROM "
                    + SyncNames.DEAD_LETTER_TABLE), "the refused scopes are not parked");
            assertEquals(2, SyncNeverLosesARowTest.count(source, "SELECT COUNT(*) FROM "
                    + SyncNames.journal("IDN_OAUTH2_ACCESS_TOKEN_SCOPE") + " WHERE SYNC_FAILURES = 0"),
                    "nor counted as failures");
        }

        assertEquals(3, run.pass(), "the token, then its two scopes");
        SyncNeverLosesARowTest.assertSameRows(fixture);
        try (Connection target = fixture.target.connect()) {
            assertEquals(2, SyncNeverLosesARowTest.count(target, "SELECT COUNT(*) FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE"
                    + " WHERE TOKEN_ID = 't1'"));
        }
    }

    /**
     * Waits until the pass runs its update of x on the target, which the row lock holds there: the token table's
     * turn has read its journal by then.
     */
    private static void awaitUpdateOfX(TestDatabase target) throws Exception {
        String sql;
        switch (target.dialect()) {
            case POSTGRESQL:
                sql = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + target.name() + "' AND state ="
                        + " 'active' AND query LIKE 'UPDATE IDN_OAUTH2_ACCESS_TOKEN %'";
                break;
            case H2:
                sql = "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT LIKE"
                        + " 'UPDATE IDN_OAUTH2_ACCESS_TOKEN %'";
                break;
            default:
                sql = "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + target.name() + "' AND"
                        + " COMMAND = 'Query' AND INFO LIKE 'UPDATE IDN_OAUTH2_ACCESS_TOKEN %'";
        }
        long deadline = System.currentTimeMillis() + 30_000;
        try (Connection connection = target.connect()) {
            while (SyncNeverLosesARowTest.count(connection, sql) == 0) {
                assertTrue(System.currentTimeMillis() < deadline, "the pass never reached the update of x");
                Thread.sleep(20);
            }
        }
    }
}

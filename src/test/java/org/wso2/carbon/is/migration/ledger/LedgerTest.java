package org.wso2.carbon.is.migration.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;
import org.wso2.carbon.is.migration.ledger.LedgerEntry.Outcome;

/** The ledger on every real engine: what it records, and that reading it never creates it. */
class LedgerTest {

    private DataSource dataSource;
    private Ledger ledger;

    static List<TestEngine> engines() {
        return TestEngine.all();
    }

    private void on(TestEngine engine) {
        TestDatabase database = engine.newDatabase();
        dataSource = new DriverDataSource(database.driver(), database.url(), database.user(), database.password());
        ledger = new Ledger(dataSource, database.dialect());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void readingAMissingLedgerCreatesNothing(TestEngine engine) throws Exception {
        on(engine);
        assertFalse(ledger.exists());
        assertEquals(List.of(), ledger.history());
        assertTrue(ledger.lastSuccess("5.9.0/SchemaMigrator/identity/step1").isEmpty());
        assertTrue(ledger.checkpoint("step", "key").isEmpty());
        assertFalse(ledger.exists(), "reads must not create the tables (dry runs rely on it)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void tablesAreCreatedOnceAndEnsureIsRepeatable(TestEngine engine) throws Exception {
        on(engine);
        ledger.ensureTables();
        ledger.ensureTables();
        assertTrue(ledger.exists());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aStepRunIsRecordedFromStartToEnd(TestEngine engine) throws Exception {
        on(engine);
        ledger.ensureTables();
        long id = ledger.begin("run-1", "5.9.0/SchemaMigrator/identity/step1", "5.9.0", 1, "SchemaMigrator",
                "identity", "run 5.9.0/dbscripts/step1/identity/h2.sql", "sha256:abc", "tester@host pid 1");
        LedgerEntry running = ledger.latest("5.9.0/SchemaMigrator/identity/step1").orElseThrow();
        assertEquals(Outcome.RUNNING, running.outcome());
        assertTrue(ledger.lastSuccess("5.9.0/SchemaMigrator/identity/step1").isEmpty());

        ledger.finish(id, Outcome.SUCCESS, 42, null);

        LedgerEntry done = ledger.lastSuccess("5.9.0/SchemaMigrator/identity/step1").orElseThrow();
        assertEquals("run-1", done.runId());
        assertEquals(42, done.rowsAffected());
        assertEquals("sha256:abc", done.checksum());
        assertEquals("tester@host pid 1", done.executedBy());
        assertTrue(done.finishedAt() != null && !done.finishedAt().isBefore(done.startedAt()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theLatestRunWinsAndAFailureKeepsItsDetail(TestEngine engine) throws Exception {
        on(engine);
        ledger.ensureTables();
        long first = ledger.begin("run-1", "k", "5.9.0", 1, "SchemaMigrator", "identity", "d", "c1", "me");
        ledger.finish(first, Outcome.FAILED, 0, "h2.sql:3: statement 2 failed");
        long second = ledger.begin("run-2", "k", "5.9.0", 1, "SchemaMigrator", "identity", "d", "c1", "me");
        ledger.finish(second, Outcome.SUCCESS, 0, null);

        assertEquals("run-2", ledger.latest("k").orElseThrow().runId());
        List<LedgerEntry> history = ledger.history();
        assertEquals(2, history.size());
        assertEquals("h2.sql:3: statement 2 failed", history.get(0).detail());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aCheckpointIsInsertedThenReplaced(TestEngine engine) throws Exception {
        on(engine);
        ledger.ensureTables();
        ledger.saveCheckpoint("step", "lastKey", "100");
        ledger.saveCheckpoint("step", "lastKey", "200");
        ledger.saveCheckpoint("other", "lastKey", "7");
        assertEquals("200", ledger.checkpoint("step", "lastKey").orElseThrow());
        assertEquals("7", ledger.checkpoint("other", "lastKey").orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void longDetailsAreCutToFitTheColumn(TestEngine engine) throws Exception {
        on(engine);
        ledger.ensureTables();
        long id = ledger.begin("run", "k", "5.9.0", 1, "m", "identity", "d", "c", "me");
        ledger.finish(id, Outcome.FAILED, 0, "x".repeat(5000));
        assertEquals(2000, ledger.latest("k").orElseThrow().detail().length());
    }
}

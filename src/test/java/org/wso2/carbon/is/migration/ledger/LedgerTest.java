package org.wso2.carbon.is.migration.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.dialect.Dialect;
import org.wso2.carbon.is.migration.ledger.LedgerEntry.Outcome;

class LedgerTest {

    private DataSource dataSource;
    private Ledger ledger;

    @BeforeEach
    void newDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource = h2;
        ledger = new Ledger(dataSource, Dialect.H2);
    }

    @Test
    void readingAMissingLedgerCreatesNothing() throws Exception {
        assertFalse(ledger.exists());
        assertEquals(List.of(), ledger.history());
        assertTrue(ledger.lastSuccess("5.9.0/SchemaMigrator/identity/step1").isEmpty());
        assertTrue(ledger.checkpoint("step", "key").isEmpty());
        assertFalse(ledger.exists(), "reads must not create the tables (dry runs rely on it)");
    }

    @Test
    void tablesAreCreatedOnceAndEnsureIsRepeatable() throws Exception {
        ledger.ensureTables();
        ledger.ensureTables();
        assertTrue(ledger.exists());
    }

    @Test
    void aStepRunIsRecordedFromStartToEnd() throws Exception {
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

    @Test
    void theLatestRunWinsAndAFailureKeepsItsDetail() throws Exception {
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

    @Test
    void aCheckpointIsInsertedThenReplaced() throws Exception {
        ledger.ensureTables();
        ledger.saveCheckpoint("step", "lastKey", "100");
        ledger.saveCheckpoint("step", "lastKey", "200");
        ledger.saveCheckpoint("other", "lastKey", "7");
        assertEquals("200", ledger.checkpoint("step", "lastKey").orElseThrow());
        assertEquals("7", ledger.checkpoint("other", "lastKey").orElseThrow());
    }

    @Test
    void longDetailsAreCutToFitTheColumn() throws Exception {
        ledger.ensureTables();
        long id = ledger.begin("run", "k", "5.9.0", 1, "m", "identity", "d", "c", "me");
        ledger.finish(id, Outcome.FAILED, 0, "x".repeat(5000));
        assertEquals(2000, ledger.latest("k").orElseThrow().detail().length());
    }
}

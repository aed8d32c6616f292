package org.wso2.carbon.is.migration.ledger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.dialect.Dialect;

class MigrationLockTest {

    private JdbcDataSource dataSource;
    private Ledger ledger;

    @BeforeEach
    void newDatabase() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:lock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = new Ledger(dataSource, Dialect.H2);
        ledger.ensureTables();
    }

    private MigrationLock lock(String holder, Duration lease, Instant now) {
        return new MigrationLock(ledger, holder, lease, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstHoldsTheLockAndIsToldWho() throws Exception {
        Instant now = Instant.now();
        lock("node-1", Duration.ofMinutes(5), now).take();

        LedgerException refused = assertThrows(LedgerException.class,
                () -> lock("node-2", Duration.ofMinutes(5), now.plusSeconds(10)).take());
        assertTrue(refused.getMessage().contains("node-1"), refused.getMessage());
    }

    @Test
    void aLockWhoseHolderDiedIsTakenOverOnceItsLeaseExpired() throws Exception {
        Instant now = Instant.now();
        lock("dead-node", Duration.ofMinutes(5), now).take(); // never renewed, never released

        assertDoesNotThrow(() -> lock("node-2", Duration.ofMinutes(5), now.plus(Duration.ofMinutes(6))).take());
        assertThrows(LedgerException.class,
                () -> lock("node-3", Duration.ofMinutes(5), now.plus(Duration.ofMinutes(7))).take());
    }

    @Test
    void releasingTheLockLetsTheNextProcessIn() throws Exception {
        Instant now = Instant.now();
        MigrationLock first = lock("node-1", Duration.ofMinutes(5), now);
        first.take();
        first.close();
        assertDoesNotThrow(() -> lock("node-2", Duration.ofMinutes(5), now).take());
    }

    @Test
    void theSameRunMayTakeTheLockOfOneDatabaseTwice() throws Exception {
        // Two logical databases (identity, um) can be one physical database.
        Instant now = Instant.now();
        lock("run-1", Duration.ofMinutes(5), now).take();
        assertDoesNotThrow(() -> lock("run-1", Duration.ofMinutes(5), now).take());
    }

    @Test
    void aHolderWhoseLockWasTakenOverNoticesBeforeItsNextStep() throws Exception {
        Instant now = Instant.now();
        MigrationLock stalled = lock("stalled", Duration.ofMinutes(5), now);
        stalled.take();
        lock("node-2", Duration.ofMinutes(5), now.plus(Duration.ofMinutes(6))).take();

        stalled.renew();
        assertThrows(LedgerException.class, stalled::verifyHeld);
    }

    @Test
    void theHeartbeatKeepsALiveHoldersLeaseFromExpiring() throws Exception {
        try (MigrationLock live = MigrationLock.acquire(dataSource, ledger, "live", Duration.ofMillis(600))) {
            Thread.sleep(1500); // more than two leases: only the heartbeat keeps it
            assertThrows(LedgerException.class, () -> lock("node-2", Duration.ofMinutes(5), Instant.now()).take());
            live.verifyHeld();
        }
        assertDoesNotThrow(() -> lock("node-2", Duration.ofMinutes(5), Instant.now()).take());
    }

    private MigrationLock lockOnHost(String holder, String host, LockHolder.ProcessLookup processes) {
        return new MigrationLock(ledger, holder, Duration.ofMinutes(5), Clock.systemUTC(), host, processes);
    }

    @Test
    void aHolderOnThisHostWhoseProcessIsGoneIsTakenOverAtOnceDespiteItsLease() throws Exception {
        lockOnHost("ops@node-a pid 4242 run 20240101T000000Z-abcd", "node-a", pid -> true).take();

        assertDoesNotThrow(() -> lockOnHost("ops@node-a pid 777 run R2", "node-a", pid -> pid != 4242).take());
        assertThrows(LedgerException.class, () -> lockOnHost("ops@node-a pid 888 run R3", "node-a",
                pid -> pid != 4242).take(), "the new holder (pid 777) is alive: its lease holds");
    }

    @Test
    void aLiveHolderAHolderOnAnotherHostAndAnUnreadableHolderKeepTheirLease() throws Exception {
        lockOnHost("ops@node-a pid 4242 run R1", "node-a", pid -> true).take();
        assertThrows(LedgerException.class, () -> lockOnHost("ops@node-a pid 5 run R2", "node-a", pid -> true).take(),
                "pid 4242 still runs");
        assertThrows(LedgerException.class, () -> lockOnHost("ops@node-b pid 5 run R2", "node-b", pid -> false).take(),
                "a process on another host cannot be checked");

        newDatabase();
        lockOnHost("written by hand", "node-a", pid -> true).take();
        assertThrows(LedgerException.class, () -> lockOnHost("ops@node-a pid 5 run R2", "node-a", pid -> false).take());
    }

    @Test
    void aRealProcessThatHasExitedIsRecognisedAsDead() throws Exception {
        Process exited = new ProcessBuilder("java", "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        exited.waitFor();
        String host = LockHolder.localHostName();
        new MigrationLock(ledger, "ops@" + host + " pid " + exited.pid() + " run R1", Duration.ofMinutes(5),
                Clock.systemUTC()).take();

        assertDoesNotThrow(() -> new MigrationLock(ledger, "ops@" + host + " pid " + ProcessHandle.current().pid()
                + " run R2", Duration.ofMinutes(5), Clock.systemUTC()).take());
    }
}

package org.wso2.carbon.is.migration.ledger;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/** The lock on every real engine: one holder at a time, dead holders taken over, live ones kept. */
class MigrationLockTest {

    private DataSource dataSource;
    private Ledger ledger;

    static List<TestEngine> engines() {
        return TestEngine.all();
    }

    private void on(TestEngine engine) throws Exception {
        TestDatabase database = engine.newDatabase();
        dataSource = new DriverDataSource(database.driver(), database.url(), database.user(), database.password());
        ledger = new Ledger(dataSource, database.dialect());
        ledger.ensureTables();
    }

    private MigrationLock lock(String holder, Duration lease, Instant now) {
        return new MigrationLock(ledger, holder, lease, Clock.fixed(now, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSecondProcessIsRefusedWhileTheFirstHoldsTheLockAndIsToldWho(TestEngine engine) throws Exception {
        on(engine);
        Instant now = Instant.now();
        lock("node-1", Duration.ofMinutes(5), now).take();

        LedgerException refused = assertThrows(LedgerException.class,
                () -> lock("node-2", Duration.ofMinutes(5), now.plusSeconds(10)).take());
        assertTrue(refused.getMessage().contains("node-1"), refused.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aLockWhoseHolderDiedIsTakenOverOnceItsLeaseExpired(TestEngine engine) throws Exception {
        on(engine);
        Instant now = Instant.now();
        lock("dead-node", Duration.ofMinutes(5), now).take(); // never renewed, never released

        assertDoesNotThrow(() -> lock("node-2", Duration.ofMinutes(5), now.plus(Duration.ofMinutes(6))).take());
        assertThrows(LedgerException.class,
                () -> lock("node-3", Duration.ofMinutes(5), now.plus(Duration.ofMinutes(7))).take());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void releasingTheLockLetsTheNextProcessIn(TestEngine engine) throws Exception {
        on(engine);
        Instant now = Instant.now();
        MigrationLock first = lock("node-1", Duration.ofMinutes(5), now);
        first.take();
        first.close();
        assertDoesNotThrow(() -> lock("node-2", Duration.ofMinutes(5), now).take());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theSameRunMayTakeTheLockOfOneDatabaseTwice(TestEngine engine) throws Exception {
        on(engine);
        // Two logical databases (identity, um) can be one physical database.
        Instant now = Instant.now();
        lock("run-1", Duration.ofMinutes(5), now).take();
        assertDoesNotThrow(() -> lock("run-1", Duration.ofMinutes(5), now).take());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aHolderWhoseLockWasTakenOverNoticesBeforeItsNextStep(TestEngine engine) throws Exception {
        on(engine);
        Instant now = Instant.now();
        MigrationLock stalled = lock("stalled", Duration.ofMinutes(5), now);
        stalled.take();
        lock("node-2", Duration.ofMinutes(5), now.plus(Duration.ofMinutes(6))).take();

        stalled.renew();
        assertThrows(LedgerException.class, stalled::verifyHeld);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theHeartbeatKeepsALiveHoldersLeaseFromExpiring(TestEngine engine) throws Exception {
        on(engine);
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aHolderOnThisHostWhoseProcessIsGoneIsTakenOverAtOnceDespiteItsLease(TestEngine engine) throws Exception {
        on(engine);
        lockOnHost("ops@node-a pid 4242 run 20240101T000000Z-abcd", "node-a", pid -> true).take();

        assertDoesNotThrow(() -> lockOnHost("ops@node-a pid 777 run R2", "node-a", pid -> pid != 4242).take());
        assertThrows(LedgerException.class, () -> lockOnHost("ops@node-a pid 888 run R3", "node-a",
                pid -> pid != 4242).take(), "the new holder (pid 777) is alive: its lease holds");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aLiveHolderAHolderOnAnotherHostAndAnUnreadableHolderKeepTheirLease(TestEngine engine) throws Exception {
        on(engine);
        lockOnHost("ops@node-a pid 4242 run R1", "node-a", pid -> true).take();
        assertThrows(LedgerException.class, () -> lockOnHost("ops@node-a pid 5 run R2", "node-a", pid -> true).take(),
                "pid 4242 still runs");
        assertThrows(LedgerException.class, () -> lockOnHost("ops@node-b pid 5 run R2", "node-b", pid -> false).take(),
                "a process on another host cannot be checked");

        on(engine);
        lockOnHost("written by hand", "node-a", pid -> true).take();
        assertThrows(LedgerException.class, () -> lockOnHost("ops@node-a pid 5 run R2", "node-a", pid -> false).take());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRealProcessThatHasExitedIsRecognisedAsDead(TestEngine engine) throws Exception {
        on(engine);
        Process exited = new ProcessBuilder("java", "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        exited.waitFor();
        String host = LockHolder.localHostName();
        new MigrationLock(ledger, new LockHolder("ops", host, exited.pid()).format("R1"), Duration.ofMinutes(5),
                Clock.systemUTC()).take();

        assertDoesNotThrow(() -> new MigrationLock(ledger, new LockHolder("ops", host, ProcessHandle.current().pid())
                .format("R2"), Duration.ofMinutes(5), Clock.systemUTC()).take());
    }
}

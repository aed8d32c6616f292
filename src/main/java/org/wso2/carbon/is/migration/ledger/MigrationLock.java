package org.wso2.carbon.is.migration.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps two processes (two nodes started with {@code -Dmigrate}, or a server and the standalone tool) from migrating
 * one database at once. The lock is a row in {@code IS_MIGRATION_LOCK}: the primary key makes the insert the atomic
 * test-and-set on every engine. The holder renews {@code EXPIRES_AT} from a heartbeat; a holder that died stops
 * renewing, and once its lease has expired the next process takes the row over with a compare-and-set update. A
 * holder on the same host whose process is gone (killed, crashed: see {@link LockHolder}) is taken over at once,
 * with the same compare-and-set, without waiting for its lease. Leases are compared with the clocks of the processes, so nodes' clocks must agree to well within the lease.
 */
public final class MigrationLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationLock.class);
    private static final String NAME = "migration";

    private final Ledger ledger;
    private final String holder;
    private final Duration lease;
    private final Clock clock;
    private final String localHost;
    private final LockHolder.ProcessLookup processes;
    private final AtomicReference<String> lost = new AtomicReference<>();
    private ScheduledExecutorService heartbeat;
    private boolean held;

    MigrationLock(Ledger ledger, String holder, Duration lease, Clock clock) {
        this(ledger, holder, lease, clock, LockHolder.localHostName(), LockHolder.ProcessLookup.SYSTEM);
    }

    MigrationLock(Ledger ledger, String holder, Duration lease, Clock clock, String localHost,
                  LockHolder.ProcessLookup processes) {
        this.ledger = ledger;
        this.holder = holder;
        this.lease = lease;
        this.clock = clock;
        this.localHost = localHost;
        this.processes = processes;
    }

    /**
     * Takes the lock of the database behind {@code dataSource} (its ledger tables must exist) and starts renewing
     * it. Fails at once, naming the holder, when a live process holds it.
     */
    public static MigrationLock acquire(DataSource dataSource, Ledger ledger, String holder, Duration lease)
            throws LedgerException {
        MigrationLock lock = new MigrationLock(ledger, holder, lease, Clock.systemUTC());
        lock.take();
        lock.startHeartbeat(dataSource);
        return lock;
    }

    void take() throws LedgerException {
        long now = clock.millis();
        boolean inserted = ledger.withConnection(connection -> tryInsert(connection, now), "take the migration lock");
        if (inserted) {
            held = true;
            return;
        }
        String[] current = ledger.withConnection(this::readHolder, "read the migration lock");
        if (current == null) {
            // Released between our insert and our read: one more attempt decides it.
            if (ledger.withConnection(connection -> tryInsert(connection, clock.millis()), "take the migration lock")) {
                held = true;
                return;
            }
            throw new LedgerException("The migration lock changed hands while it was being taken; try again");
        }
        String currentHolder = current[0];
        long expiresAt = Long.parseLong(current[1]);
        if (currentHolder.equals(holder)) {
            held = true; // Two logical databases on one physical database: the same run already holds it.
            return;
        }
        boolean holderDead = LockHolder.isDeadOnThisHost(currentHolder, localHost, processes);
        if (expiresAt > now && !holderDead) {
            throw new LedgerException("Another migration holds the lock on " + ledger.databaseName() + ": "
                    + describeHolder(currentHolder) + ", lease until " + Instant.ofEpochMilli(expiresAt) + ". Wait for"
                    + " it to finish. If that process is gone: on its own host a new run takes over at once; from"
                    + " here its lease ends at that time, or, once you are sure no migration runs there, clear it"
                    + " with: java -jar <migration jar> unlock --is-home <NEW_IS_HOME> --force");
        }
        boolean takenOver = ledger.withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE IS_MIGRATION_LOCK SET HOLDER = ?,"
                    + " ACQUIRED_AT = ?, EXPIRES_AT = ? WHERE LOCK_NAME = ? AND HOLDER = ? AND EXPIRES_AT = ?")) {
                update.setString(1, holder);
                update.setLong(2, now);
                update.setLong(3, now + lease.toMillis());
                update.setString(4, NAME);
                update.setString(5, currentHolder);
                update.setLong(6, expiresAt);
                return update.executeUpdate() == 1;
            }
        }, "take over the abandoned migration lock");
        if (!takenOver) {
            throw new LedgerException("Another process took over the abandoned migration lock first; try again");
        }
        if (expiresAt > now) {
            LOG.warn("Took over the migration lock from {}: that process is no longer running on this host.",
                    currentHolder);
        } else {
            LOG.warn("Took over the migration lock from {}, whose lease expired at {} (that process died or hung).",
                    currentHolder, Instant.ofEpochMilli(expiresAt));
        }
        held = true;
    }

    /** The holder as an operator reads it: host and process first, when the text is in the engine's format. */
    static String describeHolder(String holder) {
        Optional<LockHolder> parsed = LockHolder.parse(holder);
        return parsed.isPresent() ? "host " + parsed.get().host() + ", process " + parsed.get().pid() + " ("
                + holder + ")" : holder;
    }

    /** Who holds the lock of a database, read without taking it; empty when nobody does (or no ledger exists). */
    public static Optional<String> inspect(Ledger ledger) throws LedgerException {
        if (!ledger.exists()) {
            return Optional.empty();
        }
        return ledger.withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT HOLDER, ACQUIRED_AT, EXPIRES_AT FROM IS_MIGRATION_LOCK WHERE LOCK_NAME = ?")) {
                query.setString(1, NAME);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(describeHolder(rows.getString(1)) + ", since "
                            + Instant.ofEpochMilli(rows.getLong(2)) + ", lease until "
                            + Instant.ofEpochMilli(rows.getLong(3))) : Optional.<String>empty();
                }
            }
        }, "read the migration lock of " + ledger.databaseName());
    }

    /**
     * Deletes the lock row whoever holds it, for an operator who made sure its holder (on another host) is gone.
     * Returns whether there was one.
     */
    public static boolean clear(Ledger ledger) throws LedgerException {
        if (!ledger.exists()) {
            return false;
        }
        return ledger.withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM IS_MIGRATION_LOCK WHERE LOCK_NAME = ?")) {
                delete.setString(1, NAME);
                return delete.executeUpdate() > 0;
            }
        }, "clear the migration lock of " + ledger.databaseName());
    }

    private boolean tryInsert(Connection connection, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO IS_MIGRATION_LOCK"
                + " (LOCK_NAME, HOLDER, ACQUIRED_AT, EXPIRES_AT) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, NAME);
            insert.setString(2, holder);
            insert.setLong(3, now);
            insert.setLong(4, now + lease.toMillis());
            insert.executeUpdate();
            return true;
        } catch (SQLException duplicate) {
            // Any failure here is read as "taken"; readHolder then tells, and a real fault resurfaces there.
            LOG.debug("Lock insert refused: {}", duplicate.getMessage());
            return false;
        }
    }

    private String[] readHolder(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT HOLDER, EXPIRES_AT FROM IS_MIGRATION_LOCK WHERE LOCK_NAME = ?")) {
            query.setString(1, NAME);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new String[] {rows.getString(1), Long.toString(rows.getLong(2))} : null;
            }
        }
    }

    private void startHeartbeat(DataSource dataSource) {
        long period = Math.max(1, lease.toMillis() / 3);
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "migration-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /** Extends the lease; records a loss if the row is no longer ours. */
    void renew() {
        try {
            int updated = ledger.withConnection(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE IS_MIGRATION_LOCK SET EXPIRES_AT = ? WHERE LOCK_NAME = ? AND HOLDER = ?")) {
                    update.setLong(1, clock.millis() + lease.toMillis());
                    update.setString(2, NAME);
                    update.setString(3, holder);
                    return update.executeUpdate();
                }
            }, "renew the migration lock");
            if (updated == 0) {
                lost.compareAndSet(null, "the lock row was taken by another process");
            }
        } catch (LedgerException e) {
            LOG.warn("Could not renew the migration lock (will retry): {}", e.getMessage());
        }
    }

    /** Throws if the lock was lost (e.g. the lease lapsed during a long stall and another process took it). */
    public void verifyHeld() throws LedgerException {
        String reason = lost.get();
        if (reason != null) {
            throw new LedgerException("Lost the migration lock: " + reason + "; stopping before the next step");
        }
    }

    /**
     * Stops the heartbeat and deletes the lock row if it is still ours. The heartbeat is not interrupted: an interrupt
     * during a renewal's file access closes an embedded H2 database's file for every connection (h2database issues
     * 227 and 1076), which broke the next run with "File corrupted while reading record". A renewal under way is
     * waited for instead (it is one short update).
     */
    @Override
    public void close() throws LedgerException {
        if (heartbeat != null) {
            heartbeat.shutdown();
            try {
                heartbeat.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!held) {
            return;
        }
        held = false;
        ledger.withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM IS_MIGRATION_LOCK WHERE LOCK_NAME = ? AND HOLDER = ?")) {
                delete.setString(1, NAME);
                delete.setString(2, holder);
                return delete.executeUpdate();
            }
        }, "release the migration lock");
    }
}

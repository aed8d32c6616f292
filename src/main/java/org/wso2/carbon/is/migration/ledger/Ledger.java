package org.wso2.carbon.is.migration.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.ledger.LedgerEntry.Outcome;

/**
 * The history of every step run against one database, and the checkpoints of long steps. Every write commits at
 * once on its own connection, so the record survives whatever happens to the step's own transaction.
 */
public final class Ledger {

    private static final int DETAIL_LIMIT = 2000;
    private static final int DESCRIPTION_LIMIT = 1024;
    private static final String COLUMNS = "ID, RUN_ID, STEP_KEY, VERSION, STEP_ORDER, MIGRATOR, TARGET_DB, DESCRIPTION, "
            + "CHECKSUM, OUTCOME, ROWS_AFFECTED, STARTED_AT, FINISHED_AT, EXECUTED_BY, DETAIL";

    private final DataSource dataSource;
    private final Dialect dialect;
    private final String databaseName;

    public Ledger(DataSource dataSource, Dialect dialect) {
        this(dataSource, dialect, "the database");
    }

    /** @param databaseName how messages name the database, e.g. {@code jdbc/WSO2IdentityDB (identity, uma)} */
    public Ledger(DataSource dataSource, Dialect dialect, String databaseName) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.databaseName = databaseName;
    }

    /** How messages name the database of this ledger. */
    public String databaseName() {
        return databaseName;
    }

    /** Whether the ledger tables exist (read-only check, as a dry run needs). */
    public boolean exists() throws LedgerException {
        return withConnection(LedgerTables::exist, "check for the ledger tables");
    }

    /** Creates the ledger tables if they are missing. */
    public void ensureTables() throws LedgerException {
        try (Connection connection = dataSource.getConnection()) {
            LedgerTables.ensure(connection, dialect);
        } catch (SQLException e) {
            throw new LedgerException("Could not connect to create the ledger tables: " + e.getMessage(), e);
        }
    }

    /** Every recorded run, oldest first; empty when the ledger does not exist yet. */
    public List<LedgerEntry> history() throws LedgerException {
        if (!exists()) {
            return Collections.emptyList();
        }
        return withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM " + LedgerTables.HISTORY + " ORDER BY ID");
                 ResultSet rows = query.executeQuery()) {
                List<LedgerEntry> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(read(rows));
                }
                return entries;
            }
        }, "read the migration history");
    }

    /**
     * True when a step of one of these releases was ever recorded, whatever its outcome: a migration through them
     * was started on this database (and its schema is between two releases by design).
     */
    public boolean recordsAnyOf(Collection<String> versions) throws LedgerException {
        return history().stream().anyMatch(entry -> versions.contains(entry.version()));
    }

    /** The most recent run of a step, whatever its outcome. */
    public Optional<LedgerEntry> latest(String stepKey) throws LedgerException {
        return latest(stepKey, null);
    }

    /** The most recent successful run of a step. */
    public Optional<LedgerEntry> lastSuccess(String stepKey) throws LedgerException {
        return latest(stepKey, Outcome.SUCCESS);
    }

    private Optional<LedgerEntry> latest(String stepKey, Outcome outcome) throws LedgerException {
        if (!exists()) {
            return Optional.empty();
        }
        String sql = "SELECT " + COLUMNS + " FROM " + LedgerTables.HISTORY + " WHERE STEP_KEY = ?"
                + (outcome == null ? "" : " AND OUTCOME = ?") + " ORDER BY ID DESC";
        return withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, stepKey);
                if (outcome != null) {
                    query.setString(2, outcome.name());
                }
                query.setMaxRows(1);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<LedgerEntry>empty();
                }
            }
        }, "read the migration history");
    }

    /** Records that a step starts; returns the row id to {@link #finish} later. Caller holds the migration lock. */
    public long begin(String runId, String stepKey, String version, int order, String migrator, String targetDb,
                      String description, String checksum, String executedBy) throws LedgerException {
        return withConnection(connection -> {
            long id;
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT COALESCE(MAX(ID), 0) + 1 FROM " + LedgerTables.HISTORY);
                 ResultSet rows = next.executeQuery()) {
                rows.next();
                id = rows.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + LedgerTables.HISTORY
                    + " (ID, RUN_ID, STEP_KEY, VERSION, STEP_ORDER, MIGRATOR, TARGET_DB, DESCRIPTION, CHECKSUM,"
                    + " OUTCOME, ROWS_AFFECTED, STARTED_AT, EXECUTED_BY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, runId);
                insert.setString(3, stepKey);
                insert.setString(4, version);
                insert.setInt(5, order);
                insert.setString(6, migrator);
                insert.setString(7, targetDb);
                insert.setString(8, cap(description, DESCRIPTION_LIMIT));
                insert.setString(9, checksum);
                insert.setString(10, Outcome.RUNNING.name());
                insert.setLong(11, 0);
                insert.setTimestamp(12, Timestamp.from(Instant.now()));
                insert.setString(13, cap(executedBy, 255));
                insert.executeUpdate();
            }
            return id;
        }, "record the start of step " + stepKey);
    }

    /** Records how a step ended. */
    public void finish(long id, Outcome outcome, long rowsAffected, String detail) throws LedgerException {
        withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + LedgerTables.HISTORY
                    + " SET OUTCOME = ?, ROWS_AFFECTED = ?, FINISHED_AT = ?, DETAIL = ? WHERE ID = ?")) {
                update.setString(1, outcome.name());
                update.setLong(2, rowsAffected);
                update.setTimestamp(3, Timestamp.from(Instant.now()));
                update.setString(4, cap(detail, DETAIL_LIMIT));
                update.setLong(5, id);
                if (update.executeUpdate() != 1) {
                    throw new SQLException("history row " + id + " is missing");
                }
            }
            return null;
        }, "record the end of history row " + id);
    }

    /** A step's checkpoint value, if saved. */
    public Optional<String> checkpoint(String stepKey, String key) throws LedgerException {
        if (!exists()) {
            return Optional.empty();
        }
        return withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT CP_VALUE FROM IS_MIGRATION_CHECKPOINT WHERE STEP_KEY = ? AND CP_KEY = ?")) {
                query.setString(1, stepKey);
                query.setString(2, key);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.<String>empty();
                }
            }
        }, "read checkpoint " + key + " of " + stepKey);
    }

    /** Saves (inserts or replaces) a step's checkpoint, committed at once on a connection of its own. */
    public void saveCheckpoint(String stepKey, String key, String value) throws LedgerException {
        withConnection(connection -> {
            saveCheckpoint(connection, stepKey, key, value);
            return null;
        }, "save checkpoint " + key + " of " + stepKey);
    }

    /**
     * Saves (inserts or replaces) a step's checkpoint on the caller's connection, in its transaction, uncommitted.
     * The caller holds the migration lock, so update-then-insert cannot race another writer.
     */
    public static void saveCheckpoint(Connection connection, String stepKey, String key, String value)
            throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement update = connection.prepareStatement("UPDATE IS_MIGRATION_CHECKPOINT"
                + " SET CP_VALUE = ?, UPDATED_AT = ? WHERE STEP_KEY = ? AND CP_KEY = ?")) {
            update.setString(1, value);
            update.setTimestamp(2, now);
            update.setString(3, stepKey);
            update.setString(4, key);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO IS_MIGRATION_CHECKPOINT"
                + " (STEP_KEY, CP_KEY, CP_VALUE, UPDATED_AT) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, stepKey);
            insert.setString(2, key);
            insert.setString(3, value);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        }
    }

    private static LedgerEntry read(ResultSet rows) throws SQLException {
        Timestamp finished = rows.getTimestamp("FINISHED_AT");
        return new LedgerEntry(rows.getLong("ID"), rows.getString("RUN_ID"), rows.getString("STEP_KEY"),
                rows.getString("VERSION"), rows.getInt("STEP_ORDER"), rows.getString("MIGRATOR"),
                rows.getString("TARGET_DB"), rows.getString("DESCRIPTION"), rows.getString("CHECKSUM"),
                Outcome.valueOf(rows.getString("OUTCOME")), rows.getLong("ROWS_AFFECTED"),
                rows.getTimestamp("STARTED_AT").toInstant(), finished == null ? null : finished.toInstant(),
                rows.getString("EXECUTED_BY"), rows.getString("DETAIL"));
    }

    private static String cap(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        return text.substring(0, limit - 3) + "...";
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException, LedgerException;
    }

    /** Runs work on a fresh auto-commit connection, restoring the pool's auto-commit setting afterwards. */
    <T> T withConnection(SqlWork<T> work, String what) throws LedgerException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try {
                return work.run(connection);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new LedgerException("Could not " + what + ": " + e.getMessage(), e);
        }
    }
}

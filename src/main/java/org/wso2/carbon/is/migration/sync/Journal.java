package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.wso2.carbon.is.migration.database.DatabaseEngine;

/**
 * The journal of one synced table on the source database: what the run reads and removes.
 *
 * <p>Ids order entries only within one read; they are not commit order, and the run never remembers one across
 * reads (see {@link SyncRun}).
 */
final class Journal {

    /** Ids per DELETE or UPDATE statement, well under every engine's parameter limit. */
    private static final int IDS_PER_DELETE = 500;

    private final SyncedTable table;
    private final DatabaseEngine engine;

    Journal(SyncedTable table, DatabaseEngine engine) {
        this.table = table;
        this.engine = engine;
    }

    SyncedTable table() {
        return table;
    }

    /** The largest id committed so far, or 0: where one pass over the journal stops. */
    long lastId(Connection source) throws SQLException {
        try (PreparedStatement statement = source.prepareStatement("SELECT MAX(SYNC_ID) FROM " + table.journal());
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Up to {@code size} entries with ids in ({@code after}, {@code upTo}], lowest first. */
    List<JournalEntry> page(Connection source, long after, long upTo, int size) throws SQLException {
        String sql = engine.firstRows("SYNC_ID, SYNC_OP, CHANGED_AT, SYNC_FAILURES, " + table.keyList(""),
                table.journal(), "SYNC_ID > ? AND SYNC_ID <= ?", "SYNC_ID", size);
        List<JournalEntry> entries = new ArrayList<>();
        try (PreparedStatement statement = source.prepareStatement(sql)) {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new JournalEntry(rows.getLong(1), rows.getString(2), rows.getTimestamp(3),
                            RowKey.read(rows, 5, table.keys().size()), rows.getInt(4)));
                }
            }
        }
        return entries;
    }

    /** Removes exactly these entries (those whose change the target now has); the caller commits. */
    void delete(Connection source, Collection<Long> ids) throws SQLException {
        byIds(source, "DELETE FROM " + table.journal(), null, ids);
    }

    /**
     * Records on these entries (one row's) that the target has now refused the row {@code failures} times, so
     * that a restarted run goes on counting toward {@code maxAttempts} instead of starting again; the entries'
     * removal, when the row is applied or parked, takes the count with it. The caller commits.
     */
    void recordFailures(Connection source, Collection<Long> ids, int failures) throws SQLException {
        byIds(source, "UPDATE " + table.journal() + " SET SYNC_FAILURES = ?", failures, ids);
    }

    /** Runs {@code statement WHERE SYNC_ID IN (...)} over the ids in chunks, {@code value} (if any) bound first. */
    private void byIds(Connection source, String statementStart, Integer value, Collection<Long> ids)
            throws SQLException {
        int first = value == null ? 1 : 2;
        Iterator<Long> remaining = ids.iterator();
        while (remaining.hasNext()) {
            List<Long> chunk = new ArrayList<>();
            while (remaining.hasNext() && chunk.size() < IDS_PER_DELETE) {
                chunk.add(remaining.next());
            }
            String sql = statementStart + " WHERE SYNC_ID IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement statement = source.prepareStatement(sql)) {
                if (value != null) {
                    statement.setInt(1, value);
                }
                for (int i = 0; i < chunk.size(); i++) {
                    statement.setLong(first + i, chunk.get(i));
                }
                statement.executeUpdate();
            }
        }
    }

    /** Queues keys for the next run (verify's repair), as if their rows had changed; the caller commits. */
    void enqueue(Connection source, Collection<RowKey> keys) throws SQLException {
        String sql = "INSERT INTO " + table.journal() + " (SYNC_OP, " + table.keyList("") + ") VALUES ('R', "
                + String.join(", ", Collections.nCopies(table.keys().size(), "?")) + ")";
        try (PreparedStatement statement = source.prepareStatement(sql)) {
            for (RowKey key : keys) {
                key.bind(statement, 1);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Pending entries, those of them whose row the target has refused (retried, not parked yet), and the age of the
     * oldest, all read in one statement on the source's clock.
     */
    Backlog backlog(Connection source) throws SQLException {
        try (PreparedStatement statement = source.prepareStatement(
                "SELECT COUNT(*), SUM(CASE WHEN SYNC_FAILURES > 0 THEN 1 ELSE 0 END), MIN(CHANGED_AT),"
                        + " CURRENT_TIMESTAMP FROM " + table.journal());
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            long pending = rows.getLong(1);
            long failing = rows.getLong(2);
            Timestamp oldest = rows.getTimestamp(3);
            Timestamp now = rows.getTimestamp(4);
            long lagMillis = oldest == null ? 0 : Math.max(0, now.getTime() - oldest.getTime());
            return new Backlog(pending, failing, lagMillis);
        }
    }

    /** How far behind the target is on one table. */
    static final class Backlog {
        private final long pending;
        private final long failing;
        private final long lagMillis;

        Backlog(long pending, long failing, long lagMillis) {
            this.pending = pending;
            this.failing = failing;
            this.lagMillis = lagMillis;
        }

        /** Journal entries not yet applied. */
        long pending() {
            return pending;
        }

        /** Of them, the entries of rows the target refused at least once, waiting for a retry. */
        long failing() {
            return failing;
        }

        /** Age of the oldest of them, 0 when there is none. */
        long lagMillis() {
            return lagMillis;
        }
    }
}

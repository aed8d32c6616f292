package org.wso2.carbon.is.migration.migrator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.StepProgress;
import org.wso2.carbon.is.migration.dialect.Dialect;

/**
 * Walks a table in chunks by key range, so that a data change on a table of any size holds its row locks for one
 * chunk at a time and never pages with OFFSET (whose cost grows with the square of the table).
 *
 * <p>Each chunk: one bounded, index-ordered query finds the chunk's upper key, the largest of the next n keys after
 * the last one done ({@code SELECT MAX(K) FROM (SELECT key AS K ... WHERE key > ? ORDER BY key <first n rows>) X});
 * the caller's {@link ChunkWork} changes the rows of the range {@code key > lower AND key <= upper} with set-based
 * statements; the walker commits, counts the rows in the step's progress and saves {@code upper} as the checkpoint
 * named after the table. A run that finds a checkpoint starts after it. The key need not be unique: every row whose
 * key equals the upper key falls in the same chunk, and the next chunk starts after it (a chunk then holds more than
 * n rows when the upper key repeats). Rows whose key is NULL are outside every range; the caller handles them.
 *
 * <p>A crash between a chunk's commit and its checkpoint means the next run repeats that one chunk, so chunk work
 * must only touch rows that still need it (which makes the repeat change nothing).
 */
public final class KeyRangeWalker {

    /** The keys a chunk covers: above {@code lowerExclusive} (from the first key when null), up to {@code upperInclusive}. */
    public record KeyRange(String lowerExclusive, String upperInclusive) {

        /** The condition on the key column, with placeholders bound by {@link #bind}. */
        public String condition(String keyColumn) {
            return (lowerExclusive == null ? "" : keyColumn + " > ? AND ") + keyColumn + " <= ?";
        }

        /** Binds the placeholders of {@link #condition} from {@code index} on; returns the next free index. */
        public int bind(PreparedStatement statement, int index, boolean numericKey) throws SQLException {
            int next = index;
            if (lowerExclusive != null) {
                bindKey(statement, next++, lowerExclusive, numericKey);
            }
            bindKey(statement, next++, upperInclusive, numericKey);
            return next;
        }
    }

    /** Changes the rows of one chunk, on the walker's connection, without committing; returns rows changed. */
    @FunctionalInterface
    public interface ChunkWork {
        long run(Connection connection, KeyRange range) throws SQLException;
    }

    /** How a walk went. */
    public record Outcome(String table, long chunks, long rowsChanged, boolean resumed) {
    }

    private final FirstRowsSyntax firstRows;
    private final String table;
    private final String checkpointKey;
    private final String keyColumn;
    private final boolean numericKey;
    private final ChunkSizer sizer;

    /**
     * @param dialect    the engine, for its first-n-rows syntax
     * @param table      the table walked; also the checkpoint's name
     * @param keyColumn  an indexed column to order by (a primary key, or any indexed column, see the class comment)
     * @param numericKey true for an integer key (bound as a number); false for a character key
     * @param sizer      the size of each chunk
     */
    public KeyRangeWalker(Dialect dialect, String table, String keyColumn, boolean numericKey, ChunkSizer sizer) {
        this(dialect, table, table, keyColumn, numericKey, sizer);
    }

    /**
     * A walk whose checkpoint is saved under {@code checkpointKey} rather than the table's name, for a second walk
     * over the same table within one step (the purge before the backfill).
     */
    public KeyRangeWalker(Dialect dialect, String table, String checkpointKey, String keyColumn, boolean numericKey,
                          ChunkSizer sizer) {
        this.firstRows = FirstRowsSyntax.of(dialect);
        this.table = table;
        this.checkpointKey = checkpointKey;
        this.keyColumn = keyColumn;
        this.numericKey = numericKey;
        this.sizer = sizer;
    }

    /**
     * Walks the whole table (after the saved checkpoint, if any) on {@code connection}, whose auto-commit must be off.
     * On a failure the open chunk is rolled back and the exception thrown; committed chunks stay done and checkpointed.
     */
    public Outcome walk(Connection connection, StepProgress progress, ChunkWork work) throws SQLException {
        Optional<String> checkpoint = progress.checkpoint(checkpointKey);
        String lower = checkpoint.orElse(null);
        long chunks = 0;
        long rows = 0;
        while (true) {
            int size = sizer.nextSize();
            long started = System.nanoTime();
            Optional<String> upper;
            long changed;
            try {
                upper = upperKey(connection, lower, size);
                if (upper.isEmpty()) {
                    connection.rollback(); // ends the read transaction; nothing was changed
                    break;
                }
                changed = work.run(connection, new KeyRange(lower, upper.get()));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            chunks++;
            rows += changed;
            progress.rows(changed);
            progress.saveCheckpoint(checkpointKey, upper.get());
            sizer.chunkDone(size, changed, System.nanoTime() - started);
            lower = upper.get();
        }
        return new Outcome(table, chunks, rows, checkpoint.isPresent());
    }

    /** The largest of the next {@code size} keys after {@code lower}, or empty when no key is left. */
    Optional<String> upperKey(Connection connection, String lower, int size) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(upperKeySql(lower == null, size))) {
            if (lower != null) {
                bindKey(query, 1, lower, numericKey);
            }
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
            }
        }
    }

    /** The query for a chunk's upper key; one placeholder (the last key done) unless the walk starts at the first key. */
    String upperKeySql(boolean fromFirstKey, int size) {
        String where = fromFirstKey ? keyColumn + " IS NOT NULL" : keyColumn + " > ?";
        return "SELECT MAX(K) FROM (" + firstRows.firstRows(keyColumn + " AS K", table, where, keyColumn, size)
                + ") X";
    }

    private static void bindKey(PreparedStatement statement, int index, String key, boolean numeric)
            throws SQLException {
        if (numeric) {
            statement.setLong(index, Long.parseLong(key));
        } else {
            statement.setString(index, key);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}

package org.wso2.carbon.is.migration.chunk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

import org.wso2.carbon.is.migration.database.DatabaseEngine;

/**
 * Cuts a table into ranges of an indexed column, never with OFFSET (whose cost grows with the square of the table):
 * one bounded, index-ordered query finds each range's upper end, the largest of the next n values after the last
 * range ({@code SELECT MAX(K) FROM (SELECT col AS K ... WHERE col > ? ORDER BY col <first n rows>) X}), and the range
 * is {@code col > lower AND col <= upper}.
 *
 * <p>The column need not be unique: every row whose value equals the upper end falls in the same range, and the next
 * range starts after it (a range then holds more than n rows when the upper value repeats). Rows whose value is NULL
 * are outside every range; the caller handles them ({@link #coversEveryRow} is false for a key).
 *
 * <p>On H2 the column is {@code _ROWID_}, the row id that keys the table's own storage: ranges of it read rows where
 * they lie, even where the primary key is a VARCHAR held in a secondary index, and an update never changes it.
 */
public final class KeyOrderSlicer implements TableSlicer {

    public static final String ROW_ID = "_ROWID_";
    /** The row-id walk's checkpoints carry the column, so a checkpoint of one kind of walk is never read as another's. */
    private static final String ROW_ID_CHECKPOINT = ROW_ID + " ";

    /** A range {@code column > lower AND column <= upper}; from the first value when {@code lowerExclusive} is null. */
    public static final class KeyRange implements ChunkRange {

        private final String column;
        private final boolean numeric;
        private final String lowerExclusive;
        private final String upperInclusive;
        private final String checkpoint;

        public KeyRange(String column, boolean numeric, String lowerExclusive, String upperInclusive, String checkpoint) {
            this.column = column;
            this.numeric = numeric;
            this.lowerExclusive = lowerExclusive;
            this.upperInclusive = upperInclusive;
            this.checkpoint = checkpoint;
        }

        public String column() {
            return column;
        }

        public boolean numeric() {
            return numeric;
        }

        public String lowerExclusive() {
            return lowerExclusive;
        }

        public String upperInclusive() {
            return upperInclusive;
        }

        @Override
        public String checkpoint() {
            return checkpoint;
        }

        @Override
        public String condition(String table) {
            String qualified = table + "." + column;
            return (lowerExclusive == null ? "" : qualified + " > ? AND ") + qualified + " <= ?";
        }

        @Override
        public int bind(PreparedStatement statement, int index) throws SQLException {
            int next = index;
            if (lowerExclusive != null) {
                bindValue(statement, next++, lowerExclusive, numeric);
            }
            bindValue(statement, next++, upperInclusive, numeric);
            return next;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof KeyRange)) {
                return false;
            }
            KeyRange other = (KeyRange) o;
            return Objects.equals(column, other.column) && numeric == other.numeric
                    && Objects.equals(lowerExclusive, other.lowerExclusive)
                    && Objects.equals(upperInclusive, other.upperInclusive)
                    && Objects.equals(checkpoint, other.checkpoint);
        }

        @Override
        public int hashCode() {
            return Objects.hash(column, numeric, lowerExclusive, upperInclusive, checkpoint);
        }

        @Override
        public String toString() {
            return "KeyRange[column=" + column + ", numeric=" + numeric + ", lowerExclusive=" + lowerExclusive
                    + ", upperInclusive=" + upperInclusive + ", checkpoint=" + checkpoint + "]";
        }
    }

    private final DatabaseEngine engine;
    private final String table;
    private final String column;
    private final boolean numeric;
    private final boolean rowId;

    private KeyOrderSlicer(DatabaseEngine engine, String table, String column, boolean numeric, boolean rowId) {
        this.engine = engine;
        this.table = table;
        this.column = column;
        this.numeric = numeric;
        this.rowId = rowId;
    }

    /** Ranges of {@code key}, which must be indexed; {@code numeric} binds its values as numbers. */
    public static KeyOrderSlicer byKey(DatabaseEngine engine, String table, String key, boolean numeric) {
        return new KeyOrderSlicer(engine, table, key, numeric, false);
    }

    /** Ranges of H2's row id. */
    static KeyOrderSlicer byRowId(DatabaseEngine engine, String table) {
        return new KeyOrderSlicer(engine, table, ROW_ID, true, true);
    }

    @Override
    public Optional<ChunkRange> next(Connection connection, Optional<String> checkpoint, int rows)
            throws SQLException {
        String lower = lowerEnd(checkpoint);
        try (PreparedStatement query = connection.prepareStatement(upperEndSql(lower == null, rows))) {
            if (lower != null) {
                bindValue(query, 1, lower, numeric);
            }
            try (ResultSet result = query.executeQuery()) {
                String upper = result.next() ? result.getString(1) : null;
                return upper == null ? Optional.empty()
                        : Optional.of(new KeyRange(column, numeric, lower, upper, rowId ? ROW_ID_CHECKPOINT + upper
                        : upper));
            }
        }
    }

    /**
     * The value the walk continues after. A checkpoint another kind of walk saved (a page or row-id position, when
     * the engine was upgraded or the tool changed between two runs) is not a value of this column: the walk then
     * starts again from the first row, which only repeats work the chunk statements skip.
     */
    private String lowerEnd(Optional<String> checkpoint) {
        if (!checkpoint.isPresent()) {
            return null;
        }
        String saved = checkpoint.get();
        boolean rowIdCheckpoint = saved.startsWith(ROW_ID_CHECKPOINT);
        if (rowId) {
            return rowIdCheckpoint ? saved.substring(ROW_ID_CHECKPOINT.length()) : null;
        }
        return rowIdCheckpoint || saved.startsWith(PageRangeSlicer.CHECKPOINT_PREFIX) ? null : saved;
    }

    /** The query for a range's upper end; one placeholder (the last value done) unless the walk starts at the first. */
    public String upperEndSql(boolean fromFirst, int rows) {
        String where = fromFirst ? column + " IS NOT NULL" : column + " > ?";
        return "SELECT MAX(K) FROM (" + engine.firstRows(column + " AS K", table, where, column, rows) + ") X";
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public boolean coversEveryRow() {
        return rowId;
    }

    @Override
    public boolean rowsMayMove() {
        return false;
    }

    @Override
    public ChunkRange sample() {
        return new KeyRange(column, numeric, "?", "?", "?");
    }

    private static void bindValue(PreparedStatement statement, int index, String value, boolean numeric)
            throws SQLException {
        if (numeric) {
            statement.setLong(index, Long.parseLong(value));
        } else {
            statement.setString(index, value);
        }
    }
}

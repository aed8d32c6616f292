package org.wso2.carbon.is.migration.chunk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts a PostgreSQL table into ranges of heap pages, {@code ctid >= '(first,0)' AND ctid < '(end,0)'}, which
 * PostgreSQL 14 and later read with a TID range scan: each chunk reads its pages in order, as a whole-table UPDATE
 * does, where a range of the VARCHAR primary key would visit rows scattered over the whole heap.
 *
 * <p>The walk covers the pages the table has when it starts. The row versions a chunk's UPDATE writes go to free
 * space or new pages at the end; they already have what the chunk set, so the chunk statements (which only touch
 * rows that still need the change) pass over them wherever they land. A row that another session updates while the
 * walk goes on may move from a page not yet walked to one already walked ({@link #rowsMayMove}); the caller checks
 * for such rows at the end.
 *
 * <p>How many pages make a chunk of n rows comes from the table's statistics (rows per page from
 * {@code pg_class.reltuples / relpages}); the adaptive sizer corrects any error by the time chunks take. The
 * checkpoint is {@code ctid page <end>}.
 */
public final class PageRangeSlicer implements TableSlicer {

    public static final String CHECKPOINT_PREFIX = "ctid page ";
    /** Rows per page assumed for a table never analysed (a token row takes about 150 of a page's 8192 bytes). */
    private static final double UNKNOWN_ROWS_PER_PAGE = 50;

    /** Pages {@code first} (inclusive) to {@code end} (exclusive). */
    public static final class PageRange implements ChunkRange {

        private final long first;
        private final long end;

        public PageRange(long first, long end) {
            this.first = first;
            this.end = end;
        }

        public long first() {
            return first;
        }

        public long end() {
            return end;
        }

        @Override
        public String condition(String table) {
            return table + ".ctid >= CAST(? AS tid) AND " + table + ".ctid < CAST(? AS tid)";
        }

        @Override
        public int bind(PreparedStatement statement, int index) throws SQLException {
            statement.setString(index, "(" + first + ",0)");
            statement.setString(index + 1, "(" + end + ",0)");
            return index + 2;
        }

        @Override
        public String checkpoint() {
            return CHECKPOINT_PREFIX + end;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof PageRange)) {
                return false;
            }
            PageRange other = (PageRange) o;
            return first == other.first && end == other.end;
        }

        @Override
        public int hashCode() {
            return Objects.hash(first, end);
        }

        @Override
        public String toString() {
            return "PageRange[first=" + first + ", end=" + end + "]";
        }
    }

    private final String table;
    private long endPage = -1;
    private double rowsPerPage;

    PageRangeSlicer(String table) {
        this.table = table;
    }

    @Override
    public Optional<ChunkRange> next(Connection connection, Optional<String> checkpoint, int rows)
            throws SQLException {
        if (endPage < 0) {
            measure(connection);
        }
        long first = checkpoint.filter(saved -> saved.startsWith(CHECKPOINT_PREFIX))
                .map(saved -> Long.parseLong(saved.substring(CHECKPOINT_PREFIX.length())))
                .orElse(0L); // no checkpoint, or another kind of walk's: from the first page (see KeyOrderSlicer)
        if (first >= endPage) {
            return Optional.empty();
        }
        long pages = Math.max(1, (long) Math.ceil(rows / rowsPerPage));
        return Optional.of(new PageRange(first, Math.min(endPage, first + pages)));
    }

    /** The table's pages now, which the walk covers, and its rows per page. */
    private void measure(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pg_relation_size(c.oid)"
                + " / current_setting('block_size')::bigint, c.reltuples, c.relpages FROM pg_class c"
                + " WHERE c.oid = CAST(? AS regclass)")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new SQLException("table " + table + " not found in pg_class");
                }
                endPage = result.getLong(1);
                double tuples = result.getDouble(2);
                long statPages = result.getLong(3);
                rowsPerPage = tuples > 0 && statPages > 0 ? Math.max(1, tuples / statPages) : UNKNOWN_ROWS_PER_PAGE;
            }
        }
    }

    @Override
    public String column() {
        return "ctid";
    }

    @Override
    public boolean coversEveryRow() {
        return true;
    }

    @Override
    public boolean rowsMayMove() {
        return true;
    }

    @Override
    public ChunkRange sample() {
        return new PageRange(0, 0);
    }
}

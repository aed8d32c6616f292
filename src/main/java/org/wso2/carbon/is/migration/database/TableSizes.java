package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How many rows a table holds, for the pre-flight report and the progress totals, read as cheaply as the engine
 * allows: its statistics where it keeps them (an estimate, as of the last ANALYZE or statistics update, which each
 * engine reads in its {@link DatabaseEngine#tableSizeEstimate}), else an exact {@code COUNT(*)}. A table never
 * analysed has no statistics, and is then counted.
 */
public final class TableSizes {

    /** A table's row count, and where it comes from. */
    public static final class TableSize {

        private final String table;
        private final long rows;
        private final String source;

        TableSize(String table, long rows, String source) {
            this.table = table;
            this.rows = rows;
            this.source = source;
        }

        public String table() {
            return table;
        }

        public long rows() {
            return rows;
        }

        public String source() {
            return source;
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s: %s%,d rows (%s)", table, source.startsWith("exact") ? "" : "~",
                    rows, source);
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof TableSize)) {
                return false;
            }
            TableSize other = (TableSize) o;
            return Objects.equals(table, other.table) && rows == other.rows && Objects.equals(source, other.source);
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, rows, source);
        }

        @Override
        public String toString() {
            return "TableSize[table=" + table + ", rows=" + rows + ", source=" + source + "]";
        }
    }

    private TableSizes() {
    }

    public static TableSize of(Connection connection, DatabaseEngine engine, String table) throws SQLException {
        Optional<TableSize> estimate = engine.tableSizeEstimate(connection, table);
        if (estimate.isPresent()) {
            return estimate.get();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return new TableSize(table, rows.getLong(1), "exact count");
        }
    }

    /**
     * The estimate {@code query} reads from the engine's {@code statistics}, {@code table}'s name bound to its one
     * parameter; empty where they have none for it (no row, NULL, or a negative count).
     */
    static Optional<TableSize> fromStatistics(Connection connection, String table, String query, String statistics)
            throws SQLException {
        try (PreparedStatement estimateQuery = connection.prepareStatement(query)) {
            estimateQuery.setString(1, table);
            try (ResultSet rows = estimateQuery.executeQuery()) {
                if (rows.next()) {
                    long estimate = rows.getLong(1);
                    if (!rows.wasNull() && estimate >= 0) {
                        return Optional.of(new TableSize(table, estimate, "estimate from " + statistics));
                    }
                }
            }
        }
        return Optional.empty();
    }
}

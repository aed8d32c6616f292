package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * How many rows a table holds, for the pre-flight report and the progress totals, read as cheaply as the engine
 * allows: its statistics where it keeps them (an estimate, as of the last ANALYZE or statistics update), else an
 * exact {@code COUNT(*)}. A table never analysed has no statistics, and is then counted.
 *
 * <ul>
 * <li>PostgreSQL: {@code pg_class.reltuples} of the table in the current schema (-1 before the first ANALYZE);</li>
 * <li>MySQL, MariaDB: {@code information_schema.TABLES.TABLE_ROWS} (InnoDB's sampled estimate);</li>
 * <li>Oracle: {@code USER_TABLES.NUM_ROWS}; DB2: {@code SYSCAT.TABLES.CARD}; MSSQL: the rows of the heap or
 *     clustered index in {@code sys.partitions};</li>
 * <li>H2: {@code COUNT(*)}, which H2 answers from its table metadata without reading the rows.</li>
 * </ul>
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

    public static TableSize of(Connection connection, Dialect dialect, String table) throws SQLException {
        String estimateQuery;
        switch (dialect) {
            case POSTGRESQL:
                estimateQuery = "SELECT CAST(C.reltuples AS BIGINT) FROM pg_class C JOIN pg_namespace S"
                        + " ON S.oid = C.relnamespace WHERE S.nspname = current_schema() AND C.relname = LOWER(?)";
                break;
            case MYSQL:
            case MARIADB:
                estimateQuery = "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND UPPER(TABLE_NAME) = UPPER(?)";
                break;
            case ORACLE:
                estimateQuery = "SELECT NUM_ROWS FROM USER_TABLES WHERE TABLE_NAME = UPPER(?)";
                break;
            case DB2:
                estimateQuery = "SELECT CARD FROM SYSCAT.TABLES WHERE TABSCHEMA = CURRENT SCHEMA"
                        + " AND TABNAME = UPPER(?)";
                break;
            case MSSQL:
                estimateQuery = "SELECT SUM(P.rows) FROM sys.partitions P JOIN sys.tables T"
                        + " ON T.object_id = P.object_id WHERE T.name = ? AND P.index_id IN (0, 1)";
                break;
            case H2:
                estimateQuery = null;
                break;
            default:
                throw new AssertionError(dialect);
        }
        if (estimateQuery != null) {
            try (PreparedStatement query = connection.prepareStatement(estimateQuery)) {
                query.setString(1, table);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        long estimate = rows.getLong(1);
                        if (!rows.wasNull() && estimate >= 0) {
                            return new TableSize(table, estimate, "estimate from " + source(dialect));
                        }
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return new TableSize(table, rows.getLong(1), "exact count");
        }
    }

    private static String source(Dialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
                return "pg_class.reltuples";
            case MYSQL:
            case MARIADB:
                return "information_schema.TABLES.TABLE_ROWS";
            case ORACLE:
                return "USER_TABLES.NUM_ROWS";
            case DB2:
                return "SYSCAT.TABLES.CARD";
            case MSSQL:
                return "sys.partitions";
            case H2:
                return "COUNT(*)";
            default:
                throw new AssertionError(dialect);
        }
    }
}

package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DB2 only: whether IDN_OAUTH2_ACCESS_TOKEN and IDN_OAUTH2_AUTHORIZATION_CODE keep their indexes in a tablespace of
 * 32K pages, which the indexes 5.9.0 adds need (the 5.9.0 migration guide moves them there with
 * {@code SYSPROC.ADMIN_MOVE_TABLE} before migrating). Reads SYSCAT.INDEXES and SYSCAT.TABLESPACES; what it concludes
 * is a function of those rows alone ({@link #statementsToMove}), so it can be checked without a DB2.
 */
public final class Db2IndexTablespaces {

    /** The tables whose indexes must be in a 32K tablespace, as the guide names them. */
    public static final List<String> TABLES = Collections.unmodifiableList(
            Arrays.asList("IDN_OAUTH2_ACCESS_TOKEN", "IDN_OAUTH2_AUTHORIZATION_CODE"));
    /** The tablespace and buffer pool the guide creates and moves the indexes to. */
    static final String TABLESPACE = "TS32K";
    private static final int PAGE_SIZE_32K = 32768;

    /** A row of SYSCAT.INDEXES (the columns read). */
    public static final class IndexRow {
        private final String tableSchema;
        private final String tableName;
        private final String indexName;
        private final int tablespaceId;

        public IndexRow(String tableSchema, String tableName, String indexName, int tablespaceId) {
            this.tableSchema = tableSchema;
            this.tableName = tableName;
            this.indexName = indexName;
            this.tablespaceId = tablespaceId;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof IndexRow)) {
                return false;
            }
            IndexRow that = (IndexRow) other;
            return tablespaceId == that.tablespaceId && Objects.equals(tableSchema, that.tableSchema)
                    && Objects.equals(tableName, that.tableName) && Objects.equals(indexName, that.indexName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tableSchema, tableName, indexName, tablespaceId);
        }

        @Override
        public String toString() {
            return "IndexRow[" + tableSchema + "." + tableName + " " + indexName + " in " + tablespaceId + "]";
        }
    }

    /** A row of SYSCAT.TABLESPACES (the columns read). */
    public static final class TablespaceRow {
        private final String name;
        private final int id;
        private final int pageSize;

        public TablespaceRow(String name, int id, int pageSize) {
            this.name = name;
            this.id = id;
            this.pageSize = pageSize;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof TablespaceRow)) {
                return false;
            }
            TablespaceRow that = (TablespaceRow) other;
            return id == that.id && pageSize == that.pageSize && Objects.equals(name, that.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, id, pageSize);
        }

        @Override
        public String toString() {
            return "TablespaceRow[" + name + " " + id + " " + pageSize + "]";
        }
    }

    private Db2IndexTablespaces() {
    }

    /** The index rows of the two tables in {@code schema}. */
    public static List<IndexRow> indexRows(Connection connection, String schema) throws SQLException {
        List<IndexRow> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT TABSCHEMA, TABNAME, INDNAME, TBSPACEID"
                + " FROM SYSCAT.INDEXES WHERE TABSCHEMA = ? AND TABNAME IN (?, ?) ORDER BY TABNAME, INDNAME")) {
            query.setString(1, schema);
            query.setString(2, TABLES.get(0));
            query.setString(3, TABLES.get(1));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new IndexRow(result.getString(1).trim(), result.getString(2), result.getString(3),
                            result.getInt(4)));
                }
            }
        }
        return rows;
    }

    public static List<TablespaceRow> tablespaceRows(Connection connection) throws SQLException {
        List<TablespaceRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT TBSPACE, TBSPACEID, PAGESIZE FROM SYSCAT.TABLESPACES")) {
            while (result.next()) {
                rows.add(new TablespaceRow(result.getString(1), result.getInt(2), result.getInt(3)));
            }
        }
        return rows;
    }

    /**
     * Each of the two tables that has an index outside a 32K tablespace, with the indexes and where they are:
     * {@code IDN_OAUTH2_ACCESS_TOKEN: IDX_AT_CK_AU in USERSPACE1 (4K pages), ...}. Empty when all are in place.
     */
    public static List<String> misplaced(List<IndexRow> indexes, List<TablespaceRow> tablespaces) {
        Map<Integer, TablespaceRow> byId = new LinkedHashMap<>();
        tablespaces.forEach(tablespace -> byId.put(tablespace.id, tablespace));
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        for (IndexRow index : indexes) {
            TablespaceRow tablespace = byId.get(index.tablespaceId);
            if (tablespace == null || tablespace.pageSize < PAGE_SIZE_32K) {
                byTable.computeIfAbsent(index.tableName, t -> new ArrayList<>()).add(index.indexName + " in "
                        + (tablespace == null ? "tablespace " + index.tablespaceId
                        : tablespace.name + " (" + tablespace.pageSize / 1024 + "K pages)"));
            }
        }
        List<String> lines = new ArrayList<>();
        byTable.forEach((table, where) -> lines.add(table + ": " + String.join(", ", where)));
        return lines;
    }

    /**
     * The guide's statements that move the indexes of each table with a misplaced index to TS32K, the table schema
     * filled in; first the buffer pool and tablespace when no tablespace of that name exists. Empty when nothing
     * must move.
     */
    public static List<String> statementsToMove(String schema, List<IndexRow> indexes,
                                                List<TablespaceRow> tablespaces) {
        List<String> tables = new ArrayList<>();
        for (String line : misplaced(indexes, tablespaces)) {
            tables.add(line.substring(0, line.indexOf(':')));
        }
        if (tables.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> statements = new ArrayList<>();
        if (tablespaces.stream().noneMatch(tablespace -> tablespace.name.equalsIgnoreCase(TABLESPACE))) {
            statements.add("CREATE BUFFERPOOL BP32K IMMEDIATE SIZE 250 AUTOMATIC PAGESIZE 32K");
            statements.add("CREATE LARGE TABLESPACE " + TABLESPACE
                    + " PAGESIZE 32K MANAGED BY AUTOMATIC STORAGE BUFFERPOOL BP32K");
        }
        String quotedSchema = "'" + schema.replace("'", "''") + "'";
        for (String table : tables) {
            String current = "(SELECT TBSPACE FROM SYSCAT.TABLES WHERE TABNAME = '" + table + "' AND TABSCHEMA = "
                    + quotedSchema + ")";
            statements.add("CALL SYSPROC.ADMIN_MOVE_TABLE(" + quotedSchema + ", '" + table + "', " + current + ", '"
                    + TABLESPACE + "', " + current + ", '', '', '', '', '', 'MOVE')");
        }
        return statements;
    }
}

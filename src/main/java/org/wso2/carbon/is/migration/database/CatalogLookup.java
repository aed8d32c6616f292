package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads tables, columns and indexes of the connection's own schema through JDBC metadata, whatever case the engine
 * keeps unquoted names in (upper on H2, Oracle, DB2; lower on PostgreSQL; as written on MySQL).
 */
public final class CatalogLookup {

    private CatalogLookup() {
    }

    /**
     * The connection's current schema. H2's 1.x drivers cannot tell it through JDBC: 1.4 not as a client of a server
     * ("Feature not supported: getSchema && remote session"), 1.3 (IS 5.7.0, 5.8.0) not at all, being a JDBC 4.0
     * driver (AbstractMethodError). H2's own SCHEMA() is asked there.
     */
    public static String schema(Connection connection) throws SQLException {
        try {
            return connection.getSchema();
        } catch (SQLFeatureNotSupportedException | AbstractMethodError e) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT SCHEMA()")) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    public static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : spellings(table)) {
            try (ResultSet rows = metaData.getTables(connection.getCatalog(), schema(connection), name, null)) {
                if (rows.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String tableName : spellings(table)) {
            try (ResultSet rows = metaData.getColumns(connection.getCatalog(), schema(connection), tableName,
                    null)) {
                while (rows.next()) {
                    if (rows.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The columns of {@code table}, upper case, in table order, each with its JDBC type ({@link java.sql.Types});
     * empty when there is no such table.
     */
    public static Map<String, Integer> columnTypes(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String tableName : spellings(table)) {
            TreeMap<Integer, String> names = new TreeMap<>();
            Map<String, Integer> types = new LinkedHashMap<>();
            try (ResultSet rows = metaData.getColumns(connection.getCatalog(), schema(connection), tableName,
                    null)) {
                while (rows.next()) {
                    String name = rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT);
                    names.put(rows.getInt("ORDINAL_POSITION"), name);
                    types.put(name, rows.getInt("DATA_TYPE"));
                }
            }
            if (!types.isEmpty()) {
                Map<String, Integer> ordered = new LinkedHashMap<>();
                for (String name : names.values()) {
                    ordered.put(name, types.get(name));
                }
                return ordered;
            }
        }
        return Collections.emptyMap();
    }

    /** Names (upper case) of the indexes of {@code table} whose first column is {@code column}. */
    public static Set<String> indexesLeadingWith(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Set<String> names = new LinkedHashSet<>();
        for (String tableName : spellings(table)) {
            try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), schema(connection), tableName,
                    false, true)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    String indexColumn = rows.getString("COLUMN_NAME");
                    if (index != null && indexColumn != null && rows.getShort("ORDINAL_POSITION") == 1
                            && indexColumn.equalsIgnoreCase(column)) {
                        names.add(index.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    /** A primary key as the catalog has it: the table's name and the key's, and its columns in key order. */
    public static final class PrimaryKey {

        private final String table;
        private final String name;
        private final List<String> columns;

        PrimaryKey(String table, String name, List<String> columns) {
            this.table = table;
            this.name = name;
            this.columns = columns;
        }

        public String table() {
            return table;
        }

        public String name() {
            return name;
        }

        public List<String> columns() {
            return columns;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof PrimaryKey)) {
                return false;
            }
            PrimaryKey other = (PrimaryKey) o;
            return Objects.equals(table, other.table) && Objects.equals(name, other.name)
                    && Objects.equals(columns, other.columns);
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, name, columns);
        }

        @Override
        public String toString() {
            return "PrimaryKey[table=" + table + ", name=" + name + ", columns=" + columns + "]";
        }
    }

    /** A foreign key as the catalog has it; the rules are JDBC's {@code DatabaseMetaData.importedKey*}. */
    public static final class ForeignKey {

        private final String table;
        private final String name;
        private final List<String> columns;
        private final String refTable;
        private final List<String> refColumns;
        private final int onDelete;
        private final int onUpdate;

        ForeignKey(String table, String name, List<String> columns, String refTable, List<String> refColumns,
                   int onDelete, int onUpdate) {
            this.table = table;
            this.name = name;
            this.columns = columns;
            this.refTable = refTable;
            this.refColumns = refColumns;
            this.onDelete = onDelete;
            this.onUpdate = onUpdate;
        }

        public String table() {
            return table;
        }

        public String name() {
            return name;
        }

        public List<String> columns() {
            return columns;
        }

        public String refTable() {
            return refTable;
        }

        public List<String> refColumns() {
            return refColumns;
        }

        public int onDelete() {
            return onDelete;
        }

        public int onUpdate() {
            return onUpdate;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof ForeignKey)) {
                return false;
            }
            ForeignKey other = (ForeignKey) o;
            return Objects.equals(table, other.table) && Objects.equals(name, other.name)
                    && Objects.equals(columns, other.columns) && Objects.equals(refTable, other.refTable)
                    && Objects.equals(refColumns, other.refColumns) && onDelete == other.onDelete
                    && onUpdate == other.onUpdate;
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, name, columns, refTable, refColumns, onDelete, onUpdate);
        }

        @Override
        public String toString() {
            return "ForeignKey[table=" + table + ", name=" + name + ", columns=" + columns + ", refTable=" + refTable
                    + ", refColumns=" + refColumns + ", onDelete=" + onDelete + ", onUpdate=" + onUpdate + "]";
        }
    }

    public static Optional<PrimaryKey> primaryKey(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String tableName : spellings(table)) {
            TreeMap<Short, String> columns = new TreeMap<>();
            String name = null;
            String actualTable = null;
            try (ResultSet rows = metaData.getPrimaryKeys(connection.getCatalog(), schema(connection),
                    tableName)) {
                while (rows.next()) {
                    columns.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                    name = rows.getString("PK_NAME");
                    actualTable = rows.getString("TABLE_NAME");
                }
            }
            if (!columns.isEmpty()) {
                return Optional.of(new PrimaryKey(actualTable, name,
                        Collections.unmodifiableList(new ArrayList<>(columns.values()))));
            }
        }
        return Optional.empty();
    }

    public static List<String> primaryKeyColumns(Connection connection, String table) throws SQLException {
        return primaryKey(connection, table).map(PrimaryKey::columns).orElse(Collections.<String>emptyList());
    }

    /**
     * The foreign keys on {@code table} ({@code onTable}) or those of other tables that reference it, each with its
     * columns in key order.
     */
    public static List<ForeignKey> foreignKeys(Connection connection, String table, boolean onTable) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String tableName : spellings(table)) {
            Map<String, List<KeyColumn>> byKey = new LinkedHashMap<>();
            try (ResultSet rows = onTable
                    ? metaData.getImportedKeys(connection.getCatalog(), schema(connection), tableName)
                    : metaData.getExportedKeys(connection.getCatalog(), schema(connection), tableName)) {
                while (rows.next()) {
                    KeyColumn column = new KeyColumn(rows.getShort("KEY_SEQ"), rows.getString("FKTABLE_NAME"),
                            rows.getString("FK_NAME"), rows.getString("FKCOLUMN_NAME"), rows.getString("PKTABLE_NAME"),
                            rows.getString("PKCOLUMN_NAME"), rows.getInt("DELETE_RULE"), rows.getInt("UPDATE_RULE"));
                    byKey.computeIfAbsent(column.table() + "." + column.name(), key -> new ArrayList<>()).add(column);
                }
            }
            if (byKey.isEmpty()) {
                continue;
            }
            List<ForeignKey> keys = new ArrayList<>();
            for (List<KeyColumn> columns : byKey.values()) {
                columns.sort(Comparator.comparingInt(KeyColumn::sequence));
                KeyColumn first = columns.get(0);
                keys.add(new ForeignKey(first.table(), first.name(),
                        Collections.unmodifiableList(columns.stream().map(KeyColumn::column)
                                .collect(Collectors.toList())),
                        first.refTable(), Collections.unmodifiableList(columns.stream().map(KeyColumn::refColumn)
                                .collect(Collectors.toList())), first.onDelete(), first.onUpdate()));
            }
            return keys;
        }
        return Collections.emptyList();
    }

    /**
     * The SQL words ({@code CASCADE}, {@code SET NULL}, ...) of a foreign key's ON DELETE / ON UPDATE rule as JDBC's
     * {@code DatabaseMetaData.importedKey*} gives it; RESTRICT for any other value, the strictest reading.
     */
    public static String referentialAction(int rule) {
        switch (rule) {
            case DatabaseMetaData.importedKeyCascade:
                return "CASCADE";
            case DatabaseMetaData.importedKeySetNull:
                return "SET NULL";
            case DatabaseMetaData.importedKeySetDefault:
                return "SET DEFAULT";
            case DatabaseMetaData.importedKeyNoAction:
                return "NO ACTION";
            default:
                return "RESTRICT";
        }
    }

    /** One row of JDBC's imported / exported keys: one column of a foreign key. */
    private static final class KeyColumn {

        private final short sequence;
        private final String table;
        private final String name;
        private final String column;
        private final String refTable;
        private final String refColumn;
        private final int onDelete;
        private final int onUpdate;

        KeyColumn(short sequence, String table, String name, String column, String refTable, String refColumn,
                  int onDelete, int onUpdate) {
            this.sequence = sequence;
            this.table = table;
            this.name = name;
            this.column = column;
            this.refTable = refTable;
            this.refColumn = refColumn;
            this.onDelete = onDelete;
            this.onUpdate = onUpdate;
        }

        public short sequence() {
            return sequence;
        }

        public String table() {
            return table;
        }

        public String name() {
            return name;
        }

        public String column() {
            return column;
        }

        public String refTable() {
            return refTable;
        }

        public String refColumn() {
            return refColumn;
        }

        public int onDelete() {
            return onDelete;
        }

        public int onUpdate() {
            return onUpdate;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof KeyColumn)) {
                return false;
            }
            KeyColumn other = (KeyColumn) o;
            return sequence == other.sequence && Objects.equals(table, other.table)
                    && Objects.equals(name, other.name) && Objects.equals(column, other.column)
                    && Objects.equals(refTable, other.refTable) && Objects.equals(refColumn, other.refColumn)
                    && onDelete == other.onDelete && onUpdate == other.onUpdate;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sequence, table, name, column, refTable, refColumn, onDelete, onUpdate);
        }

        @Override
        public String toString() {
            return "KeyColumn[sequence=" + sequence + ", table=" + table + ", name=" + name + ", column=" + column
                    + ", refTable=" + refTable + ", refColumn=" + refColumn + ", onDelete=" + onDelete
                    + ", onUpdate=" + onUpdate + "]";
        }
    }

    private static Set<String> spellings(String name) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(name);
        spellings.add(name.toUpperCase(Locale.ROOT));
        spellings.add(name.toLowerCase(Locale.ROOT));
        return spellings;
    }
}

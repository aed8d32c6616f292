package org.wso2.carbon.is.migration.migrator;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads tables, columns and indexes of the connection's own schema through JDBC metadata, whatever case the engine
 * keeps unquoted names in (upper on H2, Oracle, DB2; lower on PostgreSQL; as written on MySQL).
 */
final class CatalogLookup {

    private CatalogLookup() {
    }

    static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : spellings(table)) {
            try (ResultSet rows = metaData.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                if (rows.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String tableName : spellings(table)) {
            try (ResultSet rows = metaData.getColumns(connection.getCatalog(), connection.getSchema(), tableName,
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

    /** Names (upper case) of the indexes of {@code table} whose first column is {@code column}. */
    static Set<String> indexesLeadingWith(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Set<String> names = new LinkedHashSet<>();
        for (String tableName : spellings(table)) {
            try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), tableName,
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
    record PrimaryKey(String table, String name, List<String> columns) {
    }

    /** A foreign key as the catalog has it; the rules are JDBC's {@code DatabaseMetaData.importedKey*}. */
    record ForeignKey(String table, String name, List<String> columns, String refTable, List<String> refColumns,
                      int onDelete, int onUpdate) {
    }

    static Optional<PrimaryKey> primaryKey(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String tableName : spellings(table)) {
            TreeMap<Short, String> columns = new TreeMap<>();
            String name = null;
            String actualTable = null;
            try (ResultSet rows = metaData.getPrimaryKeys(connection.getCatalog(), connection.getSchema(),
                    tableName)) {
                while (rows.next()) {
                    columns.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                    name = rows.getString("PK_NAME");
                    actualTable = rows.getString("TABLE_NAME");
                }
            }
            if (!columns.isEmpty()) {
                return Optional.of(new PrimaryKey(actualTable, name, List.copyOf(columns.values())));
            }
        }
        return Optional.empty();
    }

    static List<String> primaryKeyColumns(Connection connection, String table) throws SQLException {
        return primaryKey(connection, table).map(PrimaryKey::columns).orElse(List.of());
    }

    /**
     * The foreign keys on {@code table} ({@code onTable}) or those of other tables that reference it, each with its
     * columns in key order.
     */
    static List<ForeignKey> foreignKeys(Connection connection, String table, boolean onTable) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String tableName : spellings(table)) {
            Map<String, List<KeyColumn>> byKey = new LinkedHashMap<>();
            try (ResultSet rows = onTable
                    ? metaData.getImportedKeys(connection.getCatalog(), connection.getSchema(), tableName)
                    : metaData.getExportedKeys(connection.getCatalog(), connection.getSchema(), tableName)) {
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
                keys.add(new ForeignKey(first.table(), first.name(), columns.stream().map(KeyColumn::column).toList(),
                        first.refTable(), columns.stream().map(KeyColumn::refColumn).toList(), first.onDelete(),
                        first.onUpdate()));
            }
            return keys;
        }
        return List.of();
    }

    /** One row of JDBC's imported / exported keys: one column of a foreign key. */
    private record KeyColumn(short sequence, String table, String name, String column, String refTable,
                             String refColumn, int onDelete, int onUpdate) {
    }

    private static Set<String> spellings(String name) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(name);
        spellings.add(name.toUpperCase(Locale.ROOT));
        spellings.add(name.toLowerCase(Locale.ROOT));
        return spellings;
    }
}

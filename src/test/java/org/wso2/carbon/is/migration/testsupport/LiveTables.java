package org.wso2.carbon.is.migration.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of the connection's current schema as JDBC metadata shows them: columns, primary key, foreign keys.
 * Enough for generating and fingerprinting rows; schema comparison has its own, stricter reader.
 */
public final class LiveTables {

    /** A column as the driver reports it. */
    public record Column(String name, String storedName, int jdbcType, String typeName, int size,
                         boolean nullable, boolean autoIncrement, String defaultValue) {
    }

    /** One foreign key: local columns to the referenced table's columns, in key order. */
    public record ForeignKey(String refTable, List<String> columns, List<String> refColumns) {
    }

    /** One table. Names upper-cased, whatever the engine stores. */
    public record Table(String name, String storedName, List<Column> columns, List<String> primaryKey,
                        List<ForeignKey> foreignKeys) {
    }

    private LiveTables() {
    }

    /** Every table of the current schema except the migration tool's own ({@code IS_MIGRATION_*}). */
    public static Map<String, Table> read(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = currentSchema(connection);
        Map<String, Table> tables = new TreeMap<>();
        try (ResultSet rows = metaData.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String stored = rows.getString("TABLE_NAME");
                String name = stored.toUpperCase(Locale.ROOT);
                if (name.startsWith("IS_MIGRATION_")) {
                    continue;
                }
                tables.put(name, new Table(name, stored, columns(metaData, catalog, schema, stored),
                        primaryKey(metaData, catalog, schema, stored), foreignKeys(metaData, catalog, schema, stored)));
            }
        }
        return tables;
    }

    /**
     * An identifier as stored, quoted the engine's way: the schemas have columns named after keywords (VALUE,
     * TYPE, DATA) that some engines reserve.
     */
    public static String quote(Connection connection, String storedName) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString().trim();
        return quote + storedName + quote;
    }

    /** The stored name of one of a table's columns. */
    public static String storedColumn(Table table, String column) {
        return table.columns().stream().filter(c -> c.name().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + column + " in " + table.name()))
                .storedName();
    }

    /** The schema to read: PostgreSQL and H2 have one per connection; MySQL/MariaDB use the catalog instead. */
    static String currentSchema(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("mysql") || product.contains("mariadb")) {
            return null;
        }
        String schema = connection.getSchema();
        return schema == null ? (product.contains("postgres") ? "public" : "PUBLIC") : schema;
    }

    private static List<Column> columns(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rows = metaData.getColumns(catalog, schema, table, "%")) {
            while (rows.next()) {
                columns.add(new Column(rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT),
                        rows.getString("COLUMN_NAME"), rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"), rows.getInt("COLUMN_SIZE"),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        "YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT")), rows.getString("COLUMN_DEF")));
            }
        }
        return columns;
    }

    private static List<String> primaryKey(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        Map<Integer, String> ordered = new TreeMap<>();
        try (ResultSet rows = metaData.getPrimaryKeys(catalog, schema, table)) {
            while (rows.next()) {
                ordered.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(ordered.values());
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData metaData, String catalog, String schema,
                                                String table) throws SQLException {
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getImportedKeys(catalog, schema, table)) {
            while (rows.next()) {
                String key = rows.getString("FK_NAME") + "/" + rows.getString("PKTABLE_NAME");
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] {
                        rows.getString("PKTABLE_NAME").toUpperCase(Locale.ROOT),
                        rows.getString("FKCOLUMN_NAME").toUpperCase(Locale.ROOT),
                        rows.getString("PKCOLUMN_NAME").toUpperCase(Locale.ROOT),
                        Integer.toString(rows.getInt("KEY_SEQ"))});
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        for (List<String[]> parts : byName.values()) {
            parts.sort((a, b) -> Integer.compare(Integer.parseInt(a[3]), Integer.parseInt(b[3])));
            keys.add(new ForeignKey(parts.get(0)[0], parts.stream().map(p -> p[1]).toList(),
                    parts.stream().map(p -> p[2]).toList()));
        }
        return keys;
    }
}

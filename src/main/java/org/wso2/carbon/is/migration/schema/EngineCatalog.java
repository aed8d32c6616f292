package org.wso2.carbon.is.migration.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@link LiveSchemaReader} has to ask each engine in its own way, because JDBC metadata cannot tell it
 * (UNIQUE constraints apart from unique indexes, indexes that only back a constraint, prefix lengths, auto-increment,
 * stand-alone sequences). Table maps are keyed by upper-case table name.
 */
interface EngineCatalog {

    /** Catalog argument for {@link java.sql.DatabaseMetaData} calls. */
    String catalog(Connection connection) throws SQLException;

    /** Schema argument for {@link java.sql.DatabaseMetaData} calls. */
    String schema(Connection connection) throws SQLException;

    /** Columns of every table, in ordinal order. */
    Map<String, List<ColumnSchema>> columns(Connection connection) throws SQLException;

    /** Indexes of every table that were created on their own, not to back a constraint. */
    Map<String, List<IndexSchema>> indexes(Connection connection, Map<String, TableSchema> tablesWithConstraints)
            throws SQLException;

    /** Stand-alone sequences, upper case; not those an engine creates to implement an auto-increment column. */
    List<String> sequences(Connection connection) throws SQLException;

    /**
     * UNIQUE constraints of every table from the SQL-standard {@code INFORMATION_SCHEMA.TABLE_CONSTRAINTS} and
     * {@code KEY_COLUMN_USAGE}, which H2 1.4, H2 2.x, PostgreSQL and MariaDB all have. On MariaDB every unique index
     * shows up here too: MariaDB does not tell a UNIQUE constraint from a unique index.
     */
    default Map<String, List<UniqueConstraint>> uniques(Connection connection) throws SQLException {
        String sql = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu"
                + " ON kcu.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND kcu.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + " AND kcu.TABLE_NAME = tc.TABLE_NAME"
                + " WHERE tc.CONSTRAINT_TYPE = 'UNIQUE' AND tc.TABLE_SCHEMA = ?"
                + " ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION";
        Map<String, Map<String, List<String>>> columnsByConstraint = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, constraintSchema(connection));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columnsByConstraint.computeIfAbsent(upper(rows.getString(1)), t -> new LinkedHashMap<>())
                            .computeIfAbsent(upper(rows.getString(2)), c -> new ArrayList<>())
                            .add(upper(rows.getString(3)));
                }
            }
        }
        Map<String, List<UniqueConstraint>> uniques = new LinkedHashMap<>();
        columnsByConstraint.forEach((table, constraints) -> constraints.forEach((name, columns) ->
                uniques.computeIfAbsent(table, t -> new ArrayList<>()).add(new UniqueConstraint(name, columns))));
        return uniques;
    }

    /**
     * The value of {@code TABLE_SCHEMA} in the information schema for the connection's tables: the schema, or on
     * MySQL/MariaDB, whose JDBC drivers call a database a catalog, the catalog.
     */
    default String constraintSchema(Connection connection) throws SQLException {
        String schema = schema(connection);
        return schema != null ? schema : catalog(connection);
    }

    static String upper(String identifier) {
        return identifier == null ? null : identifier.toUpperCase(Locale.ROOT);
    }

    /** Tables a migration tool keeps for itself; never part of a release schema. */
    static boolean isToolTable(String tableName) {
        return tableName.toUpperCase(Locale.ROOT).startsWith("IS_MIGRATION_");
    }

    /** Groups (table, index, column) rows, already in index column order, into indexes, skipping {@code skip}. */
    static Map<String, List<IndexSchema>> groupIndexes(List<String[]> rows, Set<String> skip) {
        Map<String, Map<String, List<String>>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        for (String[] row : rows) {
            String table = upper(row[0]);
            String index = upper(row[1]);
            if (skip.contains(table + "." + index)) {
                continue;
            }
            columns.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(index, i -> new ArrayList<>())
                    .add(row[2]);
            unique.put(table + "." + index, Boolean.parseBoolean(row[3]));
        }
        Map<String, List<IndexSchema>> indexes = new LinkedHashMap<>();
        columns.forEach((table, byName) -> byName.forEach((name, cols) -> indexes
                .computeIfAbsent(table, t -> new ArrayList<>())
                .add(new IndexSchema(name, cols, unique.get(table + "." + name)))));
        return indexes;
    }
}

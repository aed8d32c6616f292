package org.wso2.carbon.is.migration.schema;

import static org.wso2.carbon.is.migration.schema.EngineCatalog.upper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL, read from {@code pg_catalog} where JDBC metadata blurs things: pgjdbc reports every column with a
 * {@code nextval} default as {@code serial} and auto-increment, although only a SERIAL column owns its sequence.
 */
final class PostgresCatalog implements EngineCatalog {

    @Override
    public String catalog(Connection connection) {
        return null;
    }

    @Override
    public String schema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    @Override
    public Map<String, List<ColumnSchema>> columns(Connection connection) throws SQLException {
        // owned: the column owns a sequence (SERIAL); attidentity: GENERATED ... AS IDENTITY.
        String sql = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                + " pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '' AS identity,"
                + " EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'"
                + "   WHERE dep.refobjid = c.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a') AS owned"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0"
                + " AND NOT a.attisdropped ORDER BY c.relname, a.attnum";
        Map<String, List<ColumnSchema>> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                boolean identity = rows.getBoolean(6);
                boolean ownsSequence = rows.getBoolean(7);
                // A SERIAL column's nextval default is how PostgreSQL implements SERIAL, not a declared default.
                String defaultValue = ownsSequence ? null : rows.getString(5);
                columns.computeIfAbsent(upper(rows.getString(1)), t -> new ArrayList<>()).add(new ColumnSchema(
                        upper(rows.getString(2)), rows.getString(3), !rows.getBoolean(4), defaultValue,
                        identity || ownsSequence));
            }
        }
        return columns;
    }

    @Override
    public Map<String, List<IndexSchema>> indexes(Connection connection, Map<String, TableSchema> tables)
            throws SQLException {
        // The index PostgreSQL creates for each PRIMARY KEY / UNIQUE constraint (foreign keys get none).
        Set<String> backing = new HashSet<>();
        String sql = "SELECT t.relname, i.relname FROM pg_constraint k JOIN pg_class i ON i.oid = k.conindid"
                + " JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " WHERE n.nspname = current_schema() AND k.contype IN ('p', 'u', 'x')";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                backing.add(upper(rows.getString(1)) + "." + upper(rows.getString(2)));
            }
        }
        return JdbcIndexes.read(connection.getMetaData(), null, connection.getSchema(), tables.keySet(), backing);
    }

    @Override
    public List<String> sequences(Connection connection) throws SQLException {
        // Sequences owned by a column (SERIAL, IDENTITY) are part of that column, not of the schema's sequences.
        String sql = "SELECT s.relname FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace"
                + " WHERE s.relkind = 'S' AND n.nspname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend"
                + " dep WHERE dep.objid = s.oid AND dep.deptype IN ('a', 'i')) ORDER BY s.relname";
        List<String> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                sequences.add(upper(rows.getString(1)));
            }
        }
        return sequences;
    }
}

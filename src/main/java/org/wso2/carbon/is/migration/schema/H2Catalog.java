package org.wso2.carbon.is.migration.schema;

import static org.wso2.carbon.is.migration.schema.EngineCatalog.upper;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * H2 1.4 and 2.x. Both keep everything in schema {@code PUBLIC}; both mark the indexes they create for a primary key,
 * UNIQUE or foreign-key constraint with {@code INFORMATION_SCHEMA.INDEXES.IS_GENERATED}.
 */
final class H2Catalog implements EngineCatalog {

    private static final String SCHEMA = "PUBLIC";
    /** Types whose length is part of the type: rendered {@code TYPE(length)}. */
    private static final Set<String> SIZED_TYPES = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "VARCHAR", "CHAR", "CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE", "BLOB", "BINARY LARGE OBJECT",
            "CLOB", "CHARACTER LARGE OBJECT", "VARBINARY", "BINARY VARYING", "BINARY")));

    @Override
    public String catalog(Connection connection) {
        return null;
    }

    @Override
    public String schema(Connection connection) {
        return SCHEMA;
    }

    @Override
    public Map<String, List<ColumnSchema>> columns(Connection connection) throws SQLException {
        Map<String, List<ColumnSchema>> columns = new LinkedHashMap<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet rows = metaData.getColumns(null, SCHEMA, "%", "%")) {
            List<Object[]> ordered = new ArrayList<>();
            while (rows.next()) {
                String typeName = rows.getString("TYPE_NAME");
                String type = SIZED_TYPES.contains(typeName) ? typeName + "(" + rows.getLong("COLUMN_SIZE") + ")"
                        : typeName;
                boolean autoIncrement = "YES".equals(rows.getString("IS_AUTOINCREMENT"));
                String defaultValue = rows.getString("COLUMN_DEF");
                if (autoIncrement && defaultValue != null && defaultValue.startsWith("(NEXT VALUE FOR")) {
                    // H2 1.4 implements AUTO_INCREMENT as a default drawn from a generated sequence.
                    defaultValue = null;
                }
                ordered.add(new Object[] {upper(rows.getString("TABLE_NAME")), rows.getInt("ORDINAL_POSITION"),
                        new ColumnSchema(upper(rows.getString("COLUMN_NAME")), type,
                                !"NO".equals(rows.getString("IS_NULLABLE")), defaultValue, autoIncrement)});
            }
            ordered.sort((a, b) -> a[0].equals(b[0]) ? Integer.compare((int) a[1], (int) b[1])
                    : ((String) a[0]).compareTo((String) b[0]));
            for (Object[] row : ordered) {
                columns.computeIfAbsent((String) row[0], t -> new ArrayList<>()).add((ColumnSchema) row[2]);
            }
        }
        return columns;
    }

    @Override
    public Map<String, List<IndexSchema>> indexes(Connection connection, Map<String, TableSchema> tables)
            throws SQLException {
        Set<String> generated = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT TABLE_NAME, INDEX_NAME FROM"
                     + " INFORMATION_SCHEMA.INDEXES WHERE TABLE_SCHEMA = '" + SCHEMA + "' AND IS_GENERATED")) {
            while (rows.next()) {
                generated.add(upper(rows.getString(1)) + "." + upper(rows.getString(2)));
            }
        }
        return JdbcIndexes.read(connection.getMetaData(), null, SCHEMA, tables.keySet(), generated);
    }

    @Override
    public List<String> sequences(Connection connection) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES"
                     + " WHERE SEQUENCE_SCHEMA = '" + SCHEMA + "' ORDER BY SEQUENCE_NAME")) {
            while (rows.next()) {
                String name = upper(rows.getString(1));
                // H2 1.4 creates SYSTEM_SEQUENCE_<uuid> for every AUTO_INCREMENT column.
                if (!name.startsWith("SYSTEM_SEQUENCE_")) {
                    sequences.add(name);
                }
            }
        }
        return sequences;
    }
}

package org.wso2.carbon.is.migration.schema;

import static org.wso2.carbon.is.migration.schema.EngineCatalog.upper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MariaDB (and MySQL), read from {@code information_schema} of the connection's database. MariaDB has no UNIQUE
 * constraint apart from a unique index, so every unique key is reported as a UNIQUE constraint (see
 * {@link EngineCatalog#uniques}) and none as an index; an index InnoDB adds to back a foreign key is not reported.
 */
final class MariaDbCatalog implements EngineCatalog {

    @Override
    public String catalog(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    @Override
    public String schema(Connection connection) {
        return null;
    }

    @Override
    public Map<String, List<ColumnSchema>> columns(Connection connection) throws SQLException {
        String sql = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION";
        Map<String, List<ColumnSchema>> columns = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String extra = rows.getString(6) == null ? "" : rows.getString(6).toLowerCase(Locale.ROOT);
                columns.computeIfAbsent(upper(rows.getString(1)), t -> new ArrayList<>()).add(new ColumnSchema(
                        upper(rows.getString(2)), rows.getString(3), "YES".equals(rows.getString(4)),
                        rows.getString(5), extra.contains("auto_increment")));
            }
        }
        return columns;
    }

    @Override
    public Map<String, List<IndexSchema>> indexes(Connection connection, Map<String, TableSchema> tables)
            throws SQLException {
        String sql = "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME, SUB_PART, NON_UNIQUE FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
        List<String[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                if (result.getInt(5) == 0) {
                    continue; // PRIMARY and unique keys: reported as the primary key and UNIQUE constraints.
                }
                String column = upper(result.getString(3));
                String prefix = result.getString(4);
                rows.add(new String[] {result.getString(1), result.getString(2),
                        prefix == null ? column : column + "(" + prefix + ")", "false"});
            }
        }
        return EngineCatalog.groupIndexes(rows, foreignKeyIndexes(rows, tables));
    }

    /**
     * InnoDB creates an index for a foreign key that no existing index starts with, named after the constraint when
     * it is named and after the first column otherwise (suffixed {@code _2}, {@code _3}.. on clashes). Such an index
     * is skipped when its columns are exactly the foreign key's and its name is one InnoDB would have given it; an
     * index the scripts create themselves has its own name.
     */
    private static Set<String> foreignKeyIndexes(List<String[]> rows, Map<String, TableSchema> tables) {
        Map<String, List<String>> columnsByIndex = new LinkedHashMap<>();
        for (String[] row : rows) {
            columnsByIndex.computeIfAbsent(upper(row[0]) + "." + upper(row[1]), k -> new ArrayList<>()).add(row[2]);
        }
        Set<String> skip = new HashSet<>();
        columnsByIndex.forEach((key, columns) -> {
            String table = key.substring(0, key.indexOf('.'));
            String index = key.substring(key.indexOf('.') + 1);
            TableSchema schema = tables.get(table);
            if (schema == null) {
                return;
            }
            for (ForeignKeyConstraint fk : schema.foreignKeys()) {
                boolean generatedName = index.equals(fk.name())
                        || index.matches(java.util.regex.Pattern.quote(fk.columns().get(0)) + "(_\\d+)?");
                if (generatedName && fk.columns().equals(columns)) {
                    skip.add(key);
                }
            }
        });
        return skip;
    }

    @Override
    public List<String> sequences(Connection connection) {
        return Collections.emptyList(); // IS schemas on MySQL/MariaDB use AUTO_INCREMENT, never sequences.
    }
}

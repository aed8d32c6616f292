package org.wso2.carbon.is.migration.testsupport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fills every table it can with a few deterministic rows, parents before children, so that a migration test has
 * data in (nearly) every table to keep. Foreign key columns take the referenced values of existing parent rows;
 * auto-generated keys are left to the database. What could not be filled is reported, never hidden.
 */
public final class SampleData {

    /** Rows inserted per table, and the tables left empty with the reason. */
    public record Result(Map<String, Integer> filled, Map<String, String> skipped) {
    }

    private static final Timestamp BASE_TIME = Timestamp.valueOf("2019-10-01 10:00:00");

    private SampleData() {
    }

    public static Result fill(Connection connection, int rowsPerTable) throws SQLException {
        Map<String, LiveTables.Table> tables = LiveTables.read(connection);
        Map<String, Integer> filled = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try {
            for (String name : parentsFirst(tables)) {
                LiveTables.Table table = tables.get(name);
                try {
                    int rows = fillTable(connection, table, tables, rowsPerTable);
                    filled.put(name, rows);
                } catch (SQLException | IllegalStateException e) {
                    skipped.put(name, e.getMessage());
                }
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return new Result(filled, skipped);
    }

    private static int fillTable(Connection connection, LiveTables.Table table, Map<String, LiveTables.Table> all,
                                 int rowsPerTable) throws SQLException {
        Map<String, List<List<Object>>> parentValues = new LinkedHashMap<>();
        for (LiveTables.ForeignKey key : table.foreignKeys()) {
            if (key.refTable().equals(table.name())) {
                continue; // self reference: filled with NULL below where allowed
            }
            List<List<Object>> values = select(connection, all.get(key.refTable()), key.refColumns());
            if (values.isEmpty()) {
                throw new IllegalStateException("parent " + key.refTable() + " has no rows");
            }
            parentValues.put(key.refTable() + key.columns(), values);
        }
        List<LiveTables.Column> columns = new ArrayList<>();
        for (LiveTables.Column column : table.columns()) {
            if (!generated(column)) {
                columns.add(column);
            }
        }
        List<String> names = new ArrayList<>();
        for (LiveTables.Column column : columns) {
            names.add(LiveTables.quote(connection, column.storedName()));
        }
        String sql = "INSERT INTO " + LiveTables.quote(connection, table.storedName()) + " ("
                + String.join(", ", names) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        int inserted = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int row = 0; row < rowsPerTable; row++) {
                for (int i = 0; i < columns.size(); i++) {
                    LiveTables.Column column = columns.get(i);
                    Object fromParent = parentValue(table, column, parentValues, row);
                    if (fromParent == SELF_REFERENCE) {
                        if (!column.nullable()) {
                            throw new IllegalStateException("NOT NULL self reference " + column.name());
                        }
                        insert.setNull(i + 1, column.jdbcType());
                    } else if (fromParent != null) {
                        insert.setObject(i + 1, fromParent);
                    } else {
                        bind(insert, i + 1, column, table.name(), row);
                    }
                }
                inserted += insert.executeUpdate();
            }
        }
        return inserted;
    }

    private static final Object SELF_REFERENCE = new Object();

    private static Object parentValue(LiveTables.Table table, LiveTables.Column column,
                                      Map<String, List<List<Object>>> parentValues, int row) {
        for (LiveTables.ForeignKey key : table.foreignKeys()) {
            int position = key.columns().indexOf(column.name());
            if (position < 0) {
                continue;
            }
            if (key.refTable().equals(table.name())) {
                return SELF_REFERENCE;
            }
            List<List<Object>> values = parentValues.get(key.refTable() + key.columns());
            return values.get(row % values.size()).get(position);
        }
        return null;
    }

    private static boolean generated(LiveTables.Column column) {
        String def = column.defaultValue() == null ? "" : column.defaultValue().toLowerCase(Locale.ROOT);
        return column.autoIncrement() || def.contains("nextval") || def.contains("next value");
    }

    private static void bind(PreparedStatement insert, int index, LiveTables.Column column, String table, int row)
            throws SQLException {
        String text = row + "-" + table.toLowerCase(Locale.ROOT) + "-" + column.name().toLowerCase(Locale.ROOT);
        switch (column.jdbcType()) {
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT, Types.NUMERIC, Types.DECIMAL ->
                    insert.setInt(index, 1000 + row * 7 + Math.abs(column.name().hashCode() % 5));
            case Types.CHAR, Types.NCHAR -> insert.setString(index, column.size() <= 1 ? "1" : cap(text, column.size()));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE ->
                    insert.setTimestamp(index, new Timestamp(BASE_TIME.getTime() + row * 60_000L));
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
                    insert.setBytes(index, text.getBytes(StandardCharsets.UTF_8));
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, row % 2 == 0);
            case Types.CLOB, Types.NCLOB, Types.LONGVARCHAR -> insert.setString(index, text);
            default -> insert.setString(index, cap(text, column.size() <= 0 ? 64 : column.size()));
        }
    }

    private static String cap(String text, int size) {
        return text.length() <= size ? text : text.substring(0, size);
    }

    private static List<List<Object>> select(Connection connection, LiveTables.Table parent, List<String> columns)
            throws SQLException {
        List<String> quoted = new ArrayList<>();
        for (String column : columns) {
            quoted.add(LiveTables.quote(connection, LiveTables.storedColumn(parent, column)));
        }
        String list = String.join(", ", quoted);
        List<List<Object>> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + list + " FROM "
                     + LiveTables.quote(connection, parent.storedName()) + " ORDER BY " + list)) {
            while (rows.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rows.getObject(i));
                }
                values.add(row);
            }
        }
        return values;
    }

    /** Tables ordered so that every table comes after the tables it references. */
    private static List<String> parentsFirst(Map<String, LiveTables.Table> tables) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : tables.keySet()) {
            visit(name, tables, ordered, new LinkedHashSet<>());
        }
        return new ArrayList<>(ordered);
    }

    private static void visit(String name, Map<String, LiveTables.Table> tables, Set<String> ordered,
                              Set<String> path) {
        if (ordered.contains(name) || !tables.containsKey(name) || !path.add(name)) {
            return;
        }
        for (LiveTables.ForeignKey key : tables.get(name).foreignKeys()) {
            visit(key.refTable(), tables, ordered, path);
        }
        ordered.add(name);
    }
}

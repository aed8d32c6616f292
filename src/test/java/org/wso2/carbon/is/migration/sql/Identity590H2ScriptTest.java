package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.Dialect;

/** Runs the 5.9.0 identity H2 script on H2 2.x: it must build the release's tables and be harmless to run again. */
class Identity590H2ScriptTest {

    private static final List<String> NEW_TABLES = List.of("FIDO2_DEVICE_STORE", "IDN_AUTH_SESSION_APP_INFO",
            "IDN_AUTH_SESSION_META_DATA", "IDN_FUNCTION_LIBRARY");

    @Test
    void createsTheReleaseTablesAndASecondRunChangesNothing() throws Exception {
        Path file = MigrationResources.root().resolve("5.9.0/dbscripts/step1/identity/h2.sql");
        SqlScript script = SqlScript.load(file, "5.9.0/dbscripts/step1/identity/h2.sql", Dialect.H2);
        StatementRunner runner = new StatementRunner(StatementRunner.NO_LISTENER);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:identity590")) {
            runner.run(connection, script.statements());
            Map<String, List<String>> afterFirstRun = describe(connection);
            for (String table : NEW_TABLES) {
                assertEquals(FactsNotation.describe("h2", "5.9.0", table), afterFirstRun.get(table), table);
            }
            try (var insert = connection.createStatement()) {
                insert.executeUpdate("INSERT INTO IDN_FUNCTION_LIBRARY (NAME, TYPE, TENANT_ID, DATA) "
                        + "VALUES ('lib', 'JS', -1234, X'00')");
            }

            runner.run(connection, script.statements());

            assertEquals(afterFirstRun, describe(connection));
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM IDN_FUNCTION_LIBRARY")) {
                rows.next();
                assertEquals(1, rows.getInt(1), "a second run must keep the rows");
            }
        }
    }

    /** Every table's columns, key and non-unique indexes as JDBC metadata reports them, in the facts' notation. */
    private static Map<String, List<String>> describe(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        Map<String, List<String>> tables = new TreeMap<>();
        try (ResultSet found = metadata.getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String table = found.getString("TABLE_NAME");
                tables.put(table, describe(metadata, table));
            }
        }
        return tables;
    }

    private static List<String> describe(DatabaseMetaData metadata, String table) throws SQLException {
        List<String> description = new ArrayList<>();
        try (ResultSet columns = metadata.getColumns(null, "PUBLIC", table, "%")) {
            while (columns.next()) {
                description.add(FactsNotation.column(columns.getString("COLUMN_NAME"),
                        typeName(columns.getInt("DATA_TYPE"), columns.getInt("COLUMN_SIZE")),
                        columns.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, columns.getString("COLUMN_DEF")));
            }
        }
        Map<Short, String> key = new TreeMap<>();
        try (ResultSet primaryKey = metadata.getPrimaryKeys(null, "PUBLIC", table)) {
            while (primaryKey.next()) {
                key.put(primaryKey.getShort("KEY_SEQ"), primaryKey.getString("COLUMN_NAME"));
            }
        }
        description.add(FactsNotation.primaryKey(List.copyOf(key.values())));
        Map<String, Map<Short, String>> indexes = new TreeMap<>();
        try (ResultSet index = metadata.getIndexInfo(null, "PUBLIC", table, false, false)) {
            while (index.next()) {
                if (index.getBoolean("NON_UNIQUE")) {
                    indexes.computeIfAbsent(index.getString("INDEX_NAME"), name -> new TreeMap<>())
                            .put(index.getShort("ORDINAL_POSITION"), index.getString("COLUMN_NAME"));
                }
            }
        }
        indexes.forEach((name, columns) -> description.add(FactsNotation.index(name, List.copyOf(columns.values()))));
        return description;
    }

    private static String typeName(int jdbcType, int size) {
        return switch (jdbcType) {
            case Types.VARCHAR -> "VARCHAR(" + size + ")";
            case Types.INTEGER -> "INTEGER";
            case Types.BIGINT -> "BIGINT";
            case Types.TIMESTAMP -> "TIMESTAMP";
            case Types.BLOB -> "BLOB";
            default -> "JDBC type " + jdbcType;
        };
    }
}

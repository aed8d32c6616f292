package org.wso2.carbon.is.migration.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row count and SHA-256 of every row of every table, over the columns the table has now, ordered by those
 * columns. Taken before a migration and again after it (over the same columns), it proves every row was kept
 * unchanged.
 */
public final class DataFingerprint {

    /** Count and digest of one table. */
    public record TableData(long rows, String sha256) {
    }

    private DataFingerprint() {
    }

    /** Fingerprints of every table, keyed by upper-case name, each over its current columns. */
    public static Map<String, TableData> of(Connection connection) throws SQLException {
        Map<String, TableData> result = new TreeMap<>();
        for (LiveTables.Table table : LiveTables.read(connection).values()) {
            result.put(table.name(), of(connection, table,
                    table.columns().stream().map(LiveTables.Column::name).toList()));
        }
        return result;
    }

    /** Fingerprints of the given tables over the given columns (the columns they had before a migration). */
    public static Map<String, TableData> of(Connection connection, Map<String, List<String>> columnsByTable)
            throws SQLException {
        Map<String, LiveTables.Table> live = LiveTables.read(connection);
        Map<String, TableData> result = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : columnsByTable.entrySet()) {
            LiveTables.Table table = live.get(entry.getKey());
            if (table == null) {
                throw new AssertionError("table " + entry.getKey() + " disappeared");
            }
            result.put(entry.getKey(), of(connection, table, entry.getValue()));
        }
        return result;
    }

    /** The columns of every table, to fingerprint the same columns again later. */
    public static Map<String, List<String>> columns(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        for (LiveTables.Table table : LiveTables.read(connection).values()) {
            columns.put(table.name(), table.columns().stream().map(LiveTables.Column::name).toList());
        }
        return columns;
    }

    private static TableData of(Connection connection, LiveTables.Table table, List<String> columns)
            throws SQLException {
        List<String> quoted = new java.util.ArrayList<>();
        for (String column : columns) {
            quoted.add(LiveTables.quote(connection, LiveTables.storedColumn(table, column)));
        }
        String list = String.join(", ", quoted);
        MessageDigest digest = sha256();
        long rows = 0;
        // Ordering by every column makes the digest independent of physical row order. LOB columns cannot be
        // ordered by on every engine, so they are hashed but not part of the ORDER BY.
        List<String> orderable = new java.util.ArrayList<>();
        for (LiveTables.Column column : table.columns()) {
            if (columns.contains(column.name()) && !isLob(column)) {
                orderable.add(LiveTables.quote(connection, column.storedName()));
            }
        }
        String sql = "SELECT " + list + " FROM " + LiveTables.quote(connection, table.storedName())
                + (orderable.isEmpty() ? "" : " ORDER BY " + String.join(", ", orderable));
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int count = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= count; i++) {
                    Object value = rs.getObject(i);
                    String text = value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                            : value instanceof java.sql.Blob blob ? HexFormat.of().formatHex(
                                    blob.getBytes(1, (int) blob.length()))
                            : value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
                            : String.valueOf(value);
                    digest.update(text.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
                digest.update((byte) '\n');
            }
        }
        return new TableData(rows, HexFormat.of().formatHex(digest.digest()));
    }

    private static boolean isLob(LiveTables.Column column) {
        String type = column.typeName().toUpperCase();
        return type.contains("BLOB") || type.contains("CLOB") || type.contains("BYTEA") || type.contains("TEXT")
                || type.contains("BINARY") || column.jdbcType() == java.sql.Types.LONGVARBINARY;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

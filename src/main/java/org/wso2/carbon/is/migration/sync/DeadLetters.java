package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@value SyncNames#DEAD_LETTER_TABLE} on the source: rows the target refused {@code maxAttempts} times, with the
 * last error, so that one bad row never stops the others and is never forgotten either. A later change of the row
 * journals it again and it is tried afresh; {@code sync verify} lists it as a difference until then.
 */
final class DeadLetters {

    /** The longest error text kept (the column's width). */
    private static final int ERROR_LENGTH = 2000;

    private DeadLetters() {
    }

    /** Parks the row: records it; the caller removes its journal entries in the same transaction and commits. */
    static void park(Connection source, SyncedTable table, RowKey key, int attempts, String error)
            throws SQLException {
        try (PreparedStatement statement = source.prepareStatement("INSERT INTO " + SyncNames.DEAD_LETTER_TABLE
                + " (TABLE_NAME, ROW_KEY, ATTEMPTS, LAST_ERROR) VALUES (?, ?, ?, ?)")) {
            statement.setString(1, table.name());
            statement.setString(2, key.toString());
            statement.setInt(3, attempts);
            statement.setString(4, error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error);
            statement.executeUpdate();
        }
    }

    /** Parked rows per table. */
    static Map<String, Long> countByTable(Connection source) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement statement = source.prepareStatement("SELECT TABLE_NAME, COUNT(*) FROM "
                + SyncNames.DEAD_LETTER_TABLE + " GROUP BY TABLE_NAME ORDER BY TABLE_NAME");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }
}

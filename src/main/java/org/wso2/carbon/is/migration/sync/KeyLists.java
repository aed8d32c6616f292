package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Statements that list keys ({@link RowKey#anyOf}), cut so that every engine takes them whatever {@code batchSize}
 * or a verify difference asks for at once: at most {@value #MAX_KEYS} keys (Oracle refuses an IN list of more than
 * 1,000 values) and at most {@value #MAX_PARAMETERS} parameters (SQL Server refuses more than 2,100).
 */
final class KeyLists {

    static final int MAX_KEYS = 500;
    static final int MAX_PARAMETERS = 2000;

    private KeyLists() {
    }

    /** {@code keys} in lists that one statement each may name, in their order. */
    static List<List<RowKey>> parts(Collection<RowKey> keys, int keyColumns) {
        int size = Math.max(1, Math.min(MAX_KEYS, MAX_PARAMETERS / Math.max(1, keyColumns)));
        List<RowKey> list = new ArrayList<>(keys);
        List<List<RowKey>> parts = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            parts.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return parts;
    }

    /**
     * Of {@code keys} of {@code table}, those that have a row in {@code from}: the table itself, or its journal
     * (which holds the same key columns).
     */
    static Set<RowKey> present(Connection connection, SyncedTable table, String from, Collection<RowKey> keys)
            throws SQLException {
        Set<RowKey> present = new LinkedHashSet<>();
        int columns = table.keys().size();
        for (List<RowKey> part : parts(keys, columns)) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + table.keyList("") + " FROM "
                    + from + " WHERE " + RowKey.anyOf(table.keys(), part.size()))) {
                RowKey.bindAll(statement, part);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        present.add(RowKey.read(rows, 1, columns));
                    }
                }
            }
        }
        return present;
    }
}

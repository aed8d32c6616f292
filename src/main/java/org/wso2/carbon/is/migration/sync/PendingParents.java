package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a row the target refused may only be waiting for its parent: a parent and its child committed in one
 * transaction after the parent table's turn in a pass reach the child's turn first, and the target refuses the
 * child (its foreign key) until the next pass applies the parent. Such a refusal is not the row's fault, and
 * counting it toward {@code maxAttempts} could park a good row while a long parent backlog drains. So a refusal
 * is not counted while the parent's key is still pending in the parent's journal: once the parent is applied (or
 * parked, which removes its entries), a refusal counts again, so a row that is bad in itself is still parked.
 */
final class PendingParents {

    private final List<ParentKey> parents;
    private final List<int[]> positions = new ArrayList<>();

    /** @param columns the columns of the rows that {@link #pendingParent} is given, in their order */
    PendingParents(SyncedTable table, List<String> columns) {
        this.parents = table.parents();
        for (ParentKey parent : parents) {
            int[] at = new int[parent.columns().size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = indexOf(columns, parent.columns().get(i));
            }
            positions.add(at);
        }
    }

    /**
     * The parent row (table and key) that {@code row} references and whose change is still pending in the
     * parent's journal on the source, or null when there is none.
     */
    String pendingParent(Connection source, Object[] row) throws SQLException {
        for (int p = 0; p < parents.size(); p++) {
            Object[] values = new Object[positions.get(p).length];
            boolean complete = true;
            for (int i = 0; i < values.length; i++) {
                int at = positions.get(p)[i];
                values[i] = at < 0 ? null : row[at];
                complete &= values[i] != null;
            }
            SyncedTable parent = parents.get(p).parent();
            RowKey key = RowKey.of(values);
            if (complete && pending(source, parent, key)) {
                return parent.name() + " " + key;
            }
        }
        return null;
    }

    private static boolean pending(Connection source, SyncedTable table, RowKey key) throws SQLException {
        try (PreparedStatement statement = source.prepareStatement("SELECT COUNT(*) FROM " + table.journal()
                + " WHERE " + RowKey.condition(table.keys()))) {
            key.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    private static int indexOf(List<String> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).toUpperCase(Locale.ROOT).equals(column.toUpperCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}

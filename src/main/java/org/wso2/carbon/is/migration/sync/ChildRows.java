package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The rows of synced tables that reference one synced table's key (a token's scopes), queued again in their own
 * journals when the target's row of that key was deleted and written anew ({@link ChangeApplier}): the delete let
 * the target's foreign keys remove or change them, and a child whose entry was applied before its parent's (its
 * entry committed between the two tables' reads) would otherwise stay lost there. Each child's current state is
 * written by the same pass, after its parent, or by the next.
 */
final class ChildRows {

    private final List<String> requeues = new ArrayList<>();

    /** The rows of {@code tables} whose foreign keys reference {@code parent}. */
    ChildRows(SyncedTable parent, Collection<SyncedTable> tables) {
        for (SyncedTable child : tables) {
            for (ParentKey key : child.parents()) {
                if (key.parent().name().equals(parent.name())) {
                    requeues.add(requeue(child, key));
                }
            }
        }
    }

    private static String requeue(SyncedTable child, ParentKey key) {
        List<String> conditions = new ArrayList<>();
        for (String column : key.columns()) {
            conditions.add(column + " = ?");
        }
        return "INSERT INTO " + child.journal() + " (SYNC_OP, " + child.keyList("") + ") SELECT 'R', "
                + child.keyList("") + " FROM " + child.name() + " WHERE " + String.join(" AND ", conditions);
    }

    /** Queues, on the source, the children of the {@code parents} keys; the caller commits. */
    void queue(Connection source, Collection<RowKey> parents) throws SQLException {
        if (parents.isEmpty()) {
            return;
        }
        for (String sql : requeues) {
            try (PreparedStatement statement = source.prepareStatement(sql)) {
                for (RowKey parent : parents) {
                    parent.bind(statement, 1);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }
}

package org.wso2.carbon.is.migration.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A foreign key of a synced table to the primary key of another synced table (a scope's TOKEN_ID to its token):
 * the parent and the child's columns in the order of the parent's key columns, so that a child row's values for
 * them are the parent's key as its journal records it.
 */
final class ParentKey {

    private final SyncedTable parent;
    private final List<String> columns;

    ParentKey(SyncedTable parent, List<String> columns) {
        this.parent = parent;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    SyncedTable parent() {
        return parent;
    }

    /** The child's columns, in the parent's key order. */
    List<String> columns() {
        return columns;
    }
}

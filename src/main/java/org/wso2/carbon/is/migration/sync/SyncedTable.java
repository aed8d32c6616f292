package org.wso2.carbon.is.migration.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table the tool syncs, as the source release's schema facts describe it: its name, the database it lives in, its
 * primary key (the journal records only these columns), its foreign keys to other synced tables' keys, the
 * foreign key chains by which deletes elsewhere reach its rows unseen by the target, and the names of the objects
 * that journal it.
 */
public final class SyncedTable {

    private final String name;
    private final SyncSchema schema;
    private final List<KeyColumn> keys;
    private final List<ParentKey> parents;
    private final List<CascadePath> cascades;
    private final boolean foreignKeyDeletesRepeated;

    SyncedTable(String name, SyncSchema schema, List<KeyColumn> keys) {
        this(name, schema, keys, Collections.<ParentKey>emptyList(), Collections.<CascadePath>emptyList(), false);
    }

    SyncedTable(String name, SyncSchema schema, List<KeyColumn> keys, List<ParentKey> parents,
                List<CascadePath> cascades, boolean foreignKeyDeletesRepeated) {
        this.name = name;
        this.schema = schema;
        this.keys = Collections.unmodifiableList(new ArrayList<>(keys));
        this.parents = Collections.unmodifiableList(new ArrayList<>(parents));
        this.cascades = Collections.unmodifiableList(new ArrayList<>(cascades));
        this.foreignKeyDeletesRepeated = foreignKeyDeletesRepeated;
    }

    /**
     * Whether every row a foreign key deletes here goes with the journalled delete of a synced parent, which the
     * target's same foreign key repeats when the run applies it ({@link SyncTables}).
     */
    boolean foreignKeyDeletesRepeated() {
        return foreignKeyDeletesRepeated;
    }

    /** Its foreign keys to the primary keys of synced tables, which the run applies before it. */
    List<ParentKey> parents() {
        return parents;
    }

    /**
     * The chains of ON DELETE foreign keys by which deleting another table's row reaches this table's rows in a way
     * the target does not repeat by itself ({@link SyncTables}).
     */
    List<CascadePath> cascades() {
        return cascades;
    }

    public String name() {
        return name;
    }

    public SyncSchema schema() {
        return schema;
    }

    List<KeyColumn> keys() {
        return keys;
    }

    /** The key columns, comma separated, in key order. */
    String keyList(String qualifier) {
        List<String> names = new ArrayList<>();
        for (KeyColumn key : keys) {
            names.add(qualifier + key.name());
        }
        return String.join(", ", names);
    }

    /** The journal table that holds the keys of this table's changes not yet applied. */
    public String journal() {
        return SyncNames.journal(name);
    }

    String trigger(char kind) {
        return SyncNames.trigger(name, kind);
    }

    @Override
    public String toString() {
        return name;
    }
}

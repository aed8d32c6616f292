package org.wso2.carbon.is.migration.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.schema.ColumnSchema;
import org.wso2.carbon.is.migration.schema.ForeignKeyConstraint;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.schema.TableSchema;

/**
 * The tables of {@code syncTables}, checked against the source and target releases' schema facts before any of
 * their names reaches SQL, and put parents first: a table another synced table references is applied before it
 * (an access token before its scopes), so a child row finds its parent on the target.
 */
public final class SyncTables {

    private SyncTables() {
    }

    /**
     * @param factsDialect the facts to read the key types from: the source engine's ({@code postgresql},
     *                     {@code mysql}, {@code h2}), or {@code mysql} for engines without facts of their own (the
     *                     table and key names are the same in every dialect)
     * @throws MigrationException (bad configuration) naming every table that is not a table of the source release
     *                            with a primary key, not in the target release, or whose database is not configured
     */
    public static List<SyncedTable> resolve(SyncSettings settings, String factsDialect) throws MigrationException {
        SchemaFacts identity = SchemaFacts.load(factsDialect, settings.sourceVersion(), false);
        SchemaFacts kernel = SchemaFacts.load(factsDialect, settings.sourceVersion(), true);
        SchemaFacts targetIdentity = SchemaFacts.load(factsDialect, settings.targetVersion(), false);
        SchemaFacts targetKernel = SchemaFacts.load(factsDialect, settings.targetVersion(), true);
        List<String> problems = new ArrayList<>();
        Map<String, SyncedTable> tables = new LinkedHashMap<>();
        Map<String, TableSchema> schemas = new LinkedHashMap<>();
        Map<String, List<CascadePath>> cascades = new LinkedHashMap<>();
        Map<String, List<CascadePath>> targetCascades = new LinkedHashMap<>();
        for (String name : settings.tables()) {
            boolean inKernel = kernel.tables().containsKey(name);
            Map<String, TableSchema> release = inKernel ? kernel.tables() : identity.tables();
            TableSchema table = release.get(name);
            if (table == null) {
                problems.add(name + " is not a table of IS " + settings.sourceVersion());
                continue;
            }
            if (table.primaryKey().isEmpty()) {
                problems.add(name + " has no primary key in IS " + settings.sourceVersion()
                        + ", so a changed row cannot be found again by its key");
                continue;
            }
            if (!(inKernel ? targetKernel : targetIdentity).tables().containsKey(name)) {
                problems.add(name + " is not a table of IS " + settings.targetVersion());
                continue;
            }
            SyncSchema schema = SyncSchema.holding(name, inKernel);
            if (settings.sourceDataSource(schema) == null) {
                problems.add(name + " is in the " + schema.propertyKey() + " database, which is not configured");
                continue;
            }
            List<KeyColumn> keys = new ArrayList<>();
            for (String column : table.primaryKey()) {
                ColumnSchema definition = table.column(column).orElseThrow(() -> new IllegalStateException(
                        "Schema facts name the key column " + column + " that " + name + " lacks"));
                keys.add(KeyColumn.fromFactsType(column, definition.type()));
            }
            tables.put(name, new SyncedTable(name, schema, keys));
            schemas.put(name, table);
            cascades.put(name, cascadePaths(name, release));
            targetCascades.put(name, cascadePaths(name, (inKernel ? targetKernel : targetIdentity).tables()));
        }
        if (!problems.isEmpty()) {
            throw new MigrationException(ErrorCode.BAD_CONFIGURATION,
                    "syncTables: " + String.join("; ", problems));
        }
        Set<String> repeated = new LinkedHashSet<>();
        for (String name : tables.keySet()) {
            if (foreignKeyDeletesRepeated(cascades.get(name), tables.keySet(), targetCascades.get(name))) {
                repeated.add(name);
            }
        }
        return parentsFirst(tables, schemas, unseenOnTheTarget(cascades, targetCascades), repeated);
    }

    /**
     * Whether every row a foreign key deletes in the table goes with the delete of a synced parent whose key the
     * target release has too. Applying the parent's delete on the target then removes the same rows there; the
     * parent's delete is journalled (or, by the same rule, its own parent's), so the PostgreSQL trigger can leave
     * such deletes out ({@link PostgreSqlSyncDdl}). False for a table no foreign key deletes from.
     */
    private static boolean foreignKeyDeletesRepeated(List<CascadePath> paths, Set<String> synced,
                                                     List<CascadePath> targetPaths) {
        boolean any = false;
        for (CascadePath path : paths) {
            if (path.removesByOwnKey()) {
                if (!synced.contains(path.ancestor()) || !path.isIn(targetPaths)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * The chains whose effect the target does not repeat by itself. Where the table at the top is synced too and
     * the target release has the same chain, deleting that row is journalled like any delete, and applying it on the
     * target removes (or changes) the same rows there, so those rows need no entries of their own.
     */
    private static Map<String, List<CascadePath>> unseenOnTheTarget(Map<String, List<CascadePath>> cascades,
                                                                   Map<String, List<CascadePath>> targetCascades) {
        Map<String, List<CascadePath>> unseen = new LinkedHashMap<>();
        for (Map.Entry<String, List<CascadePath>> table : cascades.entrySet()) {
            List<CascadePath> paths = new ArrayList<>();
            for (CascadePath path : table.getValue()) {
                if (!cascades.containsKey(path.ancestor()) || !path.isIn(targetCascades.get(table.getKey()))) {
                    paths.add(path);
                }
            }
            unseen.put(table.getKey(), paths);
        }
        return unseen;
    }

    /**
     * Every chain of ON DELETE foreign keys in the release by which deleting a row of another table reaches rows of
     * {@code name}: its own keys with an action, continued upwards through keys that cascade.
     */
    private static List<CascadePath> cascadePaths(String name, Map<String, TableSchema> release) {
        List<CascadePath> paths = new ArrayList<>();
        Deque<CascadePath> open = new ArrayDeque<>();
        for (ForeignKeyConstraint foreignKey : release.get(name).foreignKeys()) {
            CascadePath path = CascadePath.of(name, foreignKey);
            if (path != null) {
                open.add(path);
            }
        }
        while (!open.isEmpty()) {
            CascadePath path = open.poll();
            paths.add(path);
            TableSchema ancestor = release.get(path.ancestor());
            if (ancestor == null) {
                continue;
            }
            for (ForeignKeyConstraint foreignKey : ancestor.foreignKeys()) {
                CascadePath longer = path.reaches(foreignKey.refTable()) ? null : path.upTo(foreignKey);
                if (longer != null) {
                    open.add(longer);
                }
            }
        }
        return paths;
    }

    /**
     * The schema facts whose key types fit the engine: its own where they ship, MySQL's for Oracle, MSSQL and DB2
     * (whose journal types the engine's {@link SyncDdl} maps from them).
     */
    public static String factsDialect(Dialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
            case H2:
                return dialect.scriptName();
            default:
                return "mysql";
        }
    }

    private static List<SyncedTable> parentsFirst(Map<String, SyncedTable> tables, Map<String, TableSchema> schemas,
                                                  Map<String, List<CascadePath>> cascades, Set<String> repeated) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : tables.keySet()) {
            visit(name, schemas, ordered, new LinkedHashSet<String>());
        }
        Map<String, SyncedTable> withParents = new LinkedHashMap<>();
        for (String name : ordered) {
            SyncedTable table = tables.get(name);
            withParents.put(name, new SyncedTable(name, table.schema(), table.keys(),
                    parentKeys(schemas.get(name), withParents), cascades.get(name), repeated.contains(name)));
        }
        return new ArrayList<>(withParents.values());
    }

    /**
     * The table's foreign keys to the whole primary key of a table already in {@code parents}, with the columns
     * put in the parent's key order; a key to other columns (none in the IS schemas) is left out.
     */
    private static List<ParentKey> parentKeys(TableSchema table, Map<String, SyncedTable> parents) {
        List<ParentKey> keys = new ArrayList<>();
        for (ForeignKeyConstraint foreignKey : table.foreignKeys()) {
            SyncedTable parent = parents.get(foreignKey.refTable());
            if (parent == null || parent.keys().size() != foreignKey.refColumns().size()) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (KeyColumn key : parent.keys()) {
                for (int i = 0; i < foreignKey.refColumns().size(); i++) {
                    if (foreignKey.refColumns().get(i).equalsIgnoreCase(key.name())) {
                        columns.add(foreignKey.columns().get(i));
                    }
                }
            }
            if (columns.size() == parent.keys().size()) {
                keys.add(new ParentKey(parent, columns));
            }
        }
        return keys;
    }

    private static void visit(String name, Map<String, TableSchema> schemas, Set<String> ordered, Set<String> path) {
        if (ordered.contains(name) || !path.add(name)) {
            return; // done, or a cycle (none in the IS schemas): keep the configured order
        }
        for (ForeignKeyConstraint foreignKey : schemas.get(name).foreignKeys()) {
            if (schemas.containsKey(foreignKey.refTable()) && !foreignKey.refTable().equals(name)) {
                visit(foreignKey.refTable(), schemas, ordered, path);
            }
        }
        ordered.add(name);
    }
}

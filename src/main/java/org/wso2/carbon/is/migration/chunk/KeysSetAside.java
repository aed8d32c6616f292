package org.wso2.carbon.is.migration.chunk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.wso2.carbon.is.migration.database.CatalogLookup;

/**
 * The primary key of a table the backfill walks on H2, and the foreign keys on it and to it, dropped for the walk and
 * added back after it, under their own names and with their own rules.
 *
 * <p>Why: H2 writes every index entry of a row it updates, even when the indexed columns do not change, and a primary
 * key on a random VARCHAR (TOKEN_ID) puts each of those writes on a different page of a large index. Without the keys
 * the walk is several times faster, even counting the time to add them back, and its longest chunk far shorter (see
 * docs/benchmark.md). The named secondary indexes are dropped and built again by the 5.8.0 step1 and step3 scripts;
 * keys cannot be, because H2 generated their names.
 *
 * <p>Only on H2: an embedded H2 database is open in one process only, so no other session can write the table while
 * its keys are away. On the server engines the walk runs beside a live server on the sync path, and InnoDB keeps rows
 * in primary-key order, so there the keys stay.
 *
 * <p>Crash safety: the keys' definitions are saved in the ledger (a checkpoint of the step, committed) before the
 * first is dropped, and cleared only after the last is back. A run that finds them saved takes them from there (the
 * catalog no longer has them), drops whichever still exist and adds back whichever do not, so a crash anywhere between
 * leaves a record the next run completes. A walk that fails adds the keys back before the step fails.
 */
public final class KeysSetAside {

    /** The ledger's room for one checkpoint (IS_MIGRATION_CHECKPOINT.CP_VALUE). */
    private static final int LEDGER_LIMIT = 2000;

    private final String table;
    private final List<TableKey> keys;
    private final boolean saved;

    private KeysSetAside(String table, List<TableKey> keys, boolean saved) {
        this.table = table;
        this.keys = Collections.unmodifiableList(new ArrayList<>(keys));
        this.saved = saved;
    }

    public static String checkpointKey(String table) {
        return "keys set aside:" + table;
    }

    /** The keys an interrupted run saved for {@code table}, else the table's keys as the catalog has them now. */
    public static KeysSetAside of(Connection connection, String table, ChunkProgress progress) throws SQLException {
        Optional<String> saved = progress.checkpoint(checkpointKey(table)).filter(value -> !value.isEmpty());
        if (saved.isPresent()) {
            return new KeysSetAside(table, Arrays.stream(saved.get().split("\n")).map(TableKey::parse)
                    .collect(Collectors.toList()), true);
        }
        return read(connection, table);
    }

    /**
     * The keys of {@code table} in the order they are dropped: foreign keys of other tables that reference it (they
     * need its primary key), its own foreign keys, its primary key.
     */
    public static KeysSetAside read(Connection connection, String table) throws SQLException {
        List<TableKey> keys = new ArrayList<>();
        for (CatalogLookup.ForeignKey key : CatalogLookup.foreignKeys(connection, table, false)) {
            keys.add(foreign(key));
        }
        for (CatalogLookup.ForeignKey key : CatalogLookup.foreignKeys(connection, table, true)) {
            if (keys.stream().noneMatch(known -> known.table().equals(key.table())
                    && known.name().equals(key.name()))) {
                keys.add(foreign(key)); // a key from the table to itself is both; once is enough
            }
        }
        Optional<CatalogLookup.PrimaryKey> primary = CatalogLookup.primaryKey(connection, table);
        primary.ifPresent(key -> keys.add(TableKey.primary(key.table(), key.name(), key.columns())));
        return new KeysSetAside(table, keys, false);
    }

    private static TableKey foreign(CatalogLookup.ForeignKey key) {
        return TableKey.foreign(key.table(), key.name(), key.columns(), key.refTable(), key.refColumns(),
                key.onDelete(), key.onUpdate());
    }

    /** False when the definitions are too long for the ledger: then the keys stay, as they are not recorded. */
    public boolean fitsLedger() {
        return saved || ledgerValue().length() <= LEDGER_LIMIT;
    }

    private String ledgerValue() {
        return String.join("\n", keys.stream().map(TableKey::line).collect(Collectors.toList()));
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** True when an interrupted run had set these keys aside (they came from the ledger). */
    public boolean fromInterruptedRun() {
        return saved;
    }

    public List<TableKey> keys() {
        return keys;
    }

    /** "the primary key and 3 foreign keys (IDN_OAUTH2_ACCESS_TOKEN_SCOPE.CONSTRAINT_B1A, ...)" */
    public String describe() {
        long foreign = keys.stream().filter(key -> key.kind() == TableKey.Kind.FOREIGN).count();
        boolean primary = keys.size() > foreign;
        return (primary ? "the primary key" + (foreign > 0 ? " and " : "") : "")
                + (foreign > 0 ? foreign + " foreign key" + (foreign == 1 ? "" : "s") + " ("
                + String.join(", ", keys.stream().filter(key -> key.kind() == TableKey.Kind.FOREIGN)
                .map(key -> key.table() + "." + key.name()).collect(Collectors.toList())) + ")" : "");
    }

    /** Saves the definitions in the ledger, then drops every key that still exists, each committed. */
    public void drop(Connection connection, ChunkProgress progress) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        if (!fitsLedger()) {
            throw new IllegalStateException(table + ": the keys' definitions do not fit the ledger; not dropped");
        }
        if (!saved) {
            progress.saveCheckpoint(checkpointKey(table), ledgerValue());
        }
        for (TableKey key : keys) {
            if (key.exists(connection)) {
                execute(connection, key.dropStatement());
            }
        }
    }

    /** Adds back, in the reverse order, every key that is not there, then clears the ledger's record of them. */
    public void restore(Connection connection, ChunkProgress progress) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        for (int i = keys.size() - 1; i >= 0; i--) {
            TableKey key = keys.get(i);
            if (!key.exists(connection)) {
                try {
                    execute(connection, key.addStatement());
                } catch (SQLException e) {
                    throw new SQLException(table + ": could not add back " + key.table() + "." + key.name() + " ("
                            + key.addStatement() + "): " + e.getMessage() + ". The keys still missing are recorded in"
                            + " the ledger (IS_MIGRATION_CHECKPOINT, " + checkpointKey(table) + "); a re-run adds"
                            + " them back.", e.getSQLState(), e);
                }
            }
        }
        progress.saveCheckpoint(checkpointKey(table), "");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        connection.commit();
    }
}

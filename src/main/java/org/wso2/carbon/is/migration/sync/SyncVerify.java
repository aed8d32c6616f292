package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.database.DatabaseEngine;

/**
 * {@code sync verify}: compares every synced table on both sides, chunk by chunk in key order. A chunk is the next
 * {@code chunkRows} source rows after the previous chunk's last key, and the target rows in the same key range
 * (the last chunk's range is open, so rows only the target has are found too). Each row is hashed from its
 * normalised values ({@link RowHasher}) with the release transform applied on the source side
 * ({@link RowTransforms#sourceSelect}), and the columns the transform fills compared with what it would fill
 * ({@link RowTransforms#derivedColumns}: IDP_ID from a 5.7.0 source); a chunk whose count and hashes agree is equal,
 * otherwise its differing keys are listed. A key that differs while it still has journal entries is in flight: it is
 * checked again after {@code syncInterval}, a few times, before it counts as a difference. {@code repair} queues
 * every differing key in its journal, so the next run writes its current state (or removes it from the target).
 *
 * <p>Ranges are cut by the source's key order and applied to the target as conditions, which the target evaluates
 * in its own order: its key columns may have another collation (a case-insensitive one, say, or the same name in
 * another C library version). The walk stays exact all the same. The ranges cover every target row: the first is
 * open below, the last open above, and a key {@code x} above the first cut key and at most the last lies in the
 * range that ends at the first cut key not below {@code x}. Where the orders disagree, a range may be empty and the
 * next overlap the ones before it, and a key may fall in another chunk than the source's: such a key is listed as
 * differing. So every key the walk lists is confirmed at the end by reading it on both sides by key equality, which
 * no order affects, and only those still differing are reported.
 */
public final class SyncVerify {

    private static final Logger LOG = LoggerFactory.getLogger(SyncVerify.class);
    private static final int RECHECKS = 3;
    /** Differing keys listed per table; all of them are counted and repaired. */
    private static final int LISTED = 100;

    private final SyncSettings settings;
    private final SyncDatabases databases;
    private final int chunkRows;

    public SyncVerify(SyncSettings settings, SyncDatabases databases, int chunkRows) {
        this.settings = settings;
        this.databases = databases;
        this.chunkRows = chunkRows;
    }

    /** Compares every table; with {@code repair}, queues the differing keys for the next run. */
    public VerifyReport run(boolean repair) throws MigrationException {
        SyncSchema first = settings.schemas().iterator().next();
        DatabaseEngine engine;
        try {
            engine = DatabaseEngine.of(databases.sourceDialect(first));
        } catch (SQLException e) {
            throw new MigrationException("Cannot reach the source database of " + first.propertyKey() + ": "
                    + e.getMessage(), e);
        }
        VerifyReport report = new VerifyReport();
        for (SyncedTable table : SyncTables.resolve(settings, SyncTables.factsDialect(engine.dialect()))) {
            try (Connection source = databases.source(table.schema());
                 Connection target = databases.target(table.schema())) {
                TableCompare compare = new TableCompare(table, source, target, engine);
                long started = System.nanoTime();
                Set<RowKey> differing = compare.differing(compare.walk());
                long millis = (System.nanoTime() - started) / 1_000_000;
                differing = recheckInFlight(compare, differing);
                if (repair && !differing.isEmpty()) {
                    new Journal(table, engine).enqueue(source, differing);
                    source.commit();
                    LOG.info("{}: {} differing keys queued for the next sync run", table.name(), differing.size());
                }
                report.add(table.name(), compare.sourceRows, compare.targetRows, compare.chunks, millis,
                        listed(differing), differing.size());
            } catch (SQLException e) {
                throw new MigrationException("sync verify failed on " + table.name() + ": " + e.getMessage(), e);
            }
        }
        return report;
    }

    private Set<RowKey> recheckInFlight(TableCompare compare, Set<RowKey> differing) throws SQLException {
        Set<RowKey> remaining = differing;
        for (int round = 0; round < RECHECKS && !remaining.isEmpty(); round++) {
            Set<RowKey> inFlight = compare.pending(remaining);
            if (inFlight.isEmpty()) {
                break;
            }
            try {
                Thread.sleep(settings.syncIntervalMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Set<RowKey> still = new LinkedHashSet<>(remaining);
            still.removeAll(inFlight);
            still.addAll(compare.differing(inFlight));
            remaining = still;
        }
        return remaining;
    }

    private static List<String> listed(Set<RowKey> keys) {
        List<String> listed = new ArrayList<>();
        for (RowKey key : keys) {
            if (listed.size() == LISTED) {
                break;
            }
            listed.add(key.toString());
        }
        return listed;
    }

    /** One table's two sides, their columns as each side selects them. */
    private final class TableCompare {
        private final SyncedTable table;
        private final Connection source;
        private final Connection target;
        private final DatabaseEngine engine;
        private final List<String> sourceSelect = new ArrayList<>();
        private final List<String> targetSelect = new ArrayList<>();
        private final List<String> columns = new ArrayList<>();
        /** The JDBC type of each of {@link #columns} on each side, looked up once rather than per value. */
        private final int[] sourceTypes;
        private final int[] targetTypes;
        /** What the client makes of each value the source selected ({@link VerifiedColumn.SourceFill}). */
        private final VerifiedColumn.SourceFill[] sourceFills;
        /** All {@code AS_SELECTED}: the target's values are compared as it holds them. */
        private final VerifiedColumn.SourceFill[] targetFills;
        /** One per side: a hasher is not thread-safe, and the sides are read on two threads. */
        private final RowHasher sourceHasher = new RowHasher();
        private final RowHasher targetHasher = new RowHasher();
        private long sourceRows;
        private long targetRows;
        private long chunks;
        /**
         * Set when a target range between two cut keys came back empty: only then can ranges overlap (the cut keys
         * then fall somewhere in the target's order), and the target rows read be more than the table holds.
         */
        private boolean rangesMayOverlap;

        TableCompare(SyncedTable table, Connection source, Connection target, DatabaseEngine engine)
                throws SQLException, MigrationException {
            this.table = table;
            this.source = source;
            this.target = target;
            this.engine = engine;
            Map<String, Integer> sourceTypes = new LinkedHashMap<>(CatalogLookup.columnTypes(source, table.name()));
            Map<String, Integer> targetTypes = CatalogLookup.columnTypes(target, table.name());
            List<VerifiedColumn.SourceFill> fills = new ArrayList<>();
            for (String column : RowCopier.between(table, source, target).columns()) {
                columns.add(column);
                sourceSelect.add(RowTransforms.sourceSelect(settings, table, column));
                targetSelect.add(column);
                fills.add(VerifiedColumn.SourceFill.AS_SELECTED);
            }
            for (VerifiedColumn derived : RowTransforms.derivedColumns(settings, table, columns)) {
                Integer type = targetTypes.get(derived.name());
                if (type != null) {
                    columns.add(derived.name());
                    sourceSelect.add(derived.sourceSelect());
                    targetSelect.add(derived.targetSelect());
                    sourceTypes.put(derived.name(), type); // the source has no such column: read as the target's
                    fills.add(derived.sourceFill());
                }
            }
            this.sourceTypes = types(sourceTypes);
            this.targetTypes = types(targetTypes);
            this.sourceFills = fills.toArray(new VerifiedColumn.SourceFill[0]);
            this.targetFills = new VerifiedColumn.SourceFill[columns.size()];
            Arrays.fill(targetFills, VerifiedColumn.SourceFill.AS_SELECTED);
            readFills();
        }

        private int[] types(Map<String, Integer> byColumn) {
            int[] types = new int[columns.size()];
            for (int i = 0; i < types.length; i++) {
                types[i] = byColumn.get(columns.get(i));
            }
            return types;
        }

        /** Lets each fill read what it needs from the source as it is now. */
        private void readFills() throws SQLException {
            for (VerifiedColumn.SourceFill fill : new LinkedHashSet<>(Arrays.asList(sourceFills))) {
                fill.read(source);
            }
        }

        /**
         * Walks the table in chunks; returns the keys whose rows differ, or exist on one side only. A chunk's target
         * range is read on a second thread while this one reads the next source chunk, so that the two databases
         * (and the hashing of their rows) work at the same time: each side's connection stays on one thread.
         */
        Set<RowKey> walk() throws SQLException {
            Set<RowKey> differing = new LinkedHashSet<>();
            ExecutorService targetSide = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sync-verify-target-" + table.name());
                thread.setDaemon(true);
                return thread;
            });
            try {
                RowKey after = null;
                Map<RowKey, Long> sourceChunk = sourceChunk(null);
                while (true) {
                    boolean last = sourceChunk.size() < chunkRows;
                    RowKey from = after;
                    RowKey upTo = last ? null : lastKey(sourceChunk);
                    Future<Map<RowKey, Long>> targetChunk = targetSide.submit(() -> targetRange(from, upTo));
                    Map<RowKey, Long> nextSourceChunk = last ? null : sourceChunk(upTo);
                    Map<RowKey, Long> targetRows = await(targetChunk);
                    sourceRows += sourceChunk.size();
                    this.targetRows += targetRows.size();
                    chunks++;
                    rangesMayOverlap |= from != null && upTo != null && targetRows.isEmpty();
                    if (!sameSummary(sourceChunk, targetRows)) {
                        differing.addAll(differences(sourceChunk, targetRows));
                    }
                    if (last) {
                        if (rangesMayOverlap) {
                            this.targetRows = count(target);
                        }
                        return differing;
                    }
                    after = upTo;
                    sourceChunk = nextSourceChunk;
                }
            } finally {
                targetSide.shutdownNow();
            }
        }

        private Map<RowKey, Long> await(Future<Map<RowKey, Long>> targetChunk) throws SQLException {
            try {
                return targetChunk.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException) {
                    throw (SQLException) e.getCause();
                }
                throw new IllegalStateException("Reading the target failed: " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while reading the target of " + table.name(), e);
            }
        }

        /** Of {@code keys}, those whose rows differ now, read by key equality. */
        Set<RowKey> differing(Collection<RowKey> keys) throws SQLException {
            if (keys.isEmpty()) {
                return new LinkedHashSet<>();
            }
            readFills();
            return differences(byKeys(source, sourceSelect, sourceTypes, sourceFills, sourceHasher, keys),
                    byKeys(target, targetSelect, targetTypes, targetFills, targetHasher, keys));
        }

        /** Of {@code keys}, those with journal entries not yet applied. */
        Set<RowKey> pending(Collection<RowKey> keys) throws SQLException {
            Set<RowKey> pending = KeyLists.present(source, table, table.journal(), keys);
            source.commit();
            return pending;
        }

        private Map<RowKey, Long> sourceChunk(RowKey after) throws SQLException {
            String sql = engine.firstRows(String.join(", ", sourceSelect), table.name(),
                    after == null ? "1 = 1" : KeyRange.after(table.keys()), table.keyList(""), chunkRows);
            try (PreparedStatement statement = source.prepareStatement(sql)) {
                if (after != null) {
                    KeyRange.bindAfter(statement, 1, after);
                }
                return hashed(statement, sourceTypes, sourceFills, sourceHasher);
            } finally {
                source.commit();
            }
        }

        private long count(Connection side) throws SQLException {
            try (PreparedStatement statement = side.prepareStatement("SELECT COUNT(*) FROM " + table.name());
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            } finally {
                side.commit();
            }
        }

        private Map<RowKey, Long> targetRange(RowKey after, RowKey upTo) throws SQLException {
            List<String> conditions = new ArrayList<>();
            if (after != null) {
                conditions.add(KeyRange.after(table.keys()));
            }
            if (upTo != null) {
                conditions.add(KeyRange.upTo(table.keys()));
            }
            String sql = "SELECT " + String.join(", ", targetSelect) + " FROM " + table.name()
                    + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
            try (PreparedStatement statement = target.prepareStatement(sql)) {
                int parameter = 1;
                if (after != null) {
                    parameter = KeyRange.bindAfter(statement, parameter, after);
                }
                if (upTo != null) {
                    KeyRange.bindUpTo(statement, parameter, upTo);
                }
                return hashed(statement, targetTypes, targetFills, targetHasher);
            } finally {
                target.commit();
            }
        }

        /** The rows of {@code keys} on one side, read by key equality ({@link KeyLists} keys a statement). */
        private Map<RowKey, Long> byKeys(Connection connection, List<String> select, int[] types,
                                         VerifiedColumn.SourceFill[] fills, RowHasher hasher,
                                         Collection<RowKey> keys) throws SQLException {
            Map<RowKey, Long> rows = new LinkedHashMap<>();
            for (List<RowKey> part : KeyLists.parts(keys, table.keys().size())) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT " + String.join(", ", select)
                        + " FROM " + table.name() + " WHERE " + RowKey.anyOf(table.keys(), part.size()))) {
                    RowKey.bindAll(statement, part);
                    rows.putAll(hashed(statement, types, fills, hasher));
                } finally {
                    connection.commit();
                }
            }
            return rows;
        }

        private Map<RowKey, Long> hashed(PreparedStatement statement, int[] types, VerifiedColumn.SourceFill[] fills,
                                         RowHasher hasher) throws SQLException {
            Map<RowKey, Long> rows = new LinkedHashMap<>();
            try (ResultSet result = statement.executeQuery()) {
                Object[] values = new Object[columns.size()];
                while (result.next()) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = RowCopier.readValue(result, i + 1, types[i]);
                    }
                    for (int i = 0; i < values.length; i++) {
                        values[i] = fills[i].value(values[i], values);
                    }
                    rows.put(RowKey.read(result, table.keys()), hasher.hash(values));
                }
            }
            return rows;
        }

        private boolean sameSummary(Map<RowKey, Long> sourceChunk, Map<RowKey, Long> targetChunk) {
            return sourceChunk.size() == targetChunk.size() && xor(sourceChunk) == xor(targetChunk);
        }

        private long xor(Map<RowKey, Long> rows) {
            long xor = 0;
            for (long hash : rows.values()) {
                xor ^= hash;
            }
            return xor;
        }

        private Set<RowKey> differences(Map<RowKey, Long> sourceRows, Map<RowKey, Long> targetRows) {
            Set<RowKey> keys = new LinkedHashSet<>(sourceRows.keySet());
            keys.addAll(targetRows.keySet());
            Set<RowKey> differing = new LinkedHashSet<>();
            for (RowKey key : keys) {
                Long sourceHash = sourceRows.get(key);
                if (sourceHash == null || !sourceHash.equals(targetRows.get(key))) {
                    differing.add(key);
                }
            }
            return differing;
        }

        private RowKey lastKey(Map<RowKey, Long> rows) {
            RowKey last = null;
            for (RowKey key : rows.keySet()) {
                last = key;
            }
            return last;
        }
    }
}

package org.wso2.carbon.is.migration.sync;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.database.DatabaseEngine;

/**
 * {@code sync run}: passes over every synced table's journal, parents first, applying what it finds
 * ({@link ChangeApplier}), until told to stop.
 *
 * <p>A pass reads a journal from its lowest id up to the largest id committed when the pass starts, in pages of
 * {@code batchSize} entries, each page starting after the last id of the one before: ids only order one pass, and
 * nothing is remembered between passes. So:
 * <ul>
 * <li>A transaction that took a low id and committed after higher ids were applied is found by the next pass, which
 *     starts from the lowest id again (an id cursor kept across passes, the old tool's high-water mark, skips it for
 *     good).</li>
 * <li>Ids that never commit (rolled-back transactions, sequence caches) leave gaps that no query depends on: a page
 *     is "the next entries after id n", not "ids n+1 .. n+batchSize", so a gap of any size is stepped over.</li>
 * <li>A pass ends at the id it started with, so a steady writer cannot keep the run on one table: children get
 *     their turn, and the next pass picks up what came meanwhile.</li>
 * </ul>
 * An error on one table is logged with its cause and that table is tried again on the next pass; the others go on.
 */
public final class SyncRun {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRun.class);
    private static final int CONNECTION_LIFETIME_SECONDS = 30;

    private final SyncSettings settings;
    private final SyncDatabases databases;
    private final List<SyncedTable> tables;
    private final SyncProgress progress;
    private final Map<String, TableState> states = new LinkedHashMap<>();
    private final SyncDdl ddl;
    private final DatabaseEngine sourceEngine;
    /** Per source database, the risks {@link #warnOfLeftOutDeletesAtRisk} last found, so each is logged once. */
    private final Map<SyncSchema, List<String>> risksLogged = new EnumMap<>(SyncSchema.class);
    private long appliedSinceStart;
    private long started;
    private boolean paused;

    public SyncRun(SyncSettings settings, SyncDatabases databases, SyncProgress progress) throws MigrationException {
        this.settings = settings;
        this.databases = databases;
        this.progress = progress;
        SyncSchema first = settings.schemas().iterator().next();
        try {
            this.ddl = SyncDdl.of(databases.sourceDialect(first));
            this.sourceEngine = DatabaseEngine.of(ddl.dialect());
            for (SyncSchema schema : settings.schemas()) {
                try (Connection source = databases.source(schema)) {
                    ddl.checkReachableBesideTheOldServer(source);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot reach the source database of " + first.propertyKey() + ": "
                    + e.getMessage(), e);
        }
        this.tables = SyncTables.resolve(settings, SyncTables.factsDialect(sourceEngine.dialect()));
        for (SyncedTable table : tables) {
            states.put(table.name(), new TableState(new Journal(table, sourceEngine),
                    new RetryBook(settings.maxAttempts(), settings.retryBackoffMillis())));
        }
    }

    /** The synced tables, parents first. */
    public List<SyncedTable> tables() {
        return tables;
    }

    /**
     * Passes over every table until {@code stop} says so, reporting progress every {@code syncInterval}. After a
     * pass that found nothing (or while the pause file exists) it waits as {@link IdleBackoff} says: briefly at
     * first, up to {@code syncInterval} while nothing comes.
     *
     * <p>The connections of one pass are kept for the next while changes flow (opening two per pass cost the old
     * server a new session every few milliseconds under load); they are closed while the run is idle, after a
     * failure, and renewed every {@value #CONNECTION_LIFETIME_SECONDS} s so that no pool takes them for abandoned.
     */
    public void run(BooleanSupplier stop) throws InterruptedException {
        loop(stop, false);
    }

    /**
     * As {@link #run}, and returns once a pass found nothing and no table has pending entries (the backlog is read
     * after empty passes only, so that a busy run does not open a connection per pass to read it).
     */
    public void runUntilDrained(BooleanSupplier stop) throws InterruptedException {
        loop(stop, true);
    }

    private void loop(BooleanSupplier stop, boolean untilDrained) throws InterruptedException {
        long nextReport = System.currentTimeMillis() + settings.syncIntervalMillis();
        IdleBackoff backoff = new IdleBackoff(settings.syncIntervalMillis());
        try (OpenConnections connections = new OpenConnections()) {
            while (!stop.getAsBoolean()) {
                long applied = pass(connections);
                if (System.currentTimeMillis() >= nextReport) {
                    report();
                    nextReport = System.currentTimeMillis() + settings.syncIntervalMillis();
                }
                if (applied > 0) {
                    backoff.changesFound();
                } else if (untilDrained && drained()) {
                    return;
                } else if (!stop.getAsBoolean()) {
                    if (backoff.idle()) {
                        connections.release();
                    }
                    Thread.sleep(backoff.nextWait());
                }
            }
        }
    }

    /**
     * One pass over every table, parents first, on connections opened for it; a table whose pass fails is logged
     * and left for the next pass. Nothing is applied while the pause file exists.
     *
     * @return rows written or deleted on the targets
     */
    public long pass() {
        try (OpenConnections connections = new OpenConnections()) {
            return pass(connections);
        }
    }

    private long pass(OpenConnections connections) {
        if (pausedByFile()) {
            return 0;
        }
        connections.renewOlderThan(CONNECTION_LIFETIME_SECONDS * 1000L);
        long applied = 0;
        for (SyncedTable table : tables) {
            try {
                Connection[] pair = connections.of(table.schema());
                applied += passOver(table, pair[0], pair[1]);
            } catch (SQLException | MigrationException | RuntimeException e) {
                LOG.error("{}: this pass failed and the table is tried again on the next: {}", table.name(),
                        e.toString(), e);
                connections.drop(table.schema());
            }
        }
        return applied;
    }

    private long passOver(SyncedTable table, Connection source, Connection target)
            throws SQLException, MigrationException {
        TableState state = states.get(table.name());
        if (state.applier == null) {
            RowCopier copier = RowCopier.between(table, source, target);
            state.applier = new ChangeApplier(state.journal, copier, RowTransforms.between(settings, table),
                    state.retries, new ChildRows(table, tables));
            target.commit(); // the catalog reads: a kept connection is not left idle in a transaction
        }
        long upTo = state.journal.lastId(source);
        source.commit(); // each page reads in its own transaction; with nothing pending none follows
        long after = 0;
        long applied = 0;
        while (after < upTo) {
            List<JournalEntry> page = state.journal.page(source, after, upTo, settings.batchSize());
            source.commit();
            if (page.isEmpty()) {
                break;
            }
            int rows = state.applier.apply(source, target, page);
            applied += rows;
            progress.applied(table.name(), rows);
            after = page.get(page.size() - 1).id();
            capRate(rows);
            if (pausedByFile()) {
                break;
            }
        }
        return applied;
    }

    /** Sleeps as long as the rows applied since the run started are ahead of {@code maxRowsPerSecond}. */
    private void capRate(int rows) {
        long cap = settings.maxRowsPerSecond();
        if (cap <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        if (started == 0) {
            started = now;
        }
        appliedSinceStart += rows;
        long due = started + appliedSinceStart * 1000 / cap;
        if (due > now) {
            try {
                Thread.sleep(due - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean pausedByFile() {
        boolean pause = settings.pauseFile() != null && Files.exists(settings.pauseFile());
        if (pause != paused) {
            LOG.info(pause ? "Paused: {} exists; nothing is applied until it is removed" : "Resumed: {} is gone",
                    settings.pauseFile());
            paused = pause;
        }
        return pause;
    }

    /** Logs one progress line per table (backlog, lag, rate) and returns the figures. */
    public List<SyncProgress.TableFigures> report() {
        List<SyncProgress.TableFigures> figures = status();
        progress.report(figures);
        return figures;
    }

    /** True when every table's backlog was read and is zero. */
    private boolean drained() {
        List<SyncProgress.TableFigures> figures = status();
        return figures.size() == tables.size() && figures.stream().allMatch(table -> table.pending() == 0);
    }

    /** Per table: rows applied by this run, pending entries, lag; read from the journals now. */
    public List<SyncProgress.TableFigures> status() {
        List<SyncProgress.TableFigures> figures = new ArrayList<>();
        Map<SyncSchema, Connection> sources = new EnumMap<>(SyncSchema.class);
        try {
            for (SyncedTable table : tables) {
                try {
                    Connection source = sources.get(table.schema());
                    if (source == null) {
                        source = databases.source(table.schema());
                        sources.put(table.schema(), source);
                        warnOfLeftOutDeletesAtRisk(table.schema(), source);
                    }
                    Journal.Backlog backlog = states.get(table.name()).journal.backlog(source);
                    source.commit();
                    figures.add(progress.figures(table.name(), backlog.pending(), backlog.failing(),
                            backlog.lagMillis()));
                } catch (SQLException | MigrationException e) {
                    LOG.error("{}: cannot read the backlog: {}", table.name(), e.toString());
                }
            }
        } finally {
            for (Connection source : sources.values()) {
                close(new Connection[] {source});
            }
        }
        return figures;
    }

    /**
     * Logs, when it first finds them, triggers created on the source after prepare made the tool's leave out the rows
     * foreign keys delete ({@link PostgreSqlSyncDdl}): such a trigger could delete synced rows unjournalled.
     */
    private void warnOfLeftOutDeletesAtRisk(SyncSchema schema, Connection source) throws SQLException {
        List<String> risks = ddl.leftOutDeletesAtRisk(source);
        source.commit();
        if (!risks.isEmpty() && !risks.equals(risksLogged.get(schema))) {
            LOG.error("The source database of {} has triggers that are not the sync tool's ({}), created after sync"
                    + " prepare, which leaves out of the journals the rows foreign keys delete: a delete such a"
                    + " trigger makes would not be journalled. Run sync prepare again (it then journals every"
                    + " delete), then sync verify --repair before switching over.", schema.propertyKey(),
                    String.join(", ", risks));
        }
        risksLogged.put(schema, risks);
    }

    /** {@code sync status}: the backlog and lag of every table and the rows parked, read now. */
    public SyncStatus syncStatus() throws MigrationException {
        Map<String, Long> parked = new LinkedHashMap<>();
        for (SyncSchema schema : schemas()) {
            try (Connection source = databases.source(schema)) {
                parked.putAll(DeadLetters.countByTable(source));
                source.commit();
            } catch (SQLException e) {
                throw new MigrationException("Cannot read " + SyncNames.DEAD_LETTER_TABLE + " on the source database"
                        + " of " + schema.propertyKey() + ": " + e.getMessage(), e);
            }
        }
        return new SyncStatus(status(), parked);
    }

    private Set<SyncSchema> schemas() {
        Set<SyncSchema> schemas = new LinkedHashSet<>();
        for (SyncedTable table : tables) {
            schemas.add(table.schema());
        }
        return schemas;
    }

    private static void close(Connection[] connections) {
        if (connections == null) {
            return;
        }
        for (Connection connection : connections) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("Closing a connection failed: {}", e.toString());
                }
            }
        }
    }

    /** The source and target connection of each schema a pass has used, opened on first use. */
    private final class OpenConnections implements AutoCloseable {
        private final Map<SyncSchema, Connection[]> pairs = new EnumMap<>(SyncSchema.class);
        private long openedAt;

        Connection[] of(SyncSchema schema) throws SQLException, MigrationException {
            Connection[] pair = pairs.get(schema);
            if (pair == null) {
                if (pairs.isEmpty()) {
                    openedAt = System.currentTimeMillis();
                }
                pair = new Connection[] {databases.source(schema), null};
                pairs.put(schema, pair);
                pair[1] = databases.target(schema);
            }
            return pair;
        }

        void drop(SyncSchema schema) {
            SyncRun.close(pairs.remove(schema));
        }

        void renewOlderThan(long millis) {
            if (!pairs.isEmpty() && System.currentTimeMillis() - openedAt > millis) {
                release();
            }
        }

        /** Closes every connection; the next {@link #of} opens new ones. */
        void release() {
            for (Connection[] pair : pairs.values()) {
                SyncRun.close(pair);
            }
            pairs.clear();
        }

        @Override
        public void close() {
            release();
        }
    }

    /** What the run keeps per table between passes. */
    private static final class TableState {
        private final Journal journal;
        private final RetryBook retries;
        private ChangeApplier applier;

        TableState(Journal journal, RetryBook retries) {
            this.journal = journal;
            this.retries = retries;
        }
    }
}

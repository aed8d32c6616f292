package org.wso2.carbon.is.migration.migrator.oauth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.api.StepProgress;
import org.wso2.carbon.is.migration.chunk.ChunkPacer;
import org.wso2.carbon.is.migration.chunk.ChunkProgress;
import org.wso2.carbon.is.migration.chunk.ChunkSettings;
import org.wso2.carbon.is.migration.chunk.HelperIndex;
import org.wso2.carbon.is.migration.chunk.KeysSetAside;
import org.wso2.carbon.is.migration.chunk.ProgressMeter;
import org.wso2.carbon.is.migration.chunk.TableKey;
import org.wso2.carbon.is.migration.chunk.TableSlicer;
import org.wso2.carbon.is.migration.chunk.TableWalker.Outcome;
import org.wso2.carbon.is.migration.chunk.TableWalker;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.database.TableSizes;
import org.wso2.carbon.is.migration.migrator.ChunkParameters;
import org.wso2.carbon.is.migration.migrator.MigratorParameters;
import org.wso2.carbon.is.migration.migrator.StepChunkProgress;
import org.wso2.carbon.is.migration.migrator.script.SchemaMigrator;
import org.wso2.carbon.is.migration.transform.IdpIdRule;

/**
 * The 5.8.0 data step ({@code OAuthDataMigrator}, parameter {@code schema}; the chunking parameters of
 * {@link ChunkSettings}: {@code chunkTargetMillis}, {@code minChunkSize}, {@code maxChunkSize}, {@code batchSize},
 * {@code pauseMillis}, {@code progressIntervalSeconds}; and {@code purgeInactiveTokens}, see
 * {@link InactiveTokenPurge}): sets IDP_ID of the access tokens, token-audit rows and authorization codes written
 * before 5.8.0.
 *
 * <p>The rule ({@link IdpIdRule}): a row needs IDP_ID when it is NULL (as the 5.8.0 script adds the column, in every
 * dialect), -1 (the old client's placeholder), or when USER_DOMAIN is still the 5.7.0 federated form
 * {@code FEDERATED:<IdP name>}. A federated row gets the id of the IDP row of that name in its tenant (exact name,
 * else the one name equal ignoring case), and its USER_DOMAIN becomes {@code FEDERATED} as 5.8.0 writes it; every
 * other row gets the id of its tenant's IDP row named {@code LOCAL}. The old client compared USER_DOMAIN with
 * {@code 'FEDERATED'} exactly and gave federated 5.7.0 tokens the LOCAL id; such rows are repaired here. A row for
 * which the rule finds no IDP row (a tenant without LOCAL IdP, a federated IdP deleted since, a bare FEDERATED) is
 * left exactly as it is, and counted per tenant and IdP in the step's warnings: never guessed.
 *
 * <p>How: each table is walked in chunks ({@link TableWalker}), in storage order where the engine lets SQL name it
 * (PostgreSQL 14+ heap pages, H2 row ids) and by key elsewhere (keys per {@link OAuthTable}; see {@link TableSlicer}
 * for why), each chunk one set-based UPDATE over the chunk's range with the rule as correlated subqueries on IDP,
 * committed together with its checkpoint, so a re-run continues after the last committed chunk, and a re-run after
 * success changes nothing (only rows that need it are touched). The rows left are reported per table from a read-only
 * grouped count: each chunk counts its own range after its update where ranges hold every row and rows cannot leave
 * them, else (a resumed walk, PostgreSQL pages, rows with a NULL key) one count over the table after the walk. Where
 * rows may have moved under the walk (PostgreSQL pages, when another session updates the table meanwhile), rows the
 * rule could still set are caught by one more pass, and the step fails if any remain. A dry run (where
 * {@link #plan} does the work of reporting) counts, per table, the rows that would get their LOCAL IdP, a federated
 * IdP, or nothing, and changes nothing. On H2 each table's primary key and the foreign keys on it and to it are
 * dropped for its walk and added back after it ({@link KeysSetAside}: H2 rewrites every index entry of an updated
 * row).
 *
 * <p>Size: chunks adapt to take about {@code chunkTargetMillis} each (500 ms by default), so no chunk holds its row
 * locks for long whatever the table's size; before the walk the step reports the tables' sizes and an estimated time
 * ({@link #preFlight}), logs rows done, rate and time left every {@code progressIntervalSeconds} while it walks
 * ({@link ProgressMeter}), and notes per table the rows, chunks and longest chunk in the report. With
 * {@code pauseMillis} it pauses after every chunk (the throttle, for a migration beside live traffic).
 */
public final class OAuthDataMigrator implements Migrator {

    public static final String NAME = "OAuthDataMigrator";
    private static final Logger LOG = LoggerFactory.getLogger(OAuthDataMigrator.class);
    /**
     * Bumped whenever what the step does to rows changes (the rule), so the ledger tells a different step from a done
     * one; not for how it walks the tables, which leaves the same rows.
     */
    static final String CHECKSUM = "java:" + NAME + ":1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepIdentity identify(Map<String, String> parameters) throws MigrationException {
        return MigratorParameters.onSchema(NAME, parameters);
    }

    @Override
    public StepPlan plan(MigrationContext context) throws MigrationException {
        String schema = MigratorParameters.required(NAME, context, "schema");
        ChunkSettings settings = ChunkParameters.of(NAME, context);
        boolean purge = MigratorParameters.bool(NAME, context, InactiveTokenPurge.PARAMETER, false);
        MigrationDatabase database = context.database(schema);
        DatabaseEngine engine = DatabaseEngine.of(database.dialect());
        ChunkProgress ledger = new StepChunkProgress(context.progress());
        List<String> actions = new ArrayList<>();
        try (Connection connection = database.connect()) {
            // IDN_OAUTH2_ACCESS_TOKEN_AUDIT came with 5.7.0: from 5.5.0 or 5.6.0 the 5.7.0 step1 script of this same
            // run creates it, after this plan is made; execute finds it (and fails on a table still missing there).
            for (String required : Arrays.asList("IDP", OAuthTable.ACCESS_TOKEN.table(),
                    OAuthTable.AUTHORIZATION_CODE.table())) {
                if (!CatalogLookup.tableExists(connection, required)) {
                    throw new MigrationException(NAME + ": table " + required + " does not exist in the " + schema
                            + " database (" + database.dialect().scriptName() + "); is '" + schema
                            + "' the identity database?");
                }
            }
            List<OAuthTable> present = new ArrayList<>();
            for (OAuthTable table : OAuthTable.values()) {
                if (CatalogLookup.tableExists(connection, table.table())) {
                    present.add(table);
                } else {
                    actions.add(table.table() + ": not there yet; the 5.7.0 step1 script, earlier in this run, creates"
                            + " it (empty)");
                }
            }
            actions.add(preFlight(connection, engine, present, new EnumMap<>(OAuthTable.class)));
            if (purge) {
                for (InactiveTokenPurge.Target target : InactiveTokenPurge.Target.values()) {
                    actions.add("purge first (" + InactiveTokenPurge.PARAMETER + "): " + target.table() + ": delete the"
                            + " rows where " + target.condition() + ", in chunks like the backfill"
                            + (context.dryRun() ? "; would delete " + InactiveTokenPurge.count(connection, target)
                            + " rows" : ""));
                }
            }
            for (OAuthTable table : present) {
                TableSlicer slicer = slicer(connection, engine, table);
                actions.add(describeWork(table, settings, slicer, engine));
                if (engine.updatesRewriteEveryIndex()) {
                    KeysSetAside keys = KeysSetAside.of(connection, table.table(), ledger);
                    if (!keys.isEmpty()) {
                        actions.add(table.table() + ": " + keys.describe() + " dropped for the walk (recorded in the"
                                + " ledger first) and added back after it: " + String.join("; ", keys.keys().stream()
                                .map(TableKey::addStatement).collect(Collectors.toList())));
                    }
                }
                if (context.dryRun()) {
                    actions.add(table.table() + ": " + countForDryRun(connection, table, context.progress()));
                }
                actions.add(table.updateRange(slicer.sample()));
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new MigrationException(NAME + ": could not read the " + schema + " database: " + e.getMessage(), e);
        }
        return new StepPlan(schema, "set IDP_ID of access tokens, token-audit rows and authorization codes ("
                + settings.describe() + (purge ? "; inactive tokens and codes purged first" : "") + ")", CHECKSUM,
                actions);
    }

    /**
     * The pre-flight report: the rows of the big tables (the engine's estimate where it keeps one) and the time the
     * backfill may take at {@link DatabaseEngine#estimatedUpdateRowsPerSecond}; the progress lines then give the
     * measured rate.
     */
    public static String preFlight(Connection connection, DatabaseEngine engine) throws SQLException {
        return preFlight(connection, engine, Arrays.asList(OAuthTable.values()), new EnumMap<>(OAuthTable.class));
    }

    /**
     * As {@link #preFlight(Connection, DatabaseEngine)}, over {@code tables}, keeping each one's rows in
     * {@code rows} for the progress lines.
     */
    private static String preFlight(Connection connection, DatabaseEngine engine, List<OAuthTable> tables,
                                    Map<OAuthTable, Long> rows) throws SQLException {
        List<String> sizes = new ArrayList<>();
        long total = 0;
        for (OAuthTable table : tables) {
            TableSizes.TableSize size = TableSizes.of(connection, engine, table.table());
            sizes.add(size.describe());
            rows.put(table, size.rows());
            total += size.rows();
        }
        long rate = engine.estimatedUpdateRowsPerSecond();
        return "pre-flight: " + String.join("; ", sizes) + "; estimated time " + ProgressMeter.duration(total / rate)
                + " at " + String.format(Locale.ROOT, "%,d", rate) + " rows/s (what the benchmark measured on "
                + engine.dialect().scriptName() + "; the progress lines show this database's rate)";
    }

    private static String describeWork(OAuthTable table, ChunkSettings settings, TableSlicer slicer,
                                       DatabaseEngine engine) {
        String how = table.table() + ": set IDP_ID by ranges of " + slicer.column() + ", " + settings.describe()
                + ", one UPDATE per chunk, committed with its checkpoint";
        if (!slicer.coversEveryRow() && table.keyWithoutIndex()) {
            HelperIndex helper = helperIndex(table, engine);
            how += "; the table has no index, so the walk adds one (" + helper.createStatement() + ") and drops it"
                    + " afterwards (" + helper.dropStatement() + "); rows with a NULL " + table.key()
                    + " are updated by one statement of their own";
        }
        return how;
    }

    /** Counts what the step would do; rows that would change go to the dry run's row count. */
    private static String countForDryRun(Connection connection, OAuthTable table, StepProgress progress)
            throws SQLException {
        boolean columnExists = CatalogLookup.columnExists(connection, table.table(), OAuthTable.IDP_ID);
        IdpIdCounts counts = IdpIdCounts.read(connection, table, columnExists);
        progress.rows(counts.toLocal() + counts.toFederated());
        counts.leftReports().forEach(progress::warn);
        return "would set " + counts.describe() + (columnExists ? ""
                : " (IDP_ID is not there yet: the 5.8.0 step1 script adds it, empty, before this step runs)");
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        String schema = MigratorParameters.required(NAME, context, "schema");
        ChunkSettings settings = ChunkParameters.of(NAME, context);
        boolean purge = MigratorParameters.bool(NAME, context, InactiveTokenPurge.PARAMETER, false);
        MigrationDatabase database = context.database(schema);
        DatabaseEngine engine = DatabaseEngine.of(database.dialect());
        StepProgress progress = context.progress();
        try (Connection connection = database.connect()) {
            for (OAuthTable table : OAuthTable.values()) {
                if (!CatalogLookup.columnExists(connection, table.table(), OAuthTable.IDP_ID)) {
                    throw new MigrationException(NAME + ": " + table.table() + " has no IDP_ID column. The 5.8.0"
                            + " step1 script (SchemaMigrator, location step1, schema identity) adds it; run it first.");
                }
            }
            Map<OAuthTable, Long> sizes = new EnumMap<>(OAuthTable.class);
            String preFlight = preFlight(connection, engine, Arrays.asList(OAuthTable.values()), sizes);
            connection.rollback();
            LOG.info("{}", preFlight);
            progress.note(preFlight);
            if (purge) {
                for (InactiveTokenPurge.Target target : InactiveTokenPurge.Target.values()) {
                    ChunkPacer pacer = pacer(settings, "purge " + target.table(), 0);
                    long deleted = InactiveTokenPurge.purge(connection, engine, target, pacer, progress);
                    progress.note(target.table() + ": purged " + deleted + " rows where " + target.condition()
                            + " (" + InactiveTokenPurge.PARAMETER + "), in " + pacer.chunks() + " chunks; longest chunk "
                            + pacer.longestMillis() + " ms");
                }
            }
            for (OAuthTable table : OAuthTable.values()) {
                // The pre-flight sizes, read again only when the purge has just changed them (where an engine keeps
                // no estimate, a size is a COUNT(*) over the table).
                long estimate = purge ? TableSizes.of(connection, engine, table.table()).rows() : sizes.get(table);
                connection.rollback();
                migrate(connection, table, engine, pacer(settings, table.table(), estimate), progress);
            }
        } catch (SQLException e) {
            throw new MigrationException(NAME + ": " + e.getMessage()
                    + " (chunks committed before this stay done; a re-run continues after the last of them)", e);
        }
    }

    private static ChunkPacer pacer(ChunkSettings settings, String what, long estimatedRows) {
        ProgressMeter meter = new ProgressMeter(what, estimatedRows, settings.progressIntervalNanos(),
                System::nanoTime, line -> LOG.info("{}", line));
        return new ChunkPacer(settings.sizer(), meter, settings.pauseMillis());
    }

    private static TableSlicer slicer(Connection connection, DatabaseEngine engine, OAuthTable table)
            throws SQLException {
        return TableSlicer.forTable(connection, engine, table.table(), table.key(), false);
    }

    private static void migrate(Connection connection, OAuthTable table, DatabaseEngine engine, ChunkPacer pacer,
                                StepProgress progress) throws SQLException {
        TableSlicer slicer = slicer(connection, engine, table);
        boolean byKey = !slicer.coversEveryRow();
        HelperIndex helper = byKey && table.keyWithoutIndex() ? helperIndex(table, engine) : null;
        boolean dropHelper = helper != null && helper.ensure(connection);
        // Where the ranges cover every row the walk can reach and rows stay in their range, each chunk counts the rows
        // it leaves (on pages it has just read) instead of one more pass over the whole table after the walk: that
        // pass reads the whole table once more, a noticeable part of the step where the buffer pool holds only a
        // fraction of the table, as on MariaDB (see docs/benchmark.md).
        boolean countPerChunk = !slicer.rowsMayMove() && (slicer.coversEveryRow() || !table.keyMayBeNull());
        IdpIdCounts chunkCounts = countPerChunk ? IdpIdCounts.none(table) : null;
        ChunkProgress ledger = new StepChunkProgress(progress);
        KeysSetAside keys = keysSetAside(connection, engine, table, progress, ledger);
        if (keys != null) {
            keys.drop(connection, ledger);
        }
        long started = System.nanoTime();
        Outcome outcome;
        long rows;
        try {
            outcome = walk(connection, table, new TableWalker(table.table(), table.table(), slicer, pacer), ledger,
                    chunkCounts);
            rows = outcome.rowsChanged();
            if (byKey && table.keyMayBeNull()) {
                try (PreparedStatement update = connection.prepareStatement(table.updateNullKeys())) {
                    long nullKeyRows = update.executeUpdate();
                    connection.commit();
                    progress.rows(nullKeyRows);
                    rows += nullKeyRows;
                }
            }
        } catch (SQLException e) {
            if (keys != null) {
                try {
                    connection.rollback();
                    keys.restore(connection, ledger);
                } catch (SQLException | RuntimeException restoring) {
                    e.addSuppressed(restoring);
                }
            }
            throw e;
        }
        long walkMillis = (System.nanoTime() - started) / 1_000_000;
        if (dropHelper) {
            helper.drop(connection);
        }
        if (keys != null) {
            long restoring = System.nanoTime();
            keys.restore(connection, ledger);
            String restored = table.table() + ": " + keys.describe() + " added back in "
                    + (System.nanoTime() - restoring) / 1_000_000 + " ms (dropped for the walk: H2 rewrites every"
                    + " index entry of a row it updates)";
            LOG.info("{}", restored);
            progress.note(restored);
        }
        progress.note(table.table() + ": IDP_ID set on " + rows + " rows in " + outcome.chunks() + " chunks by ranges"
                + " of " + slicer.column() + (outcome.resumed()
                ? ", continuing after the checkpoint of an interrupted run" : ""));
        String pace = table.table() + ": about " + pacer.meter().done() + " rows walked in " + walkMillis
                + " ms, longest chunk " + pacer.longestMillis() + " ms (sized for " + pacer.longestSize() + " rows; "
                + outcome.chunks() + " chunks, " + (outcome.chunks() == 0 ? 0 : walkMillis / outcome.chunks())
                + " ms each on average)";
        LOG.info("{}", pace);
        progress.note(pace);
        IdpIdCounts left;
        if (chunkCounts != null && !outcome.resumed()) {
            left = chunkCounts;
        } else {
            // A resumed walk did not see the chunks of the run before it; a page walk may have missed moved rows.
            left = IdpIdCounts.read(connection, table, true);
            connection.rollback();
        }
        if (slicer.rowsMayMove() && left.resolvable() > 0) {
            // Rows another session updated during the walk may have moved to pages already walked: one more pass.
            Outcome recheck = walk(connection, table, new TableWalker(table.table(), table.table() + ":recheck",
                    slicer(connection, engine, table), pacer), ledger, null);
            progress.note(table.table() + ": " + left.resolvable() + " rows still needed IDP_ID after the walk"
                    + " (moved by another session meanwhile); a second pass set " + recheck.rowsChanged());
            left = IdpIdCounts.read(connection, table, true);
            connection.rollback();
            if (left.resolvable() > 0) {
                throw new SQLException(table.table() + ": " + left.resolvable() + " rows still need IDP_ID after two"
                        + " passes: another session keeps updating the table. Stop it and run the migration again.");
            }
        }
        left.leftReports().forEach(progress::warn);
    }

    /** Walks {@code table}, setting IDP_ID chunk by chunk; adds each chunk's rows left to {@code counts} if given. */
    private static Outcome walk(Connection connection, OAuthTable table, TableWalker walker, ChunkProgress ledger,
                                IdpIdCounts counts) throws SQLException {
        try {
            return walker.walk(connection, ledger, (chunk, range) -> {
                long changed;
                try (PreparedStatement update = chunk.prepareStatement(table.updateRange(range))) {
                    range.bind(update, 1);
                    changed = update.executeUpdate();
                }
                if (counts != null) {
                    counts.addRange(chunk, range);
                }
                return changed;
            });
        } catch (SQLException e) {
            throw new SQLException(table.table() + ": a chunk failed and was rolled back: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /**
     * Where an update rewrites every index of its row (H2), the keys of and to {@code table} to drop for the walk
     * ({@link KeysSetAside}), null where they stay: other engines, a table without keys, or definitions too long to
     * record in the ledger first.
     */
    private static KeysSetAside keysSetAside(Connection connection, DatabaseEngine engine, OAuthTable table,
                                             StepProgress progress, ChunkProgress ledger) throws SQLException {
        if (!engine.updatesRewriteEveryIndex()) {
            return null;
        }
        KeysSetAside keys = KeysSetAside.of(connection, table.table(), ledger);
        connection.rollback();
        if (keys.isEmpty()) {
            return null;
        }
        if (!keys.fitsLedger()) {
            progress.note(table.table() + ": " + keys.describe() + " kept for the walk: their definitions do not fit"
                    + " the ledger, where they must be recorded before they are dropped");
            return null;
        }
        if (keys.fromInterruptedRun()) {
            progress.note(table.table() + ": " + keys.describe() + " were set aside by an interrupted run (recorded"
                    + " in the ledger); they are added back after the walk");
        }
        return keys;
    }

    private static HelperIndex helperIndex(OAuthTable table, DatabaseEngine engine) {
        return new HelperIndex(engine, table.table(), table.key(), table.helperIndexName());
    }
}

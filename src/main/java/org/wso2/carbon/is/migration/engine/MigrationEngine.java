package org.wso2.carbon.is.migration.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.RunSettings;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.ledger.LedgerEntry.Outcome;
import org.wso2.carbon.is.migration.ledger.LedgerEntry;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.ledger.LockHolder;
import org.wso2.carbon.is.migration.ledger.MigrationLock;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.report.StepReport;

/**
 * Runs a migration in three phases. Plan: every step works out what it would do, so a missing script, an unknown
 * database or a bad parameter stops the run before anything changes. Prepare: the ledger tables exist and this
 * process holds the lock of every database involved. Execute: each step not already recorded as done runs, and
 * its start and end are committed to the ledger. A dry run stops after reading the ledger; {@code info} skips the
 * plan and reads only the ledger.
 */
public final class MigrationEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationEngine.class);
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final MigrationConfig config;
    private final List<String> configWarnings;
    private final Path resourcesDirectory;
    private final DataSourceLocator locator;
    private final MigratorRegistry registry;
    private Path reportFileOverride;
    private boolean skipVersionCheck;

    public MigrationEngine(MigrationConfig config, List<String> configWarnings, Path resourcesDirectory,
                           DataSourceLocator locator, MigratorRegistry registry) {
        this.config = config;
        List<String> warnings = new ArrayList<>(configWarnings);
        warnings.forEach(Objects::requireNonNull);
        this.configWarnings = Collections.unmodifiableList(warnings);
        this.resourcesDirectory = resourcesDirectory;
        this.locator = locator;
        this.registry = registry;
    }

    /** Writes the JSON report to this file instead of the configured or default place. */
    public MigrationEngine reportTo(Path file) {
        this.reportFileOverride = file;
        return this;
    }

    /**
     * Plans without checking that each database is at currentVersion, as {@code skipVersionCheck: "true"} does
     * (the command line's {@code --skip-version-check}).
     */
    public MigrationEngine skippingVersionCheck() {
        this.skipVersionCheck = true;
        return this;
    }

    /** One planned step with its migrator, context and report. */
    private static final class Prepared {
        private final PlannedStep step;
        private final Migrator migrator;
        private final StepContext context;
        private final StepReport report;
        private final StepPlan plan;
        private final TargetDatabase target;
        private final String key;

        Prepared(PlannedStep step, Migrator migrator, StepContext context, StepReport report, StepPlan plan,
                 TargetDatabase target, String key) {
            this.step = step;
            this.migrator = migrator;
            this.context = context;
            this.report = report;
            this.plan = plan;
            this.target = target;
            this.key = key;
        }

        PlannedStep step() {
            return step;
        }

        Migrator migrator() {
            return migrator;
        }

        StepContext context() {
            return context;
        }

        StepReport report() {
            return report;
        }

        StepPlan plan() {
            return plan;
        }

        TargetDatabase target() {
            return target;
        }

        String key() {
            return key;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Prepared)) {
                return false;
            }
            Prepared that = (Prepared) other;
            return Objects.equals(step, that.step) && Objects.equals(migrator, that.migrator)
                    && Objects.equals(context, that.context) && Objects.equals(report, that.report)
                    && Objects.equals(plan, that.plan) && Objects.equals(target, that.target)
                    && Objects.equals(key, that.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(step, migrator, context, report, plan, target, key);
        }

        @Override
        public String toString() {
            return "Prepared[step=" + step + ", migrator=" + migrator + ", context=" + context + ", report=" + report
                    + ", plan=" + plan + ", target=" + target + ", key=" + key + "]";
        }
    }

    /**
     * Runs the given mode. Problems in the configuration itself (versions, unknown migrators) are thrown; every
     * other failure is recorded in the returned report, whose status is then FAILED.
     */
    public MigrationReport run(RunMode mode) throws ConfigException {
        MigrationReport report = runWithoutReportFile(mode);
        writeReportFile(report);
        return report;
    }

    /**
     * What {@code info} reports, each step's state as its database's ledger records it, without writing a report
     * file: for commands that read the ledger as part of their own report ({@code verify}).
     */
    public MigrationReport ledgerStates() throws ConfigException {
        return runWithoutReportFile(RunMode.INFO);
    }

    private MigrationReport runWithoutReportFile(RunMode mode) throws ConfigException {
        MigrationPlan plan = PlanBuilder.build(config);
        List<PlannedStep> steps = plan.steps();
        List<Migrator> migrators = new ArrayList<>();
        for (PlannedStep step : steps) {
            migrators.add(registry.find(step.migratorName()).orElseThrow(() -> new ConfigException(
                    config.source(), lineOf(step.configLocation()), "name", "unknown migrator '"
                    + step.migratorName() + "'; known migrators: " + String.join(", ", registry.names()))));
        }

        MigrationReport report = new MigrationReport(newRunId(), mode);
        report.configFile(String.valueOf(config.source()));
        report.versions(plan.currentVersion(), plan.migrateVersion());
        configWarnings.forEach(report::warn);
        LOG.info("{} {} -> {}: {} steps (run {})", mode == RunMode.MIGRATE ? "Migrating" : mode == RunMode.DRY_RUN
                ? "Dry run of the migration" : "Migration info", plan.currentVersion(), plan.migrateVersion(),
                steps.size(), report.runId());

        TargetDatabases databases = new TargetDatabases(config.dataSources(), locator);
        if (mode == RunMode.INFO) {
            try {
                listFromLedger(steps, migrators, databases, report);
            } catch (LedgerException e) {
                report.fail(e.getMessage());
            }
            addDatabases(databases, report);
        } else {
            List<Prepared> prepared = atCurrentVersion(plan, migrators, databases, report)
                    ? planAll(steps, migrators, mode, databases, report) : null;
            addDatabases(databases, report);
            if (prepared != null) {
                try {
                    if (mode == RunMode.MIGRATE) {
                        execute(prepared, databases, report);
                    } else {
                        review(prepared);
                    }
                } catch (LedgerException e) {
                    report.fail(e.getMessage());
                }
            }
        }
        report.finish();
        return report;
    }

    /** True when planning may go on: each database is at currentVersion, or the check is switched off. */
    private boolean atCurrentVersion(MigrationPlan plan, List<Migrator> migrators, TargetDatabases databases,
                                     MigrationReport report) throws ConfigException {
        if (skipVersionCheck || config.skipVersionCheck()) {
            report.warn("skipVersionCheck: the databases were not checked to be at currentVersion "
                    + plan.currentVersion() + "; the scripts assume they are");
            return true;
        }
        return new CurrentVersionCheck(config, plan).check(plan.steps(), migrators, databases, report);
    }

    private static void addDatabases(TargetDatabases databases, MigrationReport report) {
        for (TargetDatabase target : databases.opened()) {
            report.addDatabase(target.dataSourceName(), target.logicalNames(), target.dialect().scriptName(),
                    target.location());
        }
    }

    private List<Prepared> planAll(List<PlannedStep> steps, List<Migrator> migrators, RunMode mode,
                                   TargetDatabases databases, MigrationReport report) {
        RunSettings settings = config.runSettings();
        List<Prepared> prepared = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        boolean failed = false;
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep step = steps.get(i);
            StepReport stepReport = report.addStep(new StepReport(step.id(), step.version(), step.order(),
                    step.migratorName(), step.configLocation()));
            StepContext context = new StepContext(step, mode != RunMode.MIGRATE, resourcesDirectory, databases,
                    settings, stepReport);
            try {
                Migrator migrator = migrators.get(i);
                StepIdentity identity = migrator.identify(step.parameters());
                StepPlan stepPlan = migrator.plan(context);
                if (!stepPlan.database().equals(identity.database())) {
                    throw new MigrationException(step.migratorName() + " plans a change of the " + stepPlan.database()
                            + " database, but identifies the step by the " + identity.database() + " database");
                }
                TargetDatabase target = databases.forLogical(stepPlan.database());
                String key = stepKey(step, identity, keys);
                context.bind(target.ledger(), key);
                stepReport.planned(stepPlan.database(), stepPlan.description(), stepPlan.checksum(),
                        stepPlan.actions());
                prepared.add(new Prepared(step, migrators.get(i), context, stepReport, stepPlan, target, key));
            } catch (MigrationException | RuntimeException e) {
                failed = true;
                stepReport.outcome(StepReport.Outcome.FAILED);
                stepReport.error(step.configLocation() + ": " + describe(e));
                LOG.error("[{}] cannot be planned: {}", step.id(), Secrets.mask(describe(e)));
            }
        }
        if (failed) {
            report.fail("The migration was checked before anything ran, and some steps cannot run (see above)."
                    + " Nothing was changed.");
            return null;
        }
        return prepared;
    }

    /** The line number at the end of a {@code file:line} location, or 0. */
    private static int lineOf(String location) {
        int colon = location.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(location.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Stable across re-ordering of the config: version, migrator and the identity the migrator declares (database,
     * and e.g. the script location).
     */
    private static String stepKey(PlannedStep step, StepIdentity identity, Set<String> taken) {
        String key = step.version() + "/" + step.migratorName() + "/" + identity;
        if (!taken.add(key)) {
            key = key + "#" + step.order();
            taken.add(key);
        }
        return key;
    }

    private void execute(List<Prepared> prepared, TargetDatabases databases, MigrationReport report)
            throws LedgerException {
        String holder = LockHolder.current().format(report.runId());
        List<MigrationLock> locks = new ArrayList<>();
        try {
            for (TargetDatabase target : databases.opened()) {
                target.ledger().ensureTables();
                locks.add(MigrationLock.acquire(target.dataSource(), target.ledger(), holder,
                        Duration.ofSeconds(config.lockStaleAfterSeconds())));
            }
            boolean stopped = false;
            for (Prepared step : prepared) {
                if (stopped) {
                    break;
                }
                for (MigrationLock lock : locks) {
                    lock.verifyHeld();
                }
                stopped = !executeOne(step, report.runId(), holder) && !config.continueOnError();
            }
        } finally {
            for (MigrationLock lock : locks) {
                try {
                    lock.close();
                } catch (LedgerException e) {
                    LOG.warn("Could not release the migration lock (it expires by itself): {}", e.getMessage());
                }
            }
        }
    }

    /** Runs one step unless the ledger has it; returns false when it failed. */
    private boolean executeOne(Prepared step, String runId, String holder) throws LedgerException {
        StepReport report = step.report();
        Optional<LedgerEntry> done = step.target().ledger().lastSuccess(step.key());
        if (done.isPresent()) {
            skipDone(step, done.get());
            return true;
        }
        step.target().ledger().latest(step.key()).ifPresent(previous -> report.note(previousAttempt(previous)
                + "; running the step again"));
        LOG.info("[{}] {} on {}", step.step().id(), step.plan().description(), step.target().dataSourceName());
        long id = step.target().ledger().begin(runId, step.key(), step.step().version(), step.step().order(),
                step.step().migratorName(), step.plan().database(), step.plan().description(),
                step.plan().checksum(), holder);
        Instant start = Instant.now();
        report.started(start);
        try {
            step.migrator().execute(step.context(), step.plan());
            long millis = Duration.between(start, Instant.now()).toMillis();
            report.ended(StepReport.Outcome.APPLIED, millis);
            step.target().ledger().finish(id, Outcome.SUCCESS, report.rows(), null);
            LOG.info("[{}] done in {} ms ({} rows)", step.step().id(), millis, report.rows());
            return true;
        } catch (LedgerException e) {
            // Only the ledger's finish() throws this here (StepContext hands ledger failures to migrators as
            // IllegalStateException). The ledger failing to record a step is not the step failing: the run stops.
            throw e;
        } catch (MigrationException | RuntimeException e) {
            long millis = Duration.between(start, Instant.now()).toMillis();
            String message = describe(e);
            report.ended(StepReport.Outcome.FAILED, millis);
            report.error(message);
            step.target().ledger().finish(id, Outcome.FAILED, report.rows(), Secrets.mask(message));
            LOG.error("[{}] FAILED after {} ms: {}", step.step().id(), millis, Secrets.mask(message), e);
            return false;
        }
    }

    /** A recorded attempt that did not succeed, as the report tells it. */
    private static String previousAttempt(LedgerEntry previous) {
        return "previous attempt (run " + previous.runId() + ", " + previous.startedAt() + ") "
                + (previous.outcome() == Outcome.FAILED ? "failed: " + previous.detail() : "was interrupted");
    }

    private static void skipDone(Prepared step, LedgerEntry done) {
        StepReport report = step.report();
        if (done.checksum().equals(step.plan().checksum())) {
            report.outcome(StepReport.Outcome.ALREADY_APPLIED);
            report.note("already applied on " + done.finishedAt() + " (run " + done.runId() + ")");
            LOG.info("[{}] already applied on {} (run {}): skipped", step.step().id(), done.finishedAt(),
                    done.runId());
        } else {
            report.outcome(StepReport.Outcome.CHANGED_SINCE_APPLIED);
            report.warn("applied on " + done.finishedAt() + " with checksum " + done.checksum()
                    + ", but its content now has checksum " + step.plan().checksum()
                    + "; not run again. Check what changed.");
        }
    }

    /** Dry run: read the ledger, change nothing. */
    private static void review(List<Prepared> prepared) throws LedgerException {
        for (Prepared step : prepared) {
            Optional<LedgerEntry> done = step.target().ledger().lastSuccess(step.key());
            if (done.isPresent()) {
                skipDone(step, done.get());
                continue;
            }
            step.target().ledger().latest(step.key()).ifPresent(previous -> step.report().note(
                    previousAttempt(previous)));
            step.report().outcome(StepReport.Outcome.WOULD_APPLY);
        }
    }

    /**
     * Info: each step's state as the ledger of the database it changes records it, and nothing else. The steps are
     * not planned, since planning reads the data (preconditions, token counts, every tenant's claims): the database
     * and the ledger key come from the identity each migrator declares from the step's parameters, the description
     * and checksum from its ledger row.
     */
    private static void listFromLedger(List<PlannedStep> steps, List<Migrator> migrators, TargetDatabases databases,
                                       MigrationReport report) throws LedgerException {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep step = steps.get(i);
            StepReport stepReport = report.addStep(new StepReport(step.id(), step.version(), step.order(),
                    step.migratorName(), step.configLocation()));
            StepIdentity identity;
            TargetDatabase target;
            try {
                identity = migrators.get(i).identify(step.parameters());
                target = databases.forLogical(identity.database());
            } catch (MigrationException | RuntimeException e) {
                stepReport.outcome(StepReport.Outcome.FAILED);
                stepReport.error(step.configLocation() + ": " + describe(e));
                LOG.error("[{}] cannot be looked up: {}", step.id(), Secrets.mask(describe(e)));
                continue;
            }
            String key = stepKey(step, identity, keys);
            Optional<LedgerEntry> done = target.ledger().lastSuccess(key);
            Optional<LedgerEntry> last = done.isPresent() ? done : target.ledger().latest(key);
            if (!last.isPresent()) {
                stepReport.planned(identity.database(), step.describe(), null, Collections.<String>emptyList());
                stepReport.outcome(StepReport.Outcome.PENDING);
                continue;
            }
            LedgerEntry entry = last.get();
            stepReport.planned(identity.database(), entry.description(), entry.checksum(),
                    Collections.<String>emptyList());
            stepReport.note(recorded(entry));
            stepReport.outcome(infoOutcome(entry.outcome()));
        }
    }

    private static StepReport.Outcome infoOutcome(Outcome recorded) {
        switch (recorded) {
            case SUCCESS:
                return StepReport.Outcome.ALREADY_APPLIED;
            case FAILED:
                return StepReport.Outcome.ATTEMPT_FAILED;
            case RUNNING:
                return StepReport.Outcome.ATTEMPT_UNFINISHED;
            default:
                throw new AssertionError(recorded);
        }
    }

    /**
     * A ledger row as {@code info} shows it: how it ended, who ran it in which run (the lock holder, recorded as
     * executed-by), when, and the checksum of the step's content then.
     */
    private static String recorded(LedgerEntry entry) {
        String text = entry.outcome() + " by " + entry.executedBy() + ", started " + entry.startedAt()
                + (entry.finishedAt() == null ? ", not finished" : ", finished " + entry.finishedAt()) + ", "
                + entry.rowsAffected() + " rows, checksum " + entry.checksum();
        return entry.detail() == null ? text : text + ": " + entry.detail();
    }

    private void writeReportFile(MigrationReport report) {
        Path file = reportFile(report);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, report.toJson().getBytes(StandardCharsets.UTF_8));
            report.reportFile(file);
        } catch (IOException e) {
            LOG.warn("Could not write the report to {}: {}", file, e.getMessage());
        }
    }

    private Path reportFile(MigrationReport report) {
        if (reportFileOverride != null) {
            return reportFileOverride;
        }
        String name = "migration-" + report.mode().name().toLowerCase().replace('_', '-') + "-" + report.runId()
                + ".json";
        if (config.reportPath() != null && !config.reportPath().trim().isEmpty()) {
            Path configured = Paths.get(config.reportPath());
            if (!configured.isAbsolute()) {
                configured = resourcesDirectory.toAbsolutePath().getParent().resolve(configured);
            }
            return configured.toString().endsWith(".json") ? configured : configured.resolve(name);
        }
        return resourcesDirectory.resolve("reports").resolve(name);
    }

    /** The message and, where it adds something, its cause: the old tool dropped the original exception. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return message;
    }

    /** A new run id: the time (UTC) and a random suffix, so that reports of one second do not collide. */
    public static String newRunId() {
        return RUN_ID_TIME.format(Instant.now()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(
                0x1000, 0x10000));
    }
}

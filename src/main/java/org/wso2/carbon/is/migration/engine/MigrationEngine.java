package org.wso2.carbon.is.migration.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.RunSettings;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.ledger.LockHolder;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.watch.RunWatch;
import org.wso2.carbon.is.migration.watch.StopRequest;

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
    private RunWatch watch = RunWatch.unstoppable();
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

    /** Lets the run be stopped at a safe point through this request (a shutdown hook's). */
    public MigrationEngine stoppableBy(StopRequest stop) {
        this.watch = new RunWatch(stop);
        return this;
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

    /**
     * Runs the given mode. Problems in the configuration itself (versions, unknown migrators) are thrown; every
     * other failure is recorded in the returned report, whose status is then FAILED.
     */
    public MigrationReport run(RunMode mode) throws ConfigException {
        MigrationReport report = runWithoutReportFile(mode);
        new ReportFiles(reportFileOverride, config.reportPath(), resourcesDirectory).write(report);
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
        LOG.info("{} {} -> {}: {} steps (run {})", activity(mode), plan.currentVersion(), plan.migrateVersion(),
                steps.size(), report.runId());

        TargetDatabases databases = new TargetDatabases(config.dataSources(), locator, watch,
                config.timeLimits().connectTimeoutSeconds() * 1000L);
        List<StepIdentity> identities = identifyAll(steps, migrators, report);
        if (identities == null || !openAll(identities, databases, report)) {
            addDatabases(databases, report);
        } else if (mode == RunMode.INFO) {
            try {
                LedgerListing.list(steps, identities, databases, report);
            } catch (LedgerException e) {
                report.fail(e.getMessage());
            }
            addDatabases(databases, report);
        } else {
            List<PreparedStep> prepared = atCurrentVersion(plan, migrators, databases, report)
                    ? planAll(steps, migrators, identities, mode, databases, report) : null;
            addDatabases(databases, report);
            if (prepared != null) {
                try {
                    runPlanned(mode, prepared, databases, report);
                } catch (LedgerException e) {
                    report.fail(e.getMessage());
                }
            }
        }
        report.finish();
        return report;
    }

    private static String activity(RunMode mode) {
        switch (mode) {
            case MIGRATE:
                return "Migrating";
            case DRY_RUN:
                return "Dry run of the migration";
            case INFO:
                return "Migration info";
            case REPAIR:
                return "Repairing the ledger of the migration";
            case REPAIR_DRY_RUN:
                return "Dry run of the ledger repair";
            default:
                throw new AssertionError(mode);
        }
    }

    /** What each mode does with the planned steps, once the applied ones were checked for changes. */
    private void runPlanned(RunMode mode, List<PreparedStep> prepared, TargetDatabases databases,
                            MigrationReport report) throws LedgerException {
        ChangedSteps changed = ChangedSteps.find(prepared);
        StepExecution execution = new StepExecution(config, watch);
        switch (mode) {
            case MIGRATE:
                if (changed.isEmpty()) {
                    execution.execute(prepared, databases, report);
                } else {
                    changed.refuse(report);
                }
                break;
            case DRY_RUN:
                StepExecution.review(prepared, changed);
                if (!changed.isEmpty()) {
                    changed.refuse(report);
                }
                break;
            case REPAIR_DRY_RUN:
                changed.previewAcceptance();
                break;
            case REPAIR:
                if (!changed.isEmpty()) {
                    String holder = LockHolder.current().format(report.runId());
                    execution.underLocks(databases, holder, locks -> changed.accept(report.runId(), holder));
                }
                break;
            default:
                throw new AssertionError(mode);
        }
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

    /**
     * What each step changes, from its parameters alone. A step that cannot say is a configuration error: reported
     * with its place in the config, and nothing connects.
     */
    private List<StepIdentity> identifyAll(List<PlannedStep> steps, List<Migrator> migrators,
                                                  MigrationReport report) {
        List<StepIdentity> identities = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < steps.size(); i++) {
            PlannedStep step = steps.get(i);
            try {
                identities.add(migrators.get(i).identify(step.parameters()));
            } catch (MigrationException | RuntimeException e) {
                failed = true;
                StepReport stepReport = report.addStep(new StepReport(step.id(), step.version(), step.order(),
                        step.migratorName(), step.configLocation()));
                stepReport.outcome(StepReport.Outcome.FAILED);
                stepReport.error(step.configLocation() + ": " + describe(e));
                LOG.error("[{}] cannot be used as configured: {}", step.id(), Secrets.mask(describe(e)));
            }
        }
        if (!failed) {
            return identities;
        }
        report.fail(ErrorCode.BAD_CONFIGURATION, "Some steps' parameters in " + config.source() + " cannot be used"
                + " (see above). Nothing was changed.");
        return null;
    }

    /**
     * Connects once to every database the steps change, before any step is planned, so that a database that
     * cannot be reached (no settings, no driver, unknown name, wrong password) is reported once, naming where its
     * DataSource is configured, and not once per step.
     */
    private boolean openAll(List<StepIdentity> identities, TargetDatabases databases, MigrationReport report) {
        Set<String> logicalNames = new LinkedHashSet<>();
        identities.forEach(identity -> logicalNames.add(identity.database()));
        List<String> problems = new ArrayList<>();
        Set<String> failedDataSources = new HashSet<>();
        for (String logical : logicalNames) {
            String dataSourceName = config.dataSources().get(logical);
            if (dataSourceName != null && failedDataSources.contains(dataSourceName)) {
                continue;
            }
            try {
                databases.forLogical(logical);
            } catch (MigrationException e) {
                failedDataSources.add(dataSourceName);
                problems.add(describe(e) + "\n  " + whereConfigured(logical, dataSourceName));
            }
        }
        if (problems.isEmpty()) {
            return true;
        }
        problems.forEach(problem -> LOG.error("{}", Secrets.mask(problem)));
        report.fail(ErrorCode.DATA_SOURCE_UNAVAILABLE, String.join("\n", problems) + "\nNothing was changed.");
        return false;
    }

    /** Where the DataSource of a logical database comes from: its line in the config, or the default. */
    private String whereConfigured(String logical, String dataSourceName) {
        String key = "dataSources." + logical;
        int line = config.lineOf(key);
        return line > 0 ? "(" + key + " at " + config.source() + ":" + line + ")"
                : "(" + dataSourceName + " is the default for the " + logical + " database; set " + key + " in "
                + config.source() + " to use another)";
    }

    private List<PreparedStep> planAll(List<PlannedStep> steps, List<Migrator> migrators, List<StepIdentity> identities,
                                   RunMode mode, TargetDatabases databases, MigrationReport report) {
        RunSettings settings = config.runSettings();
        List<PreparedStep> prepared = new ArrayList<>();
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
                StepIdentity identity = identities.get(i);
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
                prepared.add(new PreparedStep(step, migrators.get(i), context, stepReport, stepPlan, target, key));
            } catch (MigrationException | RuntimeException e) {
                failed = true;
                stepReport.outcome(StepReport.Outcome.FAILED);
                stepReport.error(step.configLocation() + ": " + describe(e));
                LOG.error("[{}] cannot be planned: {}", step.id(), Secrets.mask(describe(e)));
            }
        }
        if (failed && watch.stop().requested()) {
            report.interrupted(watch.stop().reason() + ", while the steps were planned; nothing was changed");
            return null;
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
    static String stepKey(PlannedStep step, StepIdentity identity, Set<String> taken) {
        String key = step.version() + "/" + step.migratorName() + "/" + identity;
        if (!taken.add(key)) {
            key = key + "#" + step.order();
            taken.add(key);
        }
        return key;
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

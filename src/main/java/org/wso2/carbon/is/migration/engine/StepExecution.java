package org.wso2.carbon.is.migration.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.ledger.LedgerEntry;
import org.wso2.carbon.is.migration.ledger.LedgerEntry.Outcome;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.ledger.LockHolder;
import org.wso2.carbon.is.migration.ledger.MigrationLock;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.sql.StatementFailedException;
import org.wso2.carbon.is.migration.watch.RunWatch;
import org.wso2.carbon.is.migration.watch.StatementWatchdog;

/**
 * The execute phase of a run, once every step is planned: each step not already done runs under the locks of all
 * databases, with its start and its end committed to the ledger of the database it changes, watched for long
 * statements and for a request to stop. Also what a dry run reads of the ledger instead.
 */
final class StepExecution {

    /** The engine's logger: an operator follows a run, and filters its log, by one name. */
    private static final Logger LOG = LoggerFactory.getLogger(MigrationEngine.class);

    private final MigrationConfig config;
    private final RunWatch watch;

    StepExecution(MigrationConfig config, RunWatch watch) {
        this.config = config;
        this.watch = watch;
    }

    /**
     * Runs each step the ledger does not record as done, under every database's lock, until one fails (unless the
     * config says to go on) or the run is asked to stop.
     */
    void execute(List<PreparedStep> prepared, TargetDatabases databases, MigrationReport report)
            throws LedgerException {
        String holder = LockHolder.current().format(report.runId());
        long reportMillis = config.timeLimits().statementReportSeconds() * 1000L;
        long answerMillis = config.timeLimits().connectTimeoutSeconds() * 1000L;
        try (StatementWatchdog watchdog = StatementWatchdog.start(watch, reportMillis, answerMillis)) {
            underLocks(databases, holder, locks -> {
                boolean stopped = false;
                for (PreparedStep step : prepared) {
                    if (watch.stop().requested()) {
                        report.interrupted(watch.stop().reason());
                        LOG.warn("Stopped ({}) before [{}]; run the same command again to continue",
                                watch.stop().reason(), step.step().id());
                        break;
                    }
                    if (stopped) {
                        break;
                    }
                    for (MigrationLock lock : locks) {
                        lock.verifyHeld();
                    }
                    boolean applied = executeOne(step, report.runId(), holder);
                    if (!applied && watch.stop().requested()) {
                        // The step was interrupted; said here too when it was the last one, which no check follows.
                        report.interrupted(watch.stop().reason());
                        break;
                    }
                    stopped = !applied && !config.continueOnError();
                }
            });
        }
    }

    /** Work done while this process holds the migration lock of every database. */
    @FunctionalInterface
    interface LockedWork {
        void run(List<MigrationLock> locks) throws LedgerException;
    }

    /** Creates the ledger tables where missing, takes every database's lock, runs the work, releases the locks. */
    void underLocks(TargetDatabases databases, String holder, LockedWork work) throws LedgerException {
        List<MigrationLock> locks = new ArrayList<>();
        try {
            for (TargetDatabase target : databases.opened()) {
                target.ledger().ensureTables();
                locks.add(MigrationLock.acquire(target.dataSource(), target.ledger(), holder,
                        Duration.ofSeconds(config.lockStaleAfterSeconds())));
            }
            work.run(locks);
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
    private boolean executeOne(PreparedStep step, String runId, String holder) throws LedgerException {
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
        watch.stepStarted(step.step().id());
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
            if (watch.stop().requested()) {
                String detail = "interrupted (" + watch.stop().reason() + ") at " + Instant.now() + ", after "
                        + millis + " ms: its open transaction was rolled back; the next run continues the step";
                report.ended(StepReport.Outcome.INTERRUPTED, millis);
                report.note(detail);
                step.target().ledger().finish(id, Outcome.INTERRUPTED, report.rows(), detail);
                LOG.warn("[{}] {}", step.step().id(), detail);
                return false;
            }
            String message = watch.lostServer() == null ? MigrationEngine.describe(e)
                    : watch.lostServer() + " (the step's statement ended with: " + MigrationEngine.describe(e) + ")";
            report.ended(StepReport.Outcome.FAILED, millis);
            report.error(message);
            StatementFailedException.in(e).ifPresent(failed -> report.failedStatement(
                    failed.statement().location(), failed.statement().sql()));
            LOG.error("[{}] FAILED after {} ms: {}", step.step().id(), millis, Secrets.mask(message));
            // The trace holds the unmasked messages (a statement's text, a URL): for debugging only.
            LOG.debug("[{}] failure trace", step.step().id(), e);
            recordFailure(step, id, Secrets.mask(message));
            return false;
        }
    }

    /**
     * Records a failed step. When the ledger cannot record it either (the database server went away), the error
     * says the step failed first, and then that its row stays RUNNING, which the next run treats as unfinished.
     */
    private void recordFailure(PreparedStep step, long id, String message) throws LedgerException {
        try {
            step.target().ledger().finish(id, Outcome.FAILED, step.report().rows(), message);
        } catch (LedgerException e) {
            throw new LedgerException("[" + step.step().id() + "] failed: " + message + ". The ledger of "
                    + step.target().dataSourceName() + " could not record that either (" + e.getMessage()
                    + "); the step stays RUNNING there, and the next run runs it again.", e);
        }
    }

    /** A recorded attempt that did not succeed, as the report tells it. */
    private static String previousAttempt(LedgerEntry previous) {
        return "previous attempt (run " + previous.runId() + ", " + previous.startedAt() + ") "
                + (previous.outcome() == Outcome.FAILED ? "failed: " + previous.detail() : "was interrupted");
    }

    /** A step applied with its current content (changed ones never get here: {@link ChangedSteps}). */
    private static void skipDone(PreparedStep step, LedgerEntry done) {
        StepReport report = step.report();
        report.outcome(StepReport.Outcome.ALREADY_APPLIED);
        report.note("already applied on " + done.finishedAt() + " (run " + done.runId() + ")");
        LOG.info("[{}] already applied on {} (run {}): skipped", step.step().id(), done.finishedAt(), done.runId());
    }

    /** Dry run: read the ledger, change nothing. */
    static void review(List<PreparedStep> prepared, ChangedSteps changed) throws LedgerException {
        for (PreparedStep step : prepared) {
            if (changed.contains(step)) {
                continue;
            }
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
}

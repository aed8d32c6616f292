package org.wso2.carbon.is.migration.watch;

import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the run's statements in flight every {@code reportMillis}. A statement running longer gets a line naming
 * its step, database, text and elapsed time, so an operator watching an index build on a big table sees it is alive;
 * it is never cut off for being slow. Its database server is then asked, on a second connection, whether it still
 * answers; one that does not answer within {@code answerMillis} (gone, hung, or unreachable) has the statement's
 * connection aborted, so the step fails with that cause and the run can be resumed, instead of waiting for ever.
 */
public final class StatementWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatementWatchdog.class);

    private final RunWatch watch;
    private final long reportMillis;
    private final long answerMillis;
    private final Consumer<String> progress;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("watchdog"));
    private final ExecutorService helpers = Executors.newCachedThreadPool(daemon("watchdog-check"));

    private StatementWatchdog(RunWatch watch, long reportMillis, long answerMillis, Consumer<String> progress) {
        this.watch = watch;
        this.reportMillis = reportMillis;
        this.answerMillis = answerMillis;
        this.progress = progress;
    }

    /** Starts watching, logging progress lines at INFO. */
    public static StatementWatchdog start(RunWatch watch, long reportMillis, long answerMillis) {
        return start(watch, reportMillis, answerMillis, LOG::info);
    }

    /** Starts watching, sending progress lines to {@code progress}. */
    public static StatementWatchdog start(RunWatch watch, long reportMillis, long answerMillis,
                                          Consumer<String> progress) {
        StatementWatchdog watchdog = new StatementWatchdog(watch, reportMillis, answerMillis, progress);
        watchdog.timer.scheduleWithFixedDelay(watchdog::look, reportMillis, reportMillis, TimeUnit.MILLISECONDS);
        return watchdog;
    }

    private void look() {
        try {
            long now = System.nanoTime();
            for (InFlightStatement statement : watch.inFlight()) {
                long elapsed = statement.elapsedMillis(now);
                if (elapsed < reportMillis) {
                    continue;
                }
                progress.accept("[" + statement.step() + "] still running after " + seconds(elapsed) + " on "
                        + statement.database() + ": " + statement.shortSql());
                String silence = silence(statement);
                if (silence != null) {
                    giveUp(statement, silence);
                }
            }
        } catch (RuntimeException e) {
            // The watchdog must outlive any one look: a thread that dies here would leave the run unwatched.
            LOG.warn("The statement watchdog could not look at the running statements: {}", e.toString());
        }
    }

    /** Null when the statement's server answers a check on another connection in time; else what happened. */
    private String silence(InFlightStatement statement) {
        Future<?> check = helpers.submit(() -> {
            statement.serverCheck().check();
            return null;
        });
        try {
            check.get(answerMillis, TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            check.cancel(false); // never interrupt: see close()
            return "it did not answer a check on a second connection within " + seconds(answerMillis);
        } catch (ExecutionException e) {
            return "a check on a second connection failed: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void giveUp(InFlightStatement statement, String silence) {
        String cause = "Lost the database server of " + statement.database() + ": " + silence + ", while ["
                + statement.step() + "] was running for " + seconds(statement.elapsedMillis(System.nanoTime()))
                + ": " + statement.shortSql();
        watch.serverLost(cause);
        LOG.error("{}; stopping the statement", cause);
        helpers.execute(() -> {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Cancel failed (the connection is aborted anyway): {}", e.toString());
            }
        });
        try {
            statement.abort(helpers);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not abort the connection of [{}]: {}", statement.step(), e.toString());
        }
    }

    private static String seconds(long millis) {
        return millis >= 120_000 ? (millis / 60_000) + " min " + (millis / 1000 % 60) + " s" : (millis / 1000) + " s";
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, "migration-" + name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Stops looking. Threads are not interrupted (an interrupt during an embedded H2 database's file access closes its
     * file for every connection); a check under way ends by itself, bounded by its time limit, on a daemon thread.
     */
    @Override
    public void close() {
        timer.shutdown();
        helpers.shutdown();
    }
}

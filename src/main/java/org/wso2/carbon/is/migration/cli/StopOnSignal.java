package org.wso2.carbon.is.migration.cli;

import java.io.PrintWriter;

import org.wso2.carbon.is.migration.watch.StopRequest;

/**
 * The shutdown hook of a standalone run: SIGTERM or Ctrl-C asks the run to stop at its next statement, and the
 * process exits only once the run has recorded where it stopped (step INTERRUPTED in the ledger, lock released,
 * summary printed). A statement still running after {@link #PATIENCE_MILLIS} is cancelled. SIGKILL cannot be
 * caught; the next run takes over the dead process's lock and continues.
 */
final class StopOnSignal {

    /** How long the run has to reach its next statement before the one running is cancelled. */
    static final long PATIENCE_MILLIS = 20_000;
    /** How long a cancelled statement has to end. */
    private static final long AFTER_CANCEL_MILLIS = 10_000;

    private final Thread hook;

    private StopOnSignal(Thread hook) {
        this.hook = hook;
    }

    static StopOnSignal install(StopRequest stop, PrintWriter err) {
        Thread hook = new Thread(() -> {
            stop.request("SIGTERM or Ctrl-C");
            err.println("Stopping at the next safe point (the current chunk or statement ends first)...");
            err.flush();
            try {
                if (!stop.awaitRunEnd(PATIENCE_MILLIS)) {
                    err.println("Cancelling the running statement...");
                    err.flush();
                    stop.overdue();
                    stop.awaitRunEnd(AFTER_CANCEL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "migration-stop-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
        return new StopOnSignal(hook);
    }

    /** The run ended by itself: no hook is needed any more (none can be removed while the JVM shuts down). */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and waits for this run, which has ended.
        }
    }
}

package org.wso2.carbon.is.migration.watch;

import java.util.function.Consumer;

/**
 * A JVM shutdown hook for the time a run lasts: SIGTERM or Ctrl-C (standalone), or the server's own shutdown on
 * SIGTERM, asks the run to stop at its next statement, and the JVM exits only once the run has recorded where it
 * stopped (step INTERRUPTED in the ledger, lock released, summary given). A statement still running after
 * {@link #PATIENCE_MILLIS} is cancelled. SIGKILL cannot be caught; the next run takes over the dead process's lock
 * and continues.
 * <p>
 * The JVM runs every hook at once, so in the server this one does not depend on the order in which Carbon stops the
 * framework: whichever comes first asks the run to stop, and both wait for it.
 */
public final class StopOnShutdown {

    /** How long the run has to reach its next statement before the one running is cancelled. */
    public static final long PATIENCE_MILLIS = 20_000;
    /** How long a cancelled statement has to end. */
    private static final long AFTER_CANCEL_MILLIS = 10_000;

    private final Thread hook;

    private StopOnShutdown(Thread hook) {
        this.hook = hook;
    }

    /**
     * Installs the hook for one run.
     *
     * @param why what the run's summary and ledger say stopped it
     * @param say where the hook's two progress lines go (the console, or the server's log)
     */
    public static StopOnShutdown install(StopRequest stop, String why, Consumer<String> say) {
        Thread hook = new Thread(() -> stopAndWait(stop, why, PATIENCE_MILLIS, say), "migration-stop-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new StopOnShutdown(hook);
    }

    /**
     * Asks the run to stop and waits until it has recorded where it stopped: {@code patienceMillis} for it to reach a
     * safe point, then its statements are cancelled and it has a little longer. Returns whether the run ended.
     */
    public static boolean stopAndWait(StopRequest stop, String why, long patienceMillis, Consumer<String> say) {
        stop.request(why);
        say.accept("Stopping the migration at the next safe point (the current chunk or statement ends first)...");
        try {
            if (stop.awaitRunEnd(patienceMillis)) {
                return true;
            }
            say.accept("Cancelling the running statement...");
            stop.overdue();
            return stop.awaitRunEnd(AFTER_CANCEL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The run ended by itself: no hook is needed any more (none can be removed while the JVM shuts down). */
    public void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and waits for this run, which has ended.
        }
    }
}

package org.wso2.carbon.is.migration.watch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks a run to stop (from a shutdown hook: SIGTERM, Ctrl-C) and lets the asker wait until the run has recorded where
 * it stopped. A run that nobody asks to stop never sees it: a new instance is the null object.
 */
public final class StopRequest {

    private volatile String reason;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final List<Runnable> overdueActions = new CopyOnWriteArrayList<>();

    /** Asks the run to stop at its next statement; the first reason given is kept. */
    public synchronized void request(String why) {
        if (reason == null) {
            reason = why;
        }
    }

    public boolean requested() {
        return reason != null;
    }

    /** Why the run was asked to stop, or null. */
    public String reason() {
        return reason;
    }

    /** What to do when the run does not reach a safe point in time (cancel what it is executing). */
    void whenOverdue(Runnable action) {
        overdueActions.add(action);
    }

    /**
     * The run did not reach a safe point within the asker's patience (a long statement): its statements are
     * cancelled, which the database rolls back, and the step ends as interrupted.
     */
    public void overdue() {
        overdueActions.forEach(Runnable::run);
    }

    /** The run has ended and said so (ledger, lock, summary); whoever waits may let the process exit. */
    public void runEnded() {
        ended.countDown();
    }

    /** Waits until {@link #runEnded()} or the time is up; returns whether the run ended. */
    public boolean awaitRunEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }
}

package org.wso2.carbon.is.migration.sync;

/**
 * How long {@code sync run} waits after a pass that found nothing: a fiftieth of {@code syncInterval} at first,
 * twice as long after each further empty pass, at most {@code syncInterval}; back to the first wait once a pass
 * applies something. A writer that pauses for a moment then costs its next change at most the first wait rather
 * than a whole interval (with the default 5 s and a fixed wait, half the changes waited 2.5 s or more), and a
 * source that stays idle is still looked at only once an interval.
 */
final class IdleBackoff {

    private final long first;
    private final long interval;
    private long next;

    IdleBackoff(long syncIntervalMillis) {
        this.interval = Math.max(1, syncIntervalMillis);
        this.first = Math.max(1, interval / 50);
        this.next = first;
    }

    /** A pass applied something: the next empty pass waits the first wait again. */
    void changesFound() {
        next = first;
    }

    /** The wait after this empty pass. */
    long nextWait() {
        long wait = next;
        next = Math.min(interval, next * 2);
        return wait;
    }

    /** True when the next wait is a whole interval: the run has been idle for a while. */
    boolean idle() {
        return next >= interval;
    }
}

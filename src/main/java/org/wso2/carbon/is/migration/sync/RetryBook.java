package org.wso2.carbon.is.migration.sync;

import java.util.HashMap;
import java.util.Map;

/**
 * The rows of one table the target refused, with how often and until when the run leaves them alone: the wait
 * doubles from {@code retryBackoffMillis} with each failure, and at {@code maxAttempts} failures the row is parked.
 * The wait is kept in memory only (a restarted run tries a refused row at once), but the count is also kept on the
 * row's journal entries ({@link Journal#recordFailures}) and taken back from them ({@link #recorded}), so that a
 * row the target refuses every time is parked after {@code maxAttempts} failures however often the run restarts.
 */
final class RetryBook {

    private final int maxAttempts;
    private final long backoffMillis;
    private final Map<RowKey, Attempts> failing = new HashMap<>();

    RetryBook(int maxAttempts, long backoffMillis) {
        this.maxAttempts = maxAttempts;
        this.backoffMillis = backoffMillis;
    }

    /**
     * Takes in the failures recorded on a journal entry read: after a restart, the count goes on from there.
     */
    void recorded(RowKey key, int failures) {
        if (failures > attempts(key)) {
            entry(key).count = failures;
        }
    }

    /** True while the row waits for its next try. */
    boolean waiting(RowKey key, long nowMillis) {
        Attempts attempts = failing.get(key);
        return attempts != null && nowMillis < attempts.nextTryAt;
    }

    /** Records a failure; returns true when the row has now failed {@code maxAttempts} times and must be parked. */
    boolean failed(RowKey key, long nowMillis) {
        Attempts attempts = entry(key);
        attempts.count++;
        long wait = backoffMillis << Math.min(attempts.count - 1, 20);
        attempts.nextTryAt = nowMillis + wait;
        return attempts.count >= maxAttempts;
    }

    private Attempts entry(RowKey key) {
        Attempts attempts = failing.get(key);
        if (attempts == null) {
            attempts = new Attempts();
            failing.put(key, attempts);
        }
        return attempts;
    }

    int attempts(RowKey key) {
        Attempts attempts = failing.get(key);
        return attempts == null ? 0 : attempts.count;
    }

    /** The row was applied or parked: forget its failures. */
    void forget(RowKey key) {
        failing.remove(key);
    }

    /** Rows currently failing. */
    int size() {
        return failing.size();
    }

    private static final class Attempts {
        private int count;
        private long nextTryAt;
    }
}

package org.wso2.carbon.is.migration.sync;

import java.util.HashMap;
import java.util.Map;

/**
 * The rows of one table the target refused, with how often and until when the run leaves them alone: the wait
 * doubles from {@code retryBackoffMillis} with each failure, and at {@code maxAttempts} failures the row is parked.
 * Kept in memory: a restarted run tries a refused row afresh, which costs at most {@code maxAttempts} more tries.
 */
final class RetryBook {

    private final int maxAttempts;
    private final long backoffMillis;
    private final Map<RowKey, Attempts> failing = new HashMap<>();

    RetryBook(int maxAttempts, long backoffMillis) {
        this.maxAttempts = maxAttempts;
        this.backoffMillis = backoffMillis;
    }

    /** True while the row waits for its next try. */
    boolean waiting(RowKey key, long nowMillis) {
        Attempts attempts = failing.get(key);
        return attempts != null && nowMillis < attempts.nextTryAt;
    }

    /** Records a failure; returns true when the row has now failed {@code maxAttempts} times and must be parked. */
    boolean failed(RowKey key, long nowMillis) {
        Attempts attempts = failing.get(key);
        if (attempts == null) {
            attempts = new Attempts();
            failing.put(key, attempts);
        }
        attempts.count++;
        long wait = backoffMillis << Math.min(attempts.count - 1, 20);
        attempts.nextTryAt = nowMillis + wait;
        return attempts.count >= maxAttempts;
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

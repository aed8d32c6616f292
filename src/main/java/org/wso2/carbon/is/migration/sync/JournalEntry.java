package org.wso2.carbon.is.migration.sync;

import java.sql.Timestamp;

/**
 * One row of a journal: its id, the operation ({@code I}, {@code U}, {@code D}, {@code K}: key changed away,
 * {@code R}: queued by verify), when, the key, and how often the target has refused the row so far.
 */
final class JournalEntry {

    private final long id;
    private final String operation;
    private final Timestamp changedAt;
    private final RowKey key;
    private final int failures;

    JournalEntry(long id, String operation, Timestamp changedAt, RowKey key, int failures) {
        this.id = id;
        this.operation = operation;
        this.changedAt = changedAt;
        this.key = key;
        this.failures = failures;
    }

    long id() {
        return id;
    }

    String operation() {
        return operation;
    }

    Timestamp changedAt() {
        return changedAt;
    }

    /** True for a delete and a key change away: the row that had this key is gone from it. */
    boolean removesTheRow() {
        return "D".equals(operation) || "K".equals(operation);
    }

    RowKey key() {
        return key;
    }

    /** The target's refusals of the row recorded on this entry ({@link Journal#recordFailures}). */
    int failures() {
        return failures;
    }
}

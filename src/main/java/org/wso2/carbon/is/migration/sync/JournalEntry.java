package org.wso2.carbon.is.migration.sync;

import java.sql.Timestamp;

/**
 * One row of a journal: its id, the operation ({@code I}, {@code U}, {@code D}, {@code K}: key changed away,
 * {@code R}: queued by verify), when, and the key.
 */
final class JournalEntry {

    private final long id;
    private final String operation;
    private final Timestamp changedAt;
    private final RowKey key;

    JournalEntry(long id, String operation, Timestamp changedAt, RowKey key) {
        this.id = id;
        this.operation = operation;
        this.changedAt = changedAt;
        this.key = key;
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

    RowKey key() {
        return key;
    }
}

package org.wso2.carbon.is.migration.ledger;

import java.time.Instant;

/** One recorded run of one step, as kept in {@code IS_MIGRATION_HISTORY}. */
public record LedgerEntry(long id, String runId, String stepKey, String version, int order, String migrator,
                          String targetDatabase, String description, String checksum, Outcome outcome,
                          long rowsAffected, Instant startedAt, Instant finishedAt, String executedBy,
                          String detail) {

    /** RUNNING rows that are not the current run's belong to a process that died mid-step. */
    public enum Outcome { RUNNING, SUCCESS, FAILED }
}

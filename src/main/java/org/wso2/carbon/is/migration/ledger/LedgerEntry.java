package org.wso2.carbon.is.migration.ledger;

import java.time.Instant;
import java.util.Objects;

/** One recorded run of one step, as kept in {@code IS_MIGRATION_HISTORY}. */
public final class LedgerEntry {
    private final long id;
    private final String runId;
    private final String stepKey;
    private final String version;
    private final int order;
    private final String migrator;
    private final String targetDatabase;
    private final String description;
    private final String checksum;
    private final Outcome outcome;
    private final long rowsAffected;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final String executedBy;
    private final String detail;

    public LedgerEntry(long id, String runId, String stepKey, String version, int order, String migrator,
                       String targetDatabase, String description, String checksum, Outcome outcome,
                       long rowsAffected, Instant startedAt, Instant finishedAt, String executedBy,
                       String detail) {
        this.id = id;
        this.runId = runId;
        this.stepKey = stepKey;
        this.version = version;
        this.order = order;
        this.migrator = migrator;
        this.targetDatabase = targetDatabase;
        this.description = description;
        this.checksum = checksum;
        this.outcome = outcome;
        this.rowsAffected = rowsAffected;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.executedBy = executedBy;
        this.detail = detail;
    }

    /** RUNNING rows that are not the current run's belong to a process that died mid-step. */
    /** RUNNING until the step ends; INTERRUPTED when the run was asked to stop during it (SIGTERM, Ctrl-C). */
    public enum Outcome { RUNNING, SUCCESS, FAILED, INTERRUPTED }

    public long id() {
        return id;
    }

    public String runId() {
        return runId;
    }

    public String stepKey() {
        return stepKey;
    }

    public String version() {
        return version;
    }

    public int order() {
        return order;
    }

    public String migrator() {
        return migrator;
    }

    public String targetDatabase() {
        return targetDatabase;
    }

    public String description() {
        return description;
    }

    public String checksum() {
        return checksum;
    }

    public Outcome outcome() {
        return outcome;
    }

    public long rowsAffected() {
        return rowsAffected;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public String executedBy() {
        return executedBy;
    }

    public String detail() {
        return detail;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof LedgerEntry)) {
            return false;
        }
        LedgerEntry that = (LedgerEntry) other;
        return id == that.id && order == that.order && rowsAffected == that.rowsAffected
                && Objects.equals(runId, that.runId) && Objects.equals(stepKey, that.stepKey)
                && Objects.equals(version, that.version) && Objects.equals(migrator, that.migrator)
                && Objects.equals(targetDatabase, that.targetDatabase)
                && Objects.equals(description, that.description) && Objects.equals(checksum, that.checksum)
                && outcome == that.outcome && Objects.equals(startedAt, that.startedAt)
                && Objects.equals(finishedAt, that.finishedAt) && Objects.equals(executedBy, that.executedBy)
                && Objects.equals(detail, that.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, runId, stepKey, version, order, migrator, targetDatabase, description, checksum,
                outcome, rowsAffected, startedAt, finishedAt, executedBy, detail);
    }

    @Override
    public String toString() {
        return "LedgerEntry[id=" + id + ", runId=" + runId + ", stepKey=" + stepKey + ", version=" + version
                + ", order=" + order + ", migrator=" + migrator + ", targetDatabase=" + targetDatabase
                + ", description=" + description + ", checksum=" + checksum + ", outcome=" + outcome
                + ", rowsAffected=" + rowsAffected + ", startedAt=" + startedAt + ", finishedAt=" + finishedAt
                + ", executedBy=" + executedBy + ", detail=" + detail + "]";
    }
}

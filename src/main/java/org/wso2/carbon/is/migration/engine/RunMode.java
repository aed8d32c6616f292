package org.wso2.carbon.is.migration.engine;

/** What a run does: migrate, plan and show every statement without changing anything, or read the ledger only. */
public enum RunMode {
    /** Plan every step, then run those the ledger does not record as done. */
    MIGRATE,
    /** Plan every step and report what would run; nothing is changed, not even the ledger. */
    DRY_RUN,
    /** Read each step's state from the ledger; no step is planned and no Identity Server table is read. */
    INFO,
    /**
     * Plan every step, and record the current content of each applied step whose content changed as the applied
     * one, without running it (Flyway's repair): for an edit made on purpose, e.g. a comment.
     */
    REPAIR,
    /** What {@link #REPAIR} would record; nothing is changed. */
    REPAIR_DRY_RUN;

    /** Whether this mode leaves every database as it was. */
    public boolean changesNothing() {
        return this == DRY_RUN || this == INFO || this == REPAIR_DRY_RUN;
    }
}

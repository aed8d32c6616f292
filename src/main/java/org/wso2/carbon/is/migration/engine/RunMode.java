package org.wso2.carbon.is.migration.engine;

/** What a run does: migrate, plan and show every statement without changing anything, or read the ledger only. */
public enum RunMode {
    /** Plan every step, then run those the ledger does not record as done. */
    MIGRATE,
    /** Plan every step and report what would run; nothing is changed, not even the ledger. */
    DRY_RUN,
    /** Read each step's state from the ledger; no step is planned and no Identity Server table is read. */
    INFO
}

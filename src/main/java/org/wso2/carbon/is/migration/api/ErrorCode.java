package org.wso2.carbon.is.migration.api;

/**
 * What kind of failure a {@link MigrationException} reports, and the exit code the command line ends with for it.
 * Exit codes are defined here and nowhere else, so that scripts around {@code java -jar} can rely on them:
 * {@value #SUCCESS_EXIT_CODE} when the run succeeded, 1 when the migration failed, 2 when nothing could run because
 * of how it was set up (configuration, command line, the databases it names).
 */
public enum ErrorCode {

    /** A step could not be planned or carried out; the default of {@link MigrationException}. */
    STEP_FAILED(1),

    /** {@code migration-config.yaml} or the command line cannot be used as written; nothing ran. */
    BAD_CONFIGURATION(2),

    /**
     * A database the migration needs could not be found or set up as configured (deployment.toml, JNDI, OSGi
     * service, JDBC driver).
     */
    DATA_SOURCE_UNAVAILABLE(2),

    /** The ledger or lock tables could not be read or written, or the lock could not be taken or was lost. */
    LEDGER_FAILED(1),

    /** A SQL script cannot be split into statements. */
    INVALID_SCRIPT(1),

    /** The database refused a statement of a script. */
    STATEMENT_FAILED(1),

    /**
     * A step the ledger records as applied has different content now (its script was edited, or its migrator
     * changed): nothing ran. Restore what was applied, or accept the new content with {@code repair}.
     */
    APPLIED_STEP_CHANGED(2),

    /**
     * The run was asked to stop (SIGTERM, Ctrl-C, the server shutting down) and stopped at a safe point, recorded in
     * the ledger; running the same command again continues it. A process ended by a signal exits with 128 + the
     * signal's number (143 for SIGTERM, 130 for Ctrl-C), whatever this code says.
     */
    INTERRUPTED(130);

    /** The exit code of a run that ended without error; no error code has it. */
    public static final int SUCCESS_EXIT_CODE = 0;

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The command line's exit code for a run that ends with this error. */
    public int exitCode() {
        return exitCode;
    }
}

package org.wso2.carbon.is.migration.api;

import java.util.Objects;

/**
 * The root of every checked exception of the migration: a step could not be planned or carried out, or what it
 * needs (configuration, databases, ledger, scripts) is not usable. The message names the cause; the original
 * exception is kept; the {@link ErrorCode} tells which kind of failure it is and so the exit code.
 */
public class MigrationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    /** A failure of kind {@link ErrorCode#STEP_FAILED}. */
    public MigrationException(String message) {
        this(ErrorCode.STEP_FAILED, message);
    }

    /** A failure of kind {@link ErrorCode#STEP_FAILED}. */
    public MigrationException(String message, Throwable cause) {
        this(ErrorCode.STEP_FAILED, message, cause);
    }

    public MigrationException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public MigrationException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    /** Which kind of failure this is; its {@link ErrorCode#exitCode()} is the command line's exit code for it. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}

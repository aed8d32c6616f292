package org.wso2.carbon.is.migration.api;

/** A step could not be planned or carried out. The message names the cause; the original exception is kept. */
public class MigrationException extends Exception {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}

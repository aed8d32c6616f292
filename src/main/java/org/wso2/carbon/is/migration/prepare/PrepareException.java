package org.wso2.carbon.is.migration.prepare;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;

/**
 * {@code prepare} cannot run as asked: a home that is not an Identity Server home, a file it cannot read or write, a
 * keystore password that does not open its keystore. Nothing was changed when this is thrown before the copy starts;
 * the message names the file.
 */
public class PrepareException extends MigrationException {

    private static final long serialVersionUID = 1L;

    public PrepareException(String message) {
        super(ErrorCode.BAD_CONFIGURATION, message);
    }

    public PrepareException(String message, Throwable cause) {
        super(ErrorCode.BAD_CONFIGURATION, message, cause);
    }

    /** A failure of another kind, e.g. {@link ErrorCode#STEP_FAILED} for a file that could not be written. */
    public PrepareException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}

package org.wso2.carbon.is.migration.ledger;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;

/** The ledger or lock tables could not be read or written. */
public class LedgerException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message, Throwable cause) {
        super(ErrorCode.LEDGER_FAILED, message, cause);
    }

    public LedgerException(String message) {
        super(ErrorCode.LEDGER_FAILED, message);
    }
}

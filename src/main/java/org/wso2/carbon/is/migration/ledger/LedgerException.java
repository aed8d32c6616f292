package org.wso2.carbon.is.migration.ledger;

/** The ledger or lock tables could not be read or written. */
public class LedgerException extends Exception {
    private static final long serialVersionUID = 1L;

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerException(String message) {
        super(message);
    }
}

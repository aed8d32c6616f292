package org.wso2.carbon.is.migration.datasource;

/**
 * A database the migration needs could not be found or configured: the message names the cause (the file and key, the
 * directories searched, the service properties tried) so an operator can fix it without reading code.
 */
public class DataSourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public DataSourceException(String message) {
        super(message);
    }

    public DataSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}

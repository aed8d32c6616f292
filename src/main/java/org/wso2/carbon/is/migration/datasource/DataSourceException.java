package org.wso2.carbon.is.migration.datasource;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;

/**
 * A database the migration needs could not be found or configured: the message names the cause (the file and key, the
 * directories searched, the service properties tried) so an operator can fix it without reading code.
 */
public class DataSourceException extends MigrationException {

    private static final long serialVersionUID = 1L;

    public DataSourceException(String message) {
        super(ErrorCode.DATA_SOURCE_UNAVAILABLE, message);
    }

    public DataSourceException(String message, Throwable cause) {
        super(ErrorCode.DATA_SOURCE_UNAVAILABLE, message, cause);
    }
}

package org.wso2.carbon.is.migration.datasource;

import javax.sql.DataSource;

/** Finds a DataSource the running server has configured, by the name the server gives it. */
public interface DataSourceLocator {

    /**
     * The DataSource named {@code dataSourceName}, e.g. {@code jdbc/WSO2IdentityDB}.
     *
     * @throws DataSourceException naming the name and where it was looked for, when it is not there
     */
    DataSource locate(String dataSourceName) throws DataSourceException;
}

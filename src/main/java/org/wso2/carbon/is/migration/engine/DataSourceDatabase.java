package org.wso2.carbon.is.migration.engine;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationDatabase;

/** A DataSource under one logical name, as migrators (and the checks that reuse their readers) see a database. */
public final class DataSourceDatabase implements MigrationDatabase {

    private final String logicalName;
    private final Dialect dialect;
    private final DataSource dataSource;

    public DataSourceDatabase(String logicalName, Dialect dialect, DataSource dataSource) {
        this.logicalName = logicalName;
        this.dialect = dialect;
        this.dataSource = dataSource;
    }

    @Override
    public String logicalName() {
        return logicalName;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    /** A new connection with auto-commit off: the caller commits or rolls back. */
    @Override
    public Connection connect() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }
}

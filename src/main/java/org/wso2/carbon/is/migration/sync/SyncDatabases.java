package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.database.DialectDetector;

/** The source and target database of each configured schema, however they were found (JNDI, the IS homes, tests). */
public final class SyncDatabases {

    private final Map<SyncSchema, DataSource> sources = new EnumMap<>(SyncSchema.class);
    private final Map<SyncSchema, DataSource> targets = new EnumMap<>(SyncSchema.class);

    /** Adds one schema's pair; returns this. */
    public SyncDatabases with(SyncSchema schema, DataSource source, DataSource target) {
        sources.put(schema, source);
        targets.put(schema, target);
        return this;
    }

    /** A connection to the source database of {@code schema}, READ COMMITTED, not auto-committing. */
    Connection source(SyncSchema schema) throws SQLException, MigrationException {
        return open(sources, schema, "source");
    }

    /** A connection to the target database of {@code schema}, READ COMMITTED, not auto-committing. */
    Connection target(SyncSchema schema) throws SQLException, MigrationException {
        return open(targets, schema, "target");
    }

    /** The engine of the source database of {@code schema}. */
    Dialect sourceDialect(SyncSchema schema) throws SQLException, MigrationException {
        try (Connection connection = source(schema)) {
            return DialectDetector.detect(connection.getMetaData());
        }
    }

    private static Connection open(Map<SyncSchema, DataSource> dataSources, SyncSchema schema, String side)
            throws SQLException, MigrationException {
        DataSource dataSource = dataSources.get(schema);
        if (dataSource == null) {
            throw new MigrationException(ErrorCode.DATA_SOURCE_UNAVAILABLE, "No " + side + " database for "
                    + schema.propertyKey());
        }
        Connection connection = dataSource.getConnection();
        try {
            // Each statement sees what is committed when it starts: a journal read in a later pass must see entries
            // committed since, which a repeatable-read snapshot (MySQL's default) would hide until commit.
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}

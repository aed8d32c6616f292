package org.wso2.carbon.is.migration.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.database.DialectDetector;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.datasource.TimeBoundDataSource;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.watch.RunWatch;

/**
 * Resolves logical databases to DataSources on first use (a run that needs only the identity database never
 * connects to the shared one) and groups them by DataSource name into {@link TargetDatabase}s.
 */
final class TargetDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(TargetDatabases.class);

    private final Map<String, String> dataSourceNames;
    private final DataSourceLocator locator;
    private final RunWatch watch;
    private final long connectTimeoutMillis;
    private final Map<String, TargetDatabase> byDataSource = new LinkedHashMap<>();
    private final Map<String, List<String>> logicalByDataSource = new LinkedHashMap<>();

    /**
     * @param dataSourceNames      logical database name to DataSource name, from the config
     * @param watch                watches the connections handed to migrators
     * @param connectTimeoutMillis how long opening a connection may take
     */
    TargetDatabases(Map<String, String> dataSourceNames, DataSourceLocator locator, RunWatch watch,
                    long connectTimeoutMillis) {
        Map<String, String> copy = new LinkedHashMap<>(dataSourceNames);
        copy.forEach((logical, dataSource) -> {
            Objects.requireNonNull(logical);
            Objects.requireNonNull(dataSource);
        });
        this.dataSourceNames = Collections.unmodifiableMap(copy);
        this.locator = locator;
        this.watch = watch;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** The database behind a logical name, connecting to it the first time. */
    synchronized TargetDatabase forLogical(String logicalName) throws MigrationException {
        String dataSourceName = dataSourceNames.get(logicalName);
        if (dataSourceName == null) {
            throw new MigrationException("Unknown logical database '" + logicalName + "'; known: "
                    + String.join(", ", dataSourceNames.keySet()));
        }
        List<String> logical = logicalByDataSource.computeIfAbsent(dataSourceName, k -> new ArrayList<>());
        if (!logical.contains(logicalName)) {
            logical.add(logicalName);
        }
        TargetDatabase existing = byDataSource.get(dataSourceName);
        if (existing != null) {
            return existing;
        }
        TargetDatabase target = open(dataSourceName, logical);
        byDataSource.put(dataSourceName, target);
        return target;
    }

    private TargetDatabase open(String dataSourceName, List<String> logical) throws MigrationException {
        DataSource dataSource;
        try {
            dataSource = new TimeBoundDataSource(locator.locate(dataSourceName), dataSourceName,
                    connectTimeoutMillis);
        } catch (DataSourceException e) {
            throw new MigrationException(ErrorCode.DATA_SOURCE_UNAVAILABLE, "DataSource " + dataSourceName
                    + " (for the " + logical.get(0) + " database) is not available: " + e.getMessage(), e);
        }
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            Dialect dialect = DialectDetector.detect(metaData);
            String location = Secrets.mask(metaData.getURL()) + " (" + metaData.getDatabaseProductName() + " "
                    + metaData.getDatabaseProductVersion() + ")";
            LOG.info("Database {} -> {} [{}]", dataSourceName, location, dialect.scriptName());
            return new TargetDatabase(dataSourceName, dataSource, dialect, location, logical, watch,
                    (int) Math.max(1, connectTimeoutMillis / 1000));
        } catch (SQLException e) {
            throw new MigrationException(ErrorCode.DATA_SOURCE_UNAVAILABLE, "Could not connect to DataSource "
                    + dataSourceName + " (for the " + logical.get(0) + " database): " + Secrets.mask(e.getMessage()),
                    e);
        }
    }

    /** Every database opened so far, in the order first used. */
    synchronized Collection<TargetDatabase> opened() {
        return Collections.unmodifiableList(new ArrayList<>(byDataSource.values()));
    }
}

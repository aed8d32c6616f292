package org.wso2.carbon.is.migration.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.DatabaseSettings;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.datasource.JdbcDriverLoader;
import org.wso2.carbon.is.migration.datasource.MasterDatasourcesXml;
import org.wso2.carbon.is.migration.datasource.StandaloneDataSources;
import org.wso2.carbon.is.migration.sync.SyncDatabases;
import org.wso2.carbon.is.migration.sync.SyncSchema;
import org.wso2.carbon.is.migration.sync.SyncSettings;

/**
 * The sync tool's databases read from the two installations, standalone: the source JNDI names of
 * {@code sync.properties} in the old home's {@code master-datasources.xml} (with the old home's drivers), the
 * target names in the new home's {@code deployment.toml} (with the new home's).
 */
final class SyncHomes implements Closeable {

    private final JdbcDriverLoader oldDrivers;
    private final StandaloneDataSources newHome;
    private final SyncDatabases databases = new SyncDatabases();

    SyncHomes(SyncSettings settings, Path oldIsHome, Path newIsHome, List<Path> libDirs) throws DataSourceException {
        Map<String, DatabaseSettings> old = MasterDatasourcesXml.read(oldIsHome);
        oldDrivers = new JdbcDriverLoader(oldIsHome, libDirs);
        try {
            newHome = new StandaloneDataSources(newIsHome, libDirs);
        } catch (DataSourceException e) {
            closeQuietly(oldDrivers);
            throw e;
        }
        for (SyncSchema schema : settings.schemas()) {
            DatabaseSettings source = old.get(settings.sourceDataSource(schema));
            if (source == null) {
                close();
                throw new DataSourceException(schema.propertyKey() + ": " + MasterDatasourcesXml.fileUnder(oldIsHome)
                        + " has no datasource named " + settings.sourceDataSource(schema) + "; it has " + old.keySet());
            }
            databases.with(schema, new DriverDataSource(oldDrivers.driverFor(source), source.url(),
                    source.username(), source.password()), newHome.dataSource(settings.targetDataSource(schema)));
        }
    }

    SyncDatabases databases() {
        return databases;
    }

    @Override
    public void close() {
        closeQuietly(newHome);
        closeQuietly(oldDrivers);
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            System.err.println("warning: " + e.getMessage());
        }
    }
}

package org.wso2.carbon.is.migration.osgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.sync.SyncDatabases;
import org.wso2.carbon.is.migration.sync.SyncPrepare;
import org.wso2.carbon.is.migration.sync.SyncProgress;
import org.wso2.carbon.is.migration.sync.SyncRun;
import org.wso2.carbon.is.migration.sync.SyncSchema;
import org.wso2.carbon.is.migration.sync.SyncSettings;

/**
 * The sync tool started with the server, as operators start the old one: {@code -DprepareSync [-DgenerateDDL]
 * -DconfigFile=<path>/sync.properties} prepares the source databases (or, with {@code generateDDL}, writes the DDL
 * beside the config file as {@code sync-ddl.sql}); {@code -DsyncData -DconfigFile=...} applies changes every
 * {@code syncInterval} until the server stops. Both run on a thread of their own, so the component's activation
 * never waits; the DataSources are the server's, found by the JNDI names of {@code sync.properties}. A failure is
 * logged with its cause; the server goes on serving.
 */
final class ServerSync {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSync.class);

    private final Thread thread;
    private volatile boolean stopped;

    private ServerSync(String name, Runnable work) {
        thread = new Thread(work, name);
        thread.setDaemon(true);
    }

    /**
     * Starts what the properties ask for, or nothing (then no file is read and no DataSource looked up).
     *
     * @return the started sync, to stop with the component; null when neither {@code prepareSync} nor
     *         {@code syncData} is set
     */
    static ServerSync startIfRequested(UnaryOperator<String> properties, Supplier<DataSourceLocator> locator) {
        boolean prepare = isOn(properties.apply("prepareSync"));
        boolean run = isOn(properties.apply("syncData"));
        if (!prepare && !run) {
            return null;
        }
        String config = properties.apply("configFile");
        if (config == null || config.trim().isEmpty()) {
            LOG.error("-D{} needs -DconfigFile=<path>/sync.properties; nothing was started",
                    prepare ? "prepareSync" : "syncData");
            return null;
        }
        Path configFile = Paths.get(config.trim());
        boolean ddlOnly = isOn(properties.apply("generateDDL"));
        ServerSync[] self = new ServerSync[1];
        self[0] = new ServerSync(prepare ? "is-sync-prepare" : "is-sync", () -> {
            try {
                SyncSettings settings = SyncSettings.load(configFile);
                SyncDatabases databases = databases(settings, locator.get());
                if (prepare) {
                    prepare(settings, databases, configFile, ddlOnly);
                } else {
                    new SyncRun(settings, databases, new SyncProgress(LOG::info)).run(() -> self[0].stopped);
                }
            } catch (MigrationException | RuntimeException e) {
                LOG.error("The data sync stopped: {}", e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        self[0].thread.start();
        return self[0];
    }

    private static void prepare(SyncSettings settings, SyncDatabases databases, Path configFile, boolean ddlOnly)
            throws MigrationException {
        SyncPrepare prepare = new SyncPrepare(settings, databases);
        if (!ddlOnly) {
            prepare.run();
            LOG.info("Data sync prepared for {}; start the server with -DsyncData to apply changes",
                    settings.tables());
            return;
        }
        StringBuilder ddl = new StringBuilder();
        for (Map.Entry<SyncSchema, String> script : prepare.scripts().entrySet()) {
            ddl.append("-- On the source database of ").append(script.getKey().propertyKey()).append('\n')
                    .append(script.getValue()).append('\n');
        }
        Path file = configFile.toAbsolutePath().resolveSibling("sync-ddl.sql");
        try {
            Files.write(file, ddl.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrationException("Cannot write " + file + ": " + e, e);
        }
        LOG.info("Data sync DDL written to {}; nothing was changed", file);
    }

    private static SyncDatabases databases(SyncSettings settings, DataSourceLocator locator)
            throws MigrationException {
        SyncDatabases databases = new SyncDatabases();
        for (SyncSchema schema : settings.schemas()) {
            databases.with(schema, locator.locate(settings.sourceDataSource(schema)),
                    locator.locate(settings.targetDataSource(schema)));
        }
        return databases;
    }

    private static boolean isOn(String value) {
        return value != null && !value.trim().equalsIgnoreCase("false");
    }

    /** Stops a running sync after its current pass; waits up to {@code millis} for it. */
    void stop(long millis) throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(millis);
    }

    boolean running() {
        return thread.isAlive();
    }
}

package org.wso2.carbon.is.migration.osgi;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationStatus.State;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.datasource.ChainedDataSourceLocator;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.engine.MigrationRun;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport;

/**
 * The migration of one server boot: run at most once (identity core may call the client again if it is
 * reactivated), publish the outcome, and apply the config's stop policy.
 * <p>
 * A failed migration must not be followed by a server serving traffic on a half-migrated database, which is what
 * the old client allowed: by default the framework is stopped ({@code stopServerOnFailure: false} relaxes that), and
 * the caller is told to keep identity from starting.
 */
final class ServerMigration {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMigration.class);

    /** How the boot's migration ended, as far as the server's start-up is concerned. */
    static final class Outcome {
        private final boolean identityMayStart;
        private final String summary;

        Outcome(boolean identityMayStart, String summary) {
            this.identityMayStart = identityMayStart;
            this.summary = summary;
        }

        /** False when the rest of identity must not start on this database. */
        boolean identityMayStart() {
            return identityMayStart;
        }

        String summary() {
            return summary;
        }
    }

    private final BundleContext context;
    private final MigrationRequest request;
    private final StatusPublisher status;
    private Outcome outcome;

    ServerMigration(BundleContext context, MigrationRequest request, StatusPublisher status) {
        this.context = context;
        this.request = request;
        this.status = status;
    }

    /** Runs the migration the first time it is called; later calls return the first outcome. */
    synchronized Outcome runOnce() {
        if (outcome == null) {
            outcome = run();
        }
        return outcome;
    }

    /** Ends the boot's migration before it could start (no config was read). */
    synchronized void failBeforeStart(String message) {
        LOG.error(message);
        status.publish(new ServerMigrationStatus(State.FAILED, message, "", null));
        stopOrWarn(true);
        outcome = new Outcome(false, message);
    }

    private Outcome run() {
        if (request.carbonHome() == null) {
            failBeforeStart("Migration requested, but the system property carbon.home is not set");
            return outcome;
        }
        RunMode mode = request.dryRun() ? RunMode.DRY_RUN : RunMode.MIGRATE;
        LOG.info("Migration requested ({}); config {}", mode == RunMode.DRY_RUN ? "dry run" : "migrate",
                request.configFile());
        MigrationRun.Result result;
        try (PublishedMigrators published = PublishedMigrators.take(context)) {
            MigratorRegistry migrators;
            try {
                migrators = MigratorRegistry.builtIn().addAll(published.migrators());
            } catch (IllegalArgumentException e) {
                failBeforeStart("Migration NOT started: " + e.getMessage());
                return outcome;
            }
            result = MigrationRun.of(request.configFile(), request.resourcesDirectory())
                    .dataSources(this::locator).migrators(migrators).loggingSummary().run(mode);
        }
        MigrationConfig config = result.config();
        MigrationReport report = result.report();
        if (!result.succeeded()) {
            status.publish(new ServerMigrationStatus(State.FAILED, result.summary(),
                    report == null ? "" : report.toJson(), report == null ? null : report.reportFile()));
            boolean stop = config == null || config.stopServerOnFailure();
            stopOrWarn(stop);
            return new Outcome(!stop, result.summary());
        }
        State state = mode == RunMode.DRY_RUN ? State.DRY_RUN_COMPLETED : State.SUCCEEDED;
        status.publish(new ServerMigrationStatus(state, result.summary(), report.toJson(),
                report.reportFile()));
        if (config.stopServerOnSuccess()) {
            LOG.info("Migration finished; stopping the server (stopServerOnSuccess: true). Start it again without "
                    + "-Dmigrate to serve traffic.");
            stopFramework();
        } else {
            LOG.info("Migration finished. Stop the server and start it again WITHOUT -Dmigrate -Dcomponent=identity "
                    + "before serving traffic.");
        }
        return new Outcome(true, result.summary());
    }

    /**
     * JNDI first (Carbon has bound every DataSource there before it registered the DataSourceService this
     * component waits for), then OSGi DataSource services, for runtimes that publish them that way.
     */
    private DataSourceLocator locator(MigrationConfig config) {
        return ChainedDataSourceLocator.inServer(context, Duration.ofSeconds(config.dataSourceWaitSeconds()));
    }

    private void stopOrWarn(boolean stopServer) {
        if (stopServer) {
            LOG.error("MIGRATION FAILED: stopping the server so that it does not serve a half-migrated database. "
                    + "Fix the cause shown above and start again with -Dmigrate -Dcomponent=identity; steps that "
                    + "completed are recorded and will be skipped.");
            stopFramework();
        } else {
            LOG.error("MIGRATION FAILED, and stopServerOnFailure is false: the server keeps booting on a database "
                    + "that is NOT fully migrated.");
        }
    }

    private void stopFramework() {
        try {
            // Framework.stop() returns at once and stops in its own thread, so calling it from a component is safe.
            context.getBundle(0).stop();
        } catch (BundleException | SecurityException e) {
            LOG.error("Could not stop the server: {}. Stop it by hand.", e.getMessage(), e);
        }
    }
}

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
import org.wso2.carbon.is.migration.watch.StopOnShutdown;
import org.wso2.carbon.is.migration.watch.StopRequest;

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

    /** What the ledger and the summary say stopped a run that the server's shutdown interrupted. */
    static final String SERVER_STOPPING = "the server is stopping";

    private final BundleContext context;
    private final MigrationRequest request;
    private final StatusPublisher status;
    private final StopRequest stop = new StopRequest();
    private Outcome outcome;
    private volatile boolean running;

    ServerMigration(BundleContext context, MigrationRequest request, StatusPublisher status) {
        this.context = context;
        this.request = request;
        this.status = status;
    }

    /**
     * The server is stopping (the framework stops our bundle, e.g. Carbon's shutdown on SIGTERM): asks a run in
     * progress to stop at its next statement and waits, within the patience of {@link StopOnShutdown}, until it
     * has recorded its step INTERRUPTED and released the lock. Returns at once when no run is in progress. Not
     * synchronized: the run holds the monitor of {@link #runOnce()} for as long as it lasts.
     */
    void stopRunning() {
        if (running) {
            StopOnShutdown.stopAndWait(stop, SERVER_STOPPING, StopOnShutdown.PATIENCE_MILLIS, LOG::warn);
        }
    }

    /** Runs the migration the first time it is called; later calls return the first outcome. */
    synchronized Outcome runOnce() {
        if (outcome == null) {
            // The hook waits for the outcome, not only the run: the server's log must say how it ended before the
            // JVM exits.
            StopOnShutdown onShutdown = StopOnShutdown.install(stop, SERVER_STOPPING, LOG::warn);
            running = true;
            try {
                outcome = run();
            } finally {
                running = false;
                stop.runEnded();
                onShutdown.remove();
            }
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
            result = MigrationRun.of(request.configFile(), request.resourcesDirectory()).dataSources(this::locator)
                    .migrators(migrators).stoppableBy(stop).loggingSummary().run(mode);
        }
        MigrationConfig config = result.config();
        MigrationReport report = result.report();
        if (!result.succeeded()) {
            status.publish(new ServerMigrationStatus(State.FAILED, result.summary(),
                    report == null ? "" : report.toJson(), report == null ? null : report.reportFile()));
            if (report != null && report.status() == MigrationReport.Status.INTERRUPTED) {
                LOG.warn("MIGRATION INTERRUPTED ({}): the step that was running is recorded INTERRUPTED and the lock "
                        + "released. Start again with -Dmigrate -Dcomponent=identity to continue; completed steps "
                        + "are skipped.", stop.reason());
                stopFramework();
                return new Outcome(false, result.summary());
            }
            boolean stopServer = config == null || config.stopServerOnFailure();
            stopOrWarn(stopServer);
            return new Outcome(!stopServer, result.summary());
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

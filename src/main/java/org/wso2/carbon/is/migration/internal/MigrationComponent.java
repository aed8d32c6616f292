package org.wso2.carbon.is.migration.internal;

import java.time.Duration;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationStatus;
import org.wso2.carbon.is.migration.api.MigrationStatus.State;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.datasource.ChainedDataSourceLocator;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport;

/**
 * Runs the migration while the server boots, when it was started with {@code -Dmigrate -Dcomponent=identity}.
 * Activation is synchronous, so the rest of the boot waits for the migration. Without those properties it only
 * publishes a NOT_REQUESTED status: no file is read and no database is touched.
 * <p>
 * A failed migration must not be followed by a server serving traffic on a half-migrated database, which is what
 * the old client allowed: by default the framework is stopped ({@code stopServerOnFailure: false} relaxes that).
 */
@Component(immediate = true, service = {})
public final class MigrationComponent {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationComponent.class);

    private ServiceRegistration<MigrationStatus> registration;

    @Activate
    void activate(BundleContext context) {
        MigrationRequest request = MigrationRequest.from(context::getProperty);
        if (!request.requested()) {
            LOG.debug("No migration requested");
            publish(context, ServerMigrationStatus.notRequested());
            return;
        }
        if (request.carbonHome() == null) {
            fail(context, "Migration requested, but the system property carbon.home is not set", true);
            return;
        }
        MigrationReport.Mode mode = request.dryRun() ? MigrationReport.Mode.DRY_RUN : MigrationReport.Mode.MIGRATE;
        LOG.info("Migration requested ({}); config {}", mode == MigrationReport.Mode.DRY_RUN ? "dry run" : "migrate",
                request.configFile());
        MigrationRun.Result result = MigrationRun.run(request.configFile(), request.resourcesDirectory(),
                config -> locator(context, config), MigratorRegistry.builtIn(), mode, null, true);
        MigrationConfig config = result.config();
        if (!result.succeeded()) {
            fail(context, result, config == null || config.stopServerOnFailure());
            return;
        }
        MigrationReport report = result.report();
        State state = mode == MigrationReport.Mode.DRY_RUN ? State.DRY_RUN_COMPLETED : State.SUCCEEDED;
        publish(context, new ServerMigrationStatus(state, result.summary(), report.toJson(), report.reportFile()));
        if (config.stopServerOnSuccess()) {
            LOG.info("Migration finished; stopping the server (stopServerOnSuccess: true). Start it again without "
                    + "-Dmigrate to serve traffic.");
            stopFramework(context);
        } else {
            LOG.info("Migration finished. Stop the server and start it again WITHOUT -Dmigrate -Dcomponent=identity "
                    + "before serving traffic.");
        }
    }

    private static DataSourceLocator locator(BundleContext context, MigrationConfig config) {
        return ChainedDataSourceLocator.inServer(context, Duration.ofSeconds(config.dataSourceWaitSeconds()));
    }

    private void fail(BundleContext context, MigrationRun.Result result, boolean stopServer) {
        MigrationReport report = result.report();
        publish(context, new ServerMigrationStatus(State.FAILED, result.summary(),
                report == null ? "" : report.toJson(), report == null ? null : report.reportFile()));
        stopOrWarn(context, stopServer);
    }

    private void fail(BundleContext context, String message, boolean stopServer) {
        LOG.error(message);
        publish(context, new ServerMigrationStatus(State.FAILED, message, "", null));
        stopOrWarn(context, stopServer);
    }

    private static void stopOrWarn(BundleContext context, boolean stopServer) {
        if (stopServer) {
            LOG.error("MIGRATION FAILED: stopping the server so that it does not serve a half-migrated database. "
                    + "Fix the cause shown above and start again with -Dmigrate -Dcomponent=identity; steps that "
                    + "completed are recorded and will be skipped.");
            stopFramework(context);
        } else {
            LOG.error("MIGRATION FAILED, and stopServerOnFailure is false: the server keeps booting on a database "
                    + "that is NOT fully migrated.");
        }
    }

    private static void stopFramework(BundleContext context) {
        try {
            // Framework.stop() returns at once and stops in its own thread, so calling it from activate is safe.
            context.getBundle(0).stop();
        } catch (BundleException | SecurityException e) {
            LOG.error("Could not stop the server: {}. Stop it by hand.", e.getMessage(), e);
        }
    }

    private void publish(BundleContext context, ServerMigrationStatus status) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("migration.state", status.state().name());
        registration = context.registerService(MigrationStatus.class, status, properties);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                LOG.debug("Status service already unregistered");
            }
            registration = null;
        }
    }
}

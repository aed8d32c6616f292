package org.wso2.carbon.is.migration.osgi;

import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.datasource.ChainedDataSourceLocator;

/**
 * The bundle's only component (described in {@code OSGI-INF/org.wso2.carbon.is.migration.xml}, DS 1.2, as Equinox DS
 * 1.4 in Carbon 4.5 reads it). It activates once Carbon's {@code DataSourceService} exists, which Carbon registers
 * after binding every configured DataSource in JNDI.
 * <p>
 * Started with {@code -Dmigrate -Dcomponent=identity} it registers the server's migration client, which identity
 * core calls before the rest of identity starts (see {@link IdentityCoreMigrationClient}); the migration runs in that
 * call. Otherwise it publishes a NOT_REQUESTED status and reads nothing. Activation never waits: it only registers
 * services. Started with {@code -DprepareSync} or {@code -DsyncData} it also starts the data sync on a thread of
 * its own ({@link ServerSync}).
 */
public final class MigrationComponent {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationComponent.class);
    /** How long the data sync waits for a DataSource, and for its pass to end when the server stops. */
    private static final Duration SYNC_DATA_SOURCE_WAIT = Duration.ofSeconds(60);

    private StatusPublisher status;
    private IdentityCoreMigrationClient client;
    private ServerMigration migration;
    private ServerSync sync;

    public void activate(BundleContext context) {
        status = new StatusPublisher(context);
        sync = ServerSync.startIfRequested(context::getProperty,
                () -> ChainedDataSourceLocator.inServer(context, SYNC_DATA_SOURCE_WAIT));
        MigrationRequest request = MigrationRequest.from(context::getProperty);
        if (!request.requested()) {
            LOG.debug("No migration requested");
            status.publish(ServerMigrationStatus.notRequested());
            return;
        }
        migration = new ServerMigration(context, request, status);
        try {
            client = IdentityCoreMigrationClient.register(context, migration);
            LOG.info("Migration requested: registered the migration client; identity core runs it when it starts");
        } catch (ClassNotFoundException e) {
            migration.failBeforeStart("Migration requested (-Dmigrate -Dcomponent=identity), but no bundle exports "
                    + IdentityCoreMigrationClient.INTERFACE + ": this runtime has no WSO2 identity core to run the "
                    + "migration. Drop the jar into an Identity Server, or run it standalone (java -jar).");
        }
    }

    public void deactivate() {
        if (migration != null) {
            // A migration still running when the server stops ends at its next statement, recorded INTERRUPTED.
            migration.stopRunning();
            migration = null;
        }
        if (sync != null) {
            try {
                sync.stop(SYNC_DATA_SOURCE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sync = null;
        }
        if (client != null) {
            client.unregister();
            client = null;
        }
        if (status != null) {
            status.withdraw();
            status = null;
        }
    }
}

package org.wso2.carbon.is.migration.osgi.standin;

import org.osgi.framework.BundleContext;
import org.wso2.carbon.identity.core.migrate.MigrationClient;
import org.wso2.carbon.identity.core.migrate.MigrationClientException;
import org.wso2.carbon.identity.core.util.IdentityCoreInitializedEvent;

/**
 * Stands in for identity core's component in the in-server tests, written from what its public source does
 * (IdentityCoreServiceComponent in carbon-identity-framework): it waits for the user realm (so for the DataSources),
 * holds the migration client through an optional dynamic reference, and in its activation, when the server runs with
 * {@code migrate=true} and {@code component} containing {@code identity}, calls {@code execute()}: no client means
 * "Waiting for migration client." and a failed activation; a {@link MigrationClientException} fails the activation;
 * any other exception is only logged. Last it registers {@link IdentityCoreInitializedEvent}, which the rest of
 * identity waits for.
 */
public class IdentityCoreStandIn {

    private volatile MigrationClient migrationClient;

    public void activate(BundleContext context) throws MigrationClientException {
        String migrate = System.getProperty("migrate");
        String component = System.getProperty("component");
        try {
            if (Boolean.parseBoolean(migrate) && component != null && component.contains("identity")) {
                MigrationClient client = migrationClient;
                if (client == null) {
                    System.out.println("STANDIN Waiting for migration client.");
                    throw new MigrationClientException("Migration client not found");
                }
                System.out.println("STANDIN Executing Migration client : " + client);
                client.execute();
            }
            context.registerService(IdentityCoreInitializedEvent.class, new IdentityCoreInitializedEvent() { }, null);
            System.out.println("STANDIN identity core initialized");
        } catch (MigrationClientException e) {
            System.out.println("STANDIN activation failed: " + e.getMessage());
            throw e;
        } catch (Throwable e) {
            System.out.println("STANDIN Error occurred while populating identity configuration properties: " + e);
        }
    }

    public void setMigrationClient(MigrationClient client) {
        migrationClient = client;
    }

    public void unsetMigrationClient(MigrationClient client) {
        migrationClient = null;
    }
}

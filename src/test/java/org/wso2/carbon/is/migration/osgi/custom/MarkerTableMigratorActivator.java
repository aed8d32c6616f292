package org.wso2.carbon.is.migration.osgi.custom;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.wso2.carbon.is.migration.api.Migrator;

/** Publishes {@link MarkerTableMigrator} and {@link TickingMigrator} as OSGi services, as a deployment's own bundle would. */
public final class MarkerTableMigratorActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        context.registerService(Migrator.class, new MarkerTableMigrator(), null);
        context.registerService(Migrator.class, new TickingMigrator(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the service.
    }
}

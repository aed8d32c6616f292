package org.wso2.carbon.is.migration.osgi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.Migrator;

/**
 * The {@link Migrator} services other bundles publish, so that a deployment's own data (custom tables, a custom
 * user store's schema) can be migrated in the same run, recorded in the same ledger, named in the same config.
 * Taken when the migration starts (identity core calls the client after the server's bundles have started) and
 * released when it ends.
 */
final class PublishedMigrators implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedMigrators.class);

    private final BundleContext context;
    private final List<ServiceReference<Migrator>> taken = new ArrayList<>();
    private final List<Migrator> migrators = new ArrayList<>();

    private PublishedMigrators(BundleContext context) {
        this.context = context;
    }

    static PublishedMigrators take(BundleContext context) {
        Collection<ServiceReference<Migrator>> references;
        try {
            references = context.getServiceReferences(Migrator.class, null);
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        PublishedMigrators published = new PublishedMigrators(context);
        for (ServiceReference<Migrator> reference : references) {
            Migrator migrator = context.getService(reference);
            if (migrator != null) {
                LOG.info("Migrator '{}' published by bundle {}", migrator.name(),
                        reference.getBundle().getSymbolicName());
                published.taken.add(reference);
                published.migrators.add(migrator);
            }
        }
        return published;
    }

    List<Migrator> migrators() {
        return migrators;
    }

    @Override
    public void close() {
        for (ServiceReference<Migrator> reference : taken) {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException stopping) {
                LOG.debug("Framework stopping; the service is released with it");
            }
        }
    }
}

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
 * Read once, when the migration starts: identity core calls the client after the server's bundles have started.
 */
final class PublishedMigrators {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedMigrators.class);

    private PublishedMigrators() {
    }

    static List<Migrator> in(BundleContext context) {
        Collection<ServiceReference<Migrator>> references;
        try {
            references = context.getServiceReferences(Migrator.class, null);
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        List<Migrator> migrators = new ArrayList<>();
        for (ServiceReference<Migrator> reference : references) {
            Migrator migrator = context.getService(reference);
            if (migrator != null) {
                LOG.info("Migrator '{}' published by bundle {}", migrator.name(),
                        reference.getBundle().getSymbolicName());
                migrators.add(migrator);
            }
        }
        return migrators;
    }
}

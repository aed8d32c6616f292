package org.wso2.carbon.is.migration.osgi;

import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationStatus;

/** Publishes the one {@link MigrationStatus} service of the bundle, replacing the previous one. */
final class StatusPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);

    private final BundleContext context;
    private ServiceRegistration<MigrationStatus> registration;

    StatusPublisher(BundleContext context) {
        this.context = context;
    }

    synchronized void publish(MigrationStatus status) {
        withdraw();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("migration.state", status.state().name());
        registration = context.registerService(MigrationStatus.class, status, properties);
    }

    synchronized void withdraw() {
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

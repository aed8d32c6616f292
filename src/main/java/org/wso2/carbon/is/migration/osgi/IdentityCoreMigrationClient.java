package org.wso2.carbon.is.migration.osgi;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's migration client: an OSGi service of identity core's interface
 * {@code org.wso2.carbon.identity.core.migrate.MigrationClient}.
 * <p>
 * Identity core's component ({@code IdentityCoreServiceComponent.activate} in carbon-identity-framework), when the
 * server runs with {@code -Dmigrate} and {@code component} naming {@code identity}, calls {@code execute()} on that
 * service before it registers the rest of identity, and fails its own activation if {@code execute()} throws
 * {@code MigrationClientException} (any other exception it only logs, and identity starts). So the migration runs
 * inside {@code execute()}, and a failure that must keep the server from serving traffic is thrown as that exception.
 * <p>
 * The interface is loaded at run time through the bundle's {@code DynamicImport-Package}: WSO2's artifacts are not on
 * Maven Central, so the bundle cannot compile against them, and a proxy implements the interface instead. Methods that
 * later identity cores add (e.g. {@code executeAfterStartup()}) do nothing.
 */
final class IdentityCoreMigrationClient implements InvocationHandler {

    static final String INTERFACE = "org.wso2.carbon.identity.core.migrate.MigrationClient";
    static final String EXCEPTION = "org.wso2.carbon.identity.core.migrate.MigrationClientException";

    private static final Logger LOG = LoggerFactory.getLogger(IdentityCoreMigrationClient.class);

    private final Bundle bundle;
    private final ServerMigration migration;
    private ServiceRegistration<?> registration;

    private IdentityCoreMigrationClient(Bundle bundle, ServerMigration migration) {
        this.bundle = bundle;
        this.migration = migration;
    }

    /**
     * Registers the client under identity core's interface name.
     *
     * @throws ClassNotFoundException when no bundle exports the interface (not an Identity Server)
     */
    static IdentityCoreMigrationClient register(BundleContext context, ServerMigration migration)
            throws ClassNotFoundException {
        Class<?> api = context.getBundle().loadClass(INTERFACE);
        IdentityCoreMigrationClient client = new IdentityCoreMigrationClient(context.getBundle(), migration);
        Object service = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, client);
        client.registration = context.registerService(INTERFACE, service, null);
        return client;
    }

    void unregister() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            LOG.debug("Migration client already unregistered");
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, name, arguments);
        }
        if (!"execute".equals(name) || method.getParameterTypes().length != 0) {
            LOG.debug("Migration client method {} has nothing to do", name);
            return null;
        }
        ServerMigration.Outcome outcome = migration.runOnce();
        if (!outcome.identityMayStart()) {
            throw clientException("The migration did not complete; identity must not start on this database. "
                    + firstLine(outcome.summary()));
        }
        return null;
    }

    private Object objectMethod(Object proxy, String name, Object[] arguments) {
        if ("equals".equals(name)) {
            return proxy == arguments[0];
        }
        if ("hashCode".equals(name)) {
            return System.identityHashCode(proxy);
        }
        return "WSO2 IS migration client (" + bundle.getSymbolicName() + " " + bundle.getVersion() + ")";
    }

    /** Identity core's checked exception, the one its activation lets through; a plain one if it cannot be made. */
    private Exception clientException(String message) {
        try {
            Constructor<?> constructor = bundle.loadClass(EXCEPTION).getConstructor(String.class);
            return (Exception) constructor.newInstance(message);
        } catch (ReflectiveOperationException | ClassCastException e) {
            LOG.warn("Could not create {} ({}); failing with an IllegalStateException", EXCEPTION, e.toString());
            return new IllegalStateException(message);
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}

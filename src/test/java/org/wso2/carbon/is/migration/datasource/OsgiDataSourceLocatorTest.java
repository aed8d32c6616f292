package org.wso2.carbon.is.migration.datasource;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** Runs the locator against a real Felix framework, with DataSource services registered as the server would. */
class OsgiDataSourceLocatorTest {

    private static Framework framework;
    private static BundleContext context;

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @BeforeAll
    static void startFelix() throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        framework = factory.newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, Path.of("target", "felix-datasource-test").toAbsolutePath().toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "javax.sql"));
        framework.start();
        context = framework.getBundleContext();
    }

    @AfterAll
    static void stopFelix() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @AfterEach
    void unregister() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // A test may unregister its service itself.
            }
        }
    }

    @Test
    void findsTheDataSourceRegisteredUnderItsDataSourceName() throws Exception {
        DataSource other = register("dataSourceName", "jdbc/SHARED_DB");
        DataSource identity = register("dataSourceName", "jdbc/WSO2IdentityDB");

        DataSource found = new OsgiDataSourceLocator(context, Duration.ofSeconds(5)).locate("jdbc/WSO2IdentityDB");

        assertSame(identity, found);
        assertSame(other, new OsgiDataSourceLocator(context, Duration.ZERO).locate("jdbc/SHARED_DB"));
    }

    @Test
    void findsTheDataSourceByItsJndiServiceNameWithOrWithoutTheJdbcPrefix() throws Exception {
        DataSource identity = register("osgi.jndi.service.name", "WSO2IdentityDB");

        OsgiDataSourceLocator locator = new OsgiDataSourceLocator(context, Duration.ofSeconds(5));

        assertSame(identity, locator.locate("jdbc/WSO2IdentityDB"));
        assertSame(identity, locator.locate("WSO2IdentityDB"));
    }

    @Test
    void waitsForADataSourceThatIsRegisteredLater() throws Exception {
        CompletableFuture<DataSource> registeredLater = CompletableFuture.supplyAsync(
                () -> register("dataSourceName", "jdbc/WSO2IdentityDB"),
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));

        long start = System.nanoTime();
        DataSource found = new OsgiDataSourceLocator(context, Duration.ofSeconds(20)).locate("jdbc/WSO2IdentityDB");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertSame(registeredLater.get(5, TimeUnit.SECONDS), found);
        assertTrue(waited.compareTo(Duration.ofMillis(900)) >= 0, "found before it was registered: " + waited);
        assertTrue(waited.compareTo(Duration.ofSeconds(10)) < 0, "waited too long: " + waited);
    }

    @Test
    void givesUpAfterTheBoundedWaitNamingWhatItLookedFor() {
        register("dataSourceName", "jdbc/SHARED_DB");
        Duration wait = Duration.ofMillis(700);

        long start = System.nanoTime();
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> new OsgiDataSourceLocator(context, wait).locate("jdbc/WSO2IdentityDB"));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(waited.compareTo(wait) >= 0 && waited.compareTo(Duration.ofSeconds(5)) < 0, waited.toString());
        String message = e.getMessage();
        assertTrue(message.contains("'jdbc/WSO2IdentityDB'"), message);
        assertTrue(message.contains("dataSourceName") && message.contains("osgi.jndi.service.name"), message);
        assertTrue(message.contains("[jdbc/WSO2IdentityDB, WSO2IdentityDB]"), message);
        assertTrue(message.contains("PT0.7S"), message);
    }

    @Test
    void leavesNoServiceTrackerListeningAfterALookup() throws Exception {
        register("dataSourceName", "jdbc/WSO2IdentityDB");
        new OsgiDataSourceLocator(context, Duration.ofSeconds(1)).locate("jdbc/WSO2IdentityDB");

        // A tracker still open would hold the service: the system bundle would list it as in use.
        assertNull(context.getBundle().getServicesInUse());
    }

    private DataSource register(String property, String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name.replace('/', '_'));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(property, name);
        registrations.add(context.registerService(DataSource.class, dataSource, properties));
        return dataSource;
    }
}

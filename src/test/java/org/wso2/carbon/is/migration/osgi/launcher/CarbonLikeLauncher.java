package org.wso2.carbon.is.migration.osgi.launcher;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.naming.spi.NamingManager;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Boots an OSGi framework in its own JVM the way Carbon 4.5 boots IS 5.9.0, as far as the migration bundle can tell:
 * the {@code -Dmigrate}/{@code -Dcomponent}/{@code carbon.home} system properties, a JVM-wide JNDI initial context
 * factory builder, DataSources bound in JNDI some seconds after the bundles started and only then Carbon's
 * {@code DataSourceService}, the user realm after that, identity core (a stand-in) calling the migration client.
 * <p>
 * Runs outside the test JVM (the test class path holds two frameworks and H2 2.x) with only the framework, this
 * class and the server's H2 1.4.199 on its class path. It reports what happened as {@code LAUNCHER} lines and exits
 * 0 when identity core initialised, 3 when a bundle stopped the framework, 4 when neither happened in time.
 * <p>
 * System properties: {@code launcher.bundles} (jars, path-separated, installed in order), {@code launcher.storage},
 * {@code launcher.dataSources} ({@code name=url|name=url}), {@code launcher.dataSourceDelayMillis},
 * {@code launcher.javaSE8} (advertise a Java 8 execution environment), {@code launcher.waitSeconds},
 * {@code launcher.realmBeforeDataSourceService} (register the user realm, which identity core waits for, a second
 * before DataSourceService instead of a second after it: Carbon 4.5's ndatasource registers DataSourceService only
 * once the realm exists, so identity core may activate before the migration client is registered),
 * {@code launcher.stopFrameworkOnShutdown} (a JVM shutdown hook stops the framework, as Carbon's does on SIGTERM),
 * {@code launcher.stopWhenPrinted} (once identity core initialised, keep the server running until a line holding
 * this text was printed, within {@code launcher.waitSeconds}, as an operator waits for a log line before stopping
 * the server). A DataSource URL of {@code jdbc:postgresql:} carries its credentials and needs the PostgreSQL driver
 * on the class path; any other is H2's. The threads alive are listed before the framework is stopped and after.
 */
public final class CarbonLikeLauncher {

    static final int IDENTITY_STARTED = 0;
    static final int FRAMEWORK_STOPPED = 3;
    static final int TIMED_OUT = 4;

    private static final String DATA_SOURCE_SERVICE = "org.wso2.carbon.ndatasource.core.DataSourceService";
    private static final String REALM_SERVICE = "org.wso2.carbon.user.core.service.RealmService";
    private static final String IDENTITY_INITIALIZED = "org.wso2.carbon.identity.core.util.IdentityCoreInitializedEvent";
    private static final String MIGRATION_STATUS = "org.wso2.carbon.is.migration.api.MigrationStatus";
    private static final String CARBON_STANDIN = "standin.carbon.core";

    /** What the OSGi EE list of a Java 8 runtime says (Equinox otherwise advertises the JVM running the test). */
    private static final String JAVA_SE_8_CAPABILITIES = "osgi.ee; osgi.ee=\"OSGi/Minimum\"; "
            + "version:List<Version>=\"1.0, 1.1, 1.2\", osgi.ee; osgi.ee=\"JRE\"; version:List<Version>=\"1.0, 1.1\", "
            + "osgi.ee; osgi.ee=\"JavaSE\"; version:List<Version>=\"1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8\", "
            + "osgi.ee; osgi.ee=\"JavaSE/compact1\"; version:List<Version>=\"1.8\", "
            + "osgi.ee; osgi.ee=\"JavaSE/compact2\"; version:List<Version>=\"1.8\", "
            + "osgi.ee; osgi.ee=\"JavaSE/compact3\"; version:List<Version>=\"1.8\"";

    private static final long START = System.nanoTime();
    private static final Map<String, Object> JNDI = new ConcurrentHashMap<>();

    private CarbonLikeLauncher() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch stopLine = watchOutputFor(System.getProperty("launcher.stopWhenPrinted"));
        NamingManager.setInitialContextFactoryBuilder(environment -> env -> JndiContexts.backedBy(JNDI));
        Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next()
                .newFramework(frameworkConfig());
        framework.init();
        if (Boolean.getBoolean("launcher.stopFrameworkOnShutdown")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnShutdown(framework), "launcher-shutdown"));
        }
        BundleContext system = framework.getBundleContext();
        system.addServiceListener(CarbonLikeLauncher::report);
        List<Bundle> bundles = new ArrayList<>();
        for (String jar : System.getProperty("launcher.bundles").split(File.pathSeparator)) {
            bundles.add(system.installBundle(new File(jar).toURI().toString()));
        }
        framework.start();
        for (Bundle bundle : bundles) {
            start(bundle);
        }
        for (Bundle bundle : bundles) {
            say("bundle " + bundle.getSymbolicName() + " " + stateName(bundle.getState()));
        }

        Thread.sleep(Long.getLong("launcher.dataSourceDelayMillis", 2000));
        bindDataSources();
        boolean realmFirst = Boolean.getBoolean("launcher.realmBeforeDataSourceService");
        register(system, realmFirst ? REALM_SERVICE : DATA_SOURCE_SERVICE);
        Thread.sleep(1000);
        register(system, realmFirst ? DATA_SOURCE_SERVICE : REALM_SERVICE);

        long waitSeconds = Long.getLong("launcher.waitSeconds", 120);
        int exit = awaitOutcome(framework, system, waitSeconds);
        if (exit == IDENTITY_STARTED && !stopLine.await(waitSeconds, TimeUnit.SECONDS)) {
            say("never printed: " + System.getProperty("launcher.stopWhenPrinted"));
            exit = TIMED_OUT;
        }
        if (framework.getState() == Bundle.ACTIVE) {
            say("threads before the framework stops: " + liveThreads());
            framework.stop();
            framework.waitForStop(30_000);
            say("threads after the framework stopped: " + liveThreads());
        }
        say("exit " + exit);
        System.out.flush();
        System.exit(exit);
    }

    /** Carbon's own shutdown hook stops the OSGi framework when the server's JVM gets SIGTERM. */
    private static void stopOnShutdown(Framework framework) {
        say("shutdown hook: stopping the framework");
        try {
            framework.stop();
            framework.waitForStop(60_000);
            say("shutdown hook: framework stopped");
        } catch (BundleException | InterruptedException e) {
            say("shutdown hook: could not stop the framework: " + e);
        }
        System.out.flush();
    }

    private static Map<String, String> frameworkConfig() {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, System.getProperty("launcher.storage"));
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_APP);
        config.put("osgi.parentClassloader", "app");
        if (Boolean.getBoolean("launcher.javaSE8")) {
            config.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES, JAVA_SE_8_CAPABILITIES);
        }
        return config;
    }

    private static void start(Bundle bundle) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return;
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            say("bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage().replace('\n', ' '));
        }
    }

    /**
     * Counts down once a line holding {@code text} has been printed on standard output (where pax-logging's default
     * log writes too); at once when there is no text.
     */
    private static CountDownLatch watchOutputFor(String text) {
        CountDownLatch printed = new CountDownLatch(text == null ? 0 : 1);
        if (text == null) {
            return printed;
        }
        PrintStream original = System.out;
        OutputStream watching = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) throws IOException {
                original.write(b);
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                if (new String(line.toByteArray(), StandardCharsets.UTF_8).contains(text)) {
                    printed.countDown();
                }
                line.reset();
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        System.setOut(new PrintStream(watching, true));
        return printed;
    }

    private static List<String> liveThreads() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != Thread.currentThread() && thread.isAlive()) {
                names.add(thread.getName());
            }
        }
        names.sort(null);
        return names;
    }

    /** Carbon binds every DataSource in JNDI before it registers DataSourceService. */
    private static void bindDataSources() {
        String spec = System.getProperty("launcher.dataSources", "");
        for (String entry : spec.split("\\|")) {
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            JNDI.put(entry.substring(0, equals), dataSource(entry.substring(equals + 1)));
            say("jndi bound " + entry.substring(0, equals));
        }
    }

    private static DataSource dataSource(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("wso2carbon");
        h2.setPassword("wso2carbon");
        return h2;
    }

    /** Registers a service of a Carbon interface (from the Carbon stand-in bundle) from the system bundle. */
    private static void register(BundleContext system, String interfaceName) throws ClassNotFoundException {
        Bundle carbon = null;
        for (Bundle bundle : system.getBundles()) {
            if (CARBON_STANDIN.equals(bundle.getSymbolicName())) {
                carbon = bundle;
            }
        }
        Class<?> type = carbon.loadClass(interfaceName);
        Object service = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> method.getName().equals("toString") ? interfaceName : null);
        // Said before registering: a DS runtime may activate components inside registerService, before any
        // listener hears of the registration itself.
        say("registering " + interfaceName);
        try {
            system.registerService(interfaceName, service, null);
        } catch (IllegalStateException stopping) {
            say("not registered, the framework is stopping: " + interfaceName);
        }
    }

    private static int awaitOutcome(Framework framework, BundleContext system, long seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            FrameworkEvent event = framework.waitForStop(200);
            if (event.getType() != FrameworkEvent.WAIT_TIMEDOUT) {
                say("framework stopped by a bundle");
                return FRAMEWORK_STOPPED;
            }
            if (registered(system, IDENTITY_INITIALIZED)) {
                reportStatus(system);
                return IDENTITY_STARTED;
            }
        }
        reportStatus(system);
        return TIMED_OUT;
    }

    /** Whether a service is registered; false once the framework is stopping (a bundle may stop it any time). */
    private static boolean registered(BundleContext system, String name) {
        try {
            return system.getServiceReference(name) != null;
        } catch (IllegalStateException stopping) {
            return false;
        }
    }

    private static void report(ServiceEvent event) {
        if (event.getType() != ServiceEvent.REGISTERED) {
            return;
        }
        ServiceReference<?> reference = event.getServiceReference();
        for (String name : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
            if (name.startsWith("org.wso2.")) {
                Object state = reference.getProperty("migration.state");
                say("registered " + name + (state == null ? "" : " " + state));
                if (MIGRATION_STATUS.equals(name)) {
                    printStatus(reference);
                }
            }
        }
    }

    private static void reportStatus(BundleContext system) {
        ServiceReference<?> reference;
        try {
            reference = system.getServiceReference(MIGRATION_STATUS);
        } catch (IllegalStateException stopping) {
            reference = null;
        }
        say("final status " + (reference == null ? "none" : reference.getProperty("migration.state")));
    }

    /** The status summary, through the bundle's own API class (the test JVM's classes are not shared). */
    private static void printStatus(ServiceReference<?> reference) {
        try {
            BundleContext context = reference.getBundle().getBundleContext();
            Object status = context.getService(reference);
            Class<?> api = reference.getBundle().loadClass(MIGRATION_STATUS);
            for (String line : String.valueOf(api.getMethod("summary").invoke(status)).split("\n")) {
                say("summary| " + line);
            }
            context.ungetService(reference);
        } catch (ReflectiveOperationException | RuntimeException e) {
            say("status unreadable: " + e);
        }
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.ACTIVE:
                return "ACTIVE";
            case Bundle.RESOLVED:
                return "RESOLVED";
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.INSTALLED:
                return "INSTALLED";
            default:
                return Integer.toString(state);
        }
    }

    static void say(String message) {
        System.out.printf("LAUNCHER %6d ms %s%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - START), message);
    }
}

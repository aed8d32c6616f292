package org.wso2.carbon.is.migration.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.wso2.carbon.is.migration.api.MigrationStatus;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.SampleData;
import org.wso2.carbon.is.migration.testsupport.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.TestVersions;

/**
 * The bundle as the server runs it: Felix + SCR + the built jar + an H2 DataSource service, started with
 * {@code -Dmigrate -Dcomponent=identity} and a {@code carbon.home} holding a 5.8.0 identity database.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ServerMigrationIT {

    private static final String BUNDLE = "org.wso2.carbon.is.migration";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        // Runs outside the container, on the test class path: make the 5.8.0 database and the carbon.home here.
        Path carbonHome = IsHome.create("server-it").withProjectResources().path();
        String url = "jdbc:h2:" + carbonHome.resolve("repository/database/WSO2IDENTITY_DB");
        String sharedUrl = "jdbc:h2:" + carbonHome.resolve("repository/database/WSO2SHARED_DB");
        try (Connection connection = new org.h2.Driver().connect(url, credentials())) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", false));
            SampleData.fill(connection, 2);
        }
        try (Connection connection = new org.h2.Driver().connect(sharedUrl, credentials())) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", true));
            SampleData.fill(connection, 2);
        }
        String repository = System.getProperty("maven.repo.local");
        return options(
                systemProperty("pax.exam.logging").value("none"),
                systemProperty("org.ops4j.pax.url.mvn.localRepository").value(repository),
                systemProperty("org.ops4j.pax.url.mvn.repositories").value("https://repo1.maven.org/maven2@id=central"),
                systemProperty("migrate").value("true"),
                systemProperty("component").value("identity"),
                systemProperty("carbon.home").value(carbonHome.toString()),
                systemProperty("test.h2.url").value(url),
                systemProperty("test.h2.shared.url").value(sharedUrl),
                mavenBundle("org.ops4j.pax.logging", "pax-logging-api", TestVersions.of("pax-logging-api")),
                mavenBundle("org.osgi", "org.osgi.util.function", TestVersions.of("org.osgi.util.function")),
                mavenBundle("org.osgi", "org.osgi.util.promise", TestVersions.of("org.osgi.util.promise")),
                mavenBundle("org.osgi", "org.osgi.service.component", TestVersions.of("org.osgi.service.component")),
                mavenBundle("org.apache.felix", "org.apache.felix.scr", TestVersions.of("org.apache.felix.scr")),
                mavenBundle("com.h2database", "h2", TestVersions.of("h2")),
                bundle(Path.of(System.getProperty("migration.bundle.jar")).toUri().toString()).noStart(),
                junitBundles());
    }

    @Test
    public void dryRunsThenMigratesA580DatabaseAtBootAndDoesNothingWhenBootedAgainWithoutTheFlags() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(System.getProperty("test.h2.url"));
        h2.setUser("wso2carbon");
        h2.setPassword("wso2carbon");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("dataSourceName", "jdbc/WSO2IdentityDB");
        ServiceRegistration<DataSource> dataSource = context.registerService(DataSource.class, h2, properties);
        JdbcDataSource sharedH2 = new JdbcDataSource();
        sharedH2.setURL(System.getProperty("test.h2.shared.url"));
        sharedH2.setUser("wso2carbon");
        sharedH2.setPassword("wso2carbon");
        Hashtable<String, Object> sharedProperties = new Hashtable<>();
        sharedProperties.put("osgi.jndi.service.name", "jdbc/SHARED_DB");
        ServiceRegistration<DataSource> shared = context.registerService(DataSource.class, sharedH2,
                sharedProperties);
        try {
            Bundle bundle = migrationBundle();
            assertEquals("only the SPI is exported", "org.wso2.carbon.is.migration.api;version=\"1.0.0\"",
                    bundle.getHeaders().get("Export-Package"));

            // -DdryRun first: the plan is reported, nothing changes, not even the ledger.
            System.setProperty("dryRun", "true");
            bundle.start();
            MigrationStatus dryRun = status();
            assertEquals(dryRun.summary(), MigrationStatus.State.DRY_RUN_COMPLETED, dryRun.state());
            assertTrue(dryRun.summary().contains("CREATE TABLE"));
            try (Connection connection = h2.getConnection()) {
                assertTrue("dry run created nothing", !exists(connection, "FIDO2_DEVICE_STORE")
                        && !exists(connection, "IS_MIGRATION_HISTORY"));
            }
            bundle.stop();
            System.clearProperty("dryRun");

            bundle.start(); // activation runs the migration synchronously
            MigrationStatus status = status();
            assertEquals(status.summary(), MigrationStatus.State.SUCCEEDED, status.state());
            assertTrue(status.reportJson().contains("\"status\": \"SUCCEEDED\""));
            try (Connection connection = h2.getConnection()) {
                for (String table : List.of("FIDO2_DEVICE_STORE", "IDN_AUTH_SESSION_APP_INFO",
                        "IDN_AUTH_SESSION_META_DATA", "IDN_FUNCTION_LIBRARY")) {
                    assertTrue(table + " created", exists(connection, table));
                }
            }
            String[] check = compareWithFacts(System.getProperty("test.h2.url"), "5.9.0", "identity");
            assertEquals(check[1], "0", check[0]);
            String[] sharedCheck = compareWithFacts(System.getProperty("test.h2.shared.url"), "5.9.0", "kernel");
            assertEquals(sharedCheck[1], "0", sharedCheck[0]);
            long recorded = ledgerRows(h2);
            assertTrue("the run is in the ledger", recorded > 0);

            // A second boot without -Dmigrate: the status says so and nothing is run or recorded.
            bundle.stop();
            System.clearProperty("migrate");
            System.clearProperty("component");
            bundle.start();
            assertEquals(MigrationStatus.State.NOT_REQUESTED, status().state());
            assertEquals(recorded, ledgerRows(h2));
        } finally {
            // A failed migration stops the framework, which unregisters these already; say so, do not mask it.
            if (context.getBundle().getState() == Bundle.ACTIVE) {
                dataSource.unregister();
                shared.unregister();
            }
        }
    }

    /**
     * The schema comparison needs classes private to the bundle, which the probe cannot load inside the container,
     * so it runs in a child JVM on the test class path. Returns {exit code, output}.
     */
    private static String[] compareWithFacts(String url, String version, String database) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"),
                "org.wso2.carbon.is.migration.testsupport.SchemaCheck", url, "wso2carbon", "wso2carbon", "h2", version,
                database).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new String[] {Integer.toString(process.waitFor()), output};
    }

    private static java.util.Properties credentials() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", "wso2carbon");
        properties.setProperty("password", "wso2carbon");
        return properties;
    }

    private Bundle migrationBundle() {
        for (Bundle bundle : context.getBundles()) {
            if (BUNDLE.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + BUNDLE + " is not installed");
    }

    private MigrationStatus status() {
        ServiceReference<MigrationStatus> reference = context.getServiceReference(MigrationStatus.class);
        assertNotNull("MigrationStatus service published", reference);
        MigrationStatus status = context.getService(reference);
        context.ungetService(reference);
        return status;
    }

    private static boolean exists(Connection connection, String table) throws Exception {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    private static long ledgerRows(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY")) {
            rows.next();
            return rows.getLong(1);
        }
    }

}

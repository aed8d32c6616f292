package org.wso2.carbon.is.migration.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.TestVersions;

/**
 * What the server does after the migration decides: a failure stops the framework unless the config relaxes that,
 * and a boot without {@code -Dmigrate} reads nothing. A plain Felix + SCR, launched from the test.
 */
class FailurePolicyIT {

    private static final String STATUS = "org.wso2.carbon.is.migration.api.MigrationStatus";

    @TempDir
    Path storage;

    private Framework framework;

    @AfterEach
    void stopFramework() throws Exception {
        if (framework != null && framework.getState() == Bundle.ACTIVE) {
            framework.stop();
            framework.waitForStop(20_000);
        }
    }

    @Test
    void aFailedMigrationStopsTheServer() throws Exception {
        Path home = IsHome.create("failure-stops").withProjectResources().withConfig(config("true")).path();
        start(Map.of("migrate", "true", "component", "identity", "carbon.home", home.toString()));

        FrameworkEvent event = framework.waitForStop(60_000);
        assertEquals(FrameworkEvent.STOPPED, event.getType(), "the framework stopped itself");
    }

    @Test
    void aFailedMigrationPublishesFailedAndKeepsBootingWhenTheConfigSaysSo() throws Exception {
        Path home = IsHome.create("failure-continues").withProjectResources().withConfig(config("false")).path();
        start(Map.of("migrate", "true", "component", "identity", "carbon.home", home.toString()));

        assertEquals("FAILED", state());
        assertEquals(Bundle.ACTIVE, framework.getState());
    }

    @Test
    void withoutTheFlagsNothingIsReadAndTheStatusSaysNotRequested() throws Exception {
        // carbon.home points nowhere: any attempt to read the config would fail the migration. "migrate" is set
        // to false explicitly because framework properties shadow system properties another test may have left.
        start(Map.of("migrate", "false", "carbon.home", storage.resolve("no-such-home").toString()));

        assertEquals("NOT_REQUESTED", state());
        assertEquals(Bundle.ACTIVE, framework.getState());
    }

    /** A config whose DataSource never appears (waiting 1 s for it). */
    private static String config(String stopServerOnFailure) {
        return String.join("\n",
                "migrationEnable: \"true\"",
                "currentVersion: \"5.8.0\"",
                "migrateVersion: \"5.9.0\"",
                "stopServerOnFailure: \"" + stopServerOnFailure + "\"",
                "dataSourceWaitSeconds: 1",
                "dataSources:",
                "  identity: jdbc/NoSuchDataSource",
                "versions:",
                "  - version: \"5.9.0\"",
                "    migratorConfigs:",
                "      - {name: SchemaMigrator, order: 1, parameters: {location: step1, schema: identity}}",
                "");
    }

    private void start(Map<String, String> properties) throws Exception {
        Map<String, String> configuration = new HashMap<>(properties);
        configuration.put(Constants.FRAMEWORK_STORAGE, storage.resolve("felix").toString());
        configuration.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(configuration);
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = List.of(
                install(context, "org.ops4j.pax.logging", "pax-logging-api"),
                install(context, "org.osgi", "org.osgi.util.function"),
                install(context, "org.osgi", "org.osgi.util.promise"),
                install(context, "org.osgi", "org.osgi.service.component"),
                install(context, "org.apache.felix", "org.apache.felix.scr"),
                context.installBundle(Path.of(System.getProperty("migration.bundle.jar")).toUri().toString()));
        for (Bundle bundle : bundles) {
            bundle.start();
        }
    }

    private static Bundle install(BundleContext context, String group, String artifact) throws Exception {
        String version = TestVersions.of(artifact);
        Path jar = Path.of(System.getProperty("maven.repo.local")).resolve(group.replace('.', '/'))
                .resolve(artifact).resolve(version).resolve(artifact + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + " (run the build once online)");
        }
        return context.installBundle(jar.toUri().toString());
    }

    /**
     * The published state. SCR may activate the component on its own thread, so wait for it (bounded); all
     * references are asked for because the system bundle does not import the SPI package.
     */
    private String state() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            ServiceReference<?>[] references = framework.getBundleContext().getAllServiceReferences(STATUS, null);
            if (references != null) {
                return (String) references[0].getProperty("migration.state");
            }
            Thread.sleep(50);
        }
        return fail("MigrationStatus was not published within 30 s");
    }
}

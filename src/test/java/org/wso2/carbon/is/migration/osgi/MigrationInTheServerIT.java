package org.wso2.carbon.is.migration.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.schema.LiveSchemaReader;
import org.wso2.carbon.is.migration.schema.SchemaComparer;
import org.wso2.carbon.is.migration.schema.SchemaDifference;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.SampleData;

/**
 * The bundle as a server boots it, on IS 5.9.0's own OSGi runtime (Equinox 3.14 + Equinox DS 1.4, Java 8 execution
 * environment) and on a newer one (Felix 7 + SCR 2.2): Carbon-like DataSources in JNDI, DataSourceService some
 * seconds after the bundles started, and identity core (a stand-in) calling the migration client under
 * {@code -Dmigrate -Dcomponent=identity}. Each boot is its own JVM (see {@link InServerBoot}).
 */
class MigrationInTheServerIT {

    private static final String IDENTITY = "jdbc/WSO2IdentityDB";
    private static final String SHARED = "jdbc/SHARED_DB";
    private static final String CLIENT = "registered org.wso2.carbon.identity.core.migrate.MigrationClient";
    private static final String DATA_SOURCE_SERVICE = "registering org.wso2.carbon.ndatasource.core.DataSourceService";
    private static final String IDENTITY_STARTED = "STANDIN identity core initialized";

    @ParameterizedTest
    @EnumSource(ServerRuntime.class)
    void dryRunsThenMigratesA580DatabaseWhenIdentityCoreCallsTheClientThenBootsWithoutTheFlags(ServerRuntime runtime)
            throws Exception {
        Path home = IsHome.create("in-server-" + runtime.name().toLowerCase()).withProjectResources().path();
        String identityUrl = "jdbc:h2:" + home.resolve("repository/database/WSO2IDENTITY_DB");
        String sharedUrl = "jdbc:h2:" + home.resolve("repository/database/WSO2SHARED_DB");
        create580(identityUrl, false);
        create580(sharedUrl, true);

        // -DdryRun first: the plan is reported, nothing changes, not even the ledger; identity then starts.
        InServerBoot.Result dryRun = boot(runtime, home, identityUrl, sharedUrl).withMigrateFlags()
                .property("dryRun", "true").boot();
        assertEquals(InServerBoot.Result.IDENTITY_STARTED, dryRun.exitCode(), dryRun.describe());
        assertTrue(dryRun.printed("MigrationStatus DRY_RUN_COMPLETED"), dryRun.describe());
        assertTrue(dryRun.printed("summary| ") && dryRun.printed("CREATE TABLE"), dryRun.describe());
        try (Connection connection = InServerH2.connect(identityUrl)) {
            assertFalse(exists(connection, "FIDO2_DEVICE_STORE") || exists(connection, "IS_MIGRATION_HISTORY"),
                    "the dry run created nothing");
        }

        InServerBoot.Result migrate = boot(runtime, home, identityUrl, sharedUrl).withMigrateFlags().boot();
        assertEquals(InServerBoot.Result.IDENTITY_STARTED, migrate.exitCode(), migrate.describe());
        assertTrue(migrate.printed("bundle org.wso2.carbon.is.migration ACTIVE"), migrate.describe());
        int dataSources = migrate.indexOf(DATA_SOURCE_SERVICE);
        int client = migrate.indexOf(CLIENT);
        int succeeded = migrate.indexOf("MigrationStatus SUCCEEDED");
        int identity = migrate.indexOf(IDENTITY_STARTED);
        assertTrue(dataSources >= 0 && client > dataSources, "the component activated only after DataSourceService: "
                + migrate.describe());
        assertTrue(succeeded > client && identity > succeeded, "identity core started after the migration: "
                + migrate.describe());
        assertEquals(Arrays.asList(), differencesFrom590(identityUrl, false));
        assertEquals(Arrays.asList(), differencesFrom590(sharedUrl, true));
        long recorded = ledgerRows(identityUrl);
        assertTrue(recorded > 0, "the run is in the ledger");

        // A boot without -Dmigrate: no client, the status says so, and nothing is run or recorded.
        InServerBoot.Result plain = boot(runtime, home, identityUrl, sharedUrl).property("migrate", "false").boot();
        assertEquals(InServerBoot.Result.IDENTITY_STARTED, plain.exitCode(), plain.describe());
        assertTrue(plain.printed("MigrationStatus NOT_REQUESTED"), plain.describe());
        assertFalse(plain.printed(CLIENT), plain.describe());
        assertEquals(recorded, ledgerRows(identityUrl));
    }

    /**
     * Carbon 4.5's ndatasource registers DataSourceService only once the user realm exists, and identity core waits
     * for the realm, so identity core may activate before the migration client is registered: it fails its
     * activation ("Waiting for migration client.") and Equinox DS 1.4 activates it again when the client appears.
     * Felix SCR 2.2 does not retry a failed activation, so this order is proven on IS 5.9.0's runtime only.
     */
    @Test
    void identityCoreThatStartedFirstRunsTheMigrationWhenTheClientAppearsOnEquinoxDs() throws Exception {
        ServerRuntime runtime = ServerRuntime.EQUINOX_IS_5_9_0;
        Path home = IsHome.create("in-server-realm-first").withProjectResources().path();
        String identityUrl = "jdbc:h2:" + home.resolve("repository/database/WSO2IDENTITY_DB");
        String sharedUrl = "jdbc:h2:" + home.resolve("repository/database/WSO2SHARED_DB");
        create580(identityUrl, false);
        create580(sharedUrl, true);

        InServerBoot.Result boot = boot(runtime, home, identityUrl, sharedUrl).withMigrateFlags()
                .property("launcher.realmBeforeDataSourceService", "true").boot();

        assertEquals(InServerBoot.Result.IDENTITY_STARTED, boot.exitCode(), boot.describe());
        int waiting = boot.indexOf("STANDIN Waiting for migration client.");
        int client = boot.indexOf(CLIENT);
        int succeeded = boot.indexOf("MigrationStatus SUCCEEDED");
        assertTrue(waiting >= 0 && client > waiting && succeeded > client
                && boot.indexOf(IDENTITY_STARTED) > succeeded, boot.describe());
        assertEquals(Arrays.asList(), differencesFrom590(identityUrl, false));
        assertEquals(Arrays.asList(), differencesFrom590(sharedUrl, true));
    }

    /** Another bundle's {@code Migrator} service runs as a step of the config, recorded in the ledger. */
    @ParameterizedTest
    @EnumSource(ServerRuntime.class)
    void aMigratorPublishedByAnotherBundleRunsAsAStepOfTheConfig(ServerRuntime runtime) throws Exception {
        Path home = IsHome.create("in-server-custom-" + runtime.name().toLowerCase()).withProjectResources()
                .withConfig(String.join("\n",
                        "currentVersion: \"5.8.0\"",
                        "migrateVersion: \"5.9.0\"",
                        "versions:",
                        "  - version: \"5.9.0\"",
                        "    migratorConfigs:",
                        "      - {name: MarkerTableMigrator, order: 1, parameters: {schema: identity}}",
                        "")).path();
        String identityUrl = "jdbc:h2:" + home.resolve("repository/database/WSO2IDENTITY_DB");
        create580(identityUrl, false);

        InServerBoot.Result boot = InServerBoot.of(runtime).carbonHome(home).dataSource(IDENTITY, identityUrl)
                .bundle(StandInBundles.customMigrator()).withMigrateFlags().boot();

        assertEquals(InServerBoot.Result.IDENTITY_STARTED, boot.exitCode(), boot.describe());
        assertTrue(boot.printed("MigrationStatus SUCCEEDED"), boot.describe());
        try (Connection connection = InServerH2.connect(identityUrl)) {
            assertTrue(exists(connection, "CUSTOM_MARKER"), "the published migrator ran");
        }
        assertEquals(1, ledgerRows(identityUrl), "its step is in the ledger");
    }

    @ParameterizedTest
    @EnumSource(ServerRuntime.class)
    void aFailedMigrationStopsTheServerAndIdentityNeverStarts(ServerRuntime runtime) throws Exception {
        Path home = IsHome.create("in-server-fails-" + runtime.name().toLowerCase()).withProjectResources()
                .withConfig(unknownDataSourceConfig("true")).path();
        InServerBoot.Result boot = InServerBoot.of(runtime).carbonHome(home).withMigrateFlags().boot();

        assertEquals(InServerBoot.Result.FRAMEWORK_STOPPED, boot.exitCode(), boot.describe());
        assertTrue(boot.printed("MigrationStatus FAILED"), boot.describe());
        assertTrue(boot.printed("STANDIN activation failed"), "identity core's activation failed: " + boot.describe());
        assertFalse(boot.printed(IDENTITY_STARTED), boot.describe());
    }

    @ParameterizedTest
    @EnumSource(ServerRuntime.class)
    void aFailedMigrationLetsIdentityStartOnlyWhenTheConfigSaysSo(ServerRuntime runtime) throws Exception {
        Path home = IsHome.create("in-server-continues-" + runtime.name().toLowerCase()).withProjectResources()
                .withConfig(unknownDataSourceConfig("false")).path();
        InServerBoot.Result boot = InServerBoot.of(runtime).carbonHome(home).withMigrateFlags().boot();

        assertEquals(InServerBoot.Result.IDENTITY_STARTED, boot.exitCode(), boot.describe());
        assertTrue(boot.printed("MigrationStatus FAILED"), boot.describe());
    }

    @ParameterizedTest
    @EnumSource(ServerRuntime.class)
    void withoutTheFlagsNothingIsReadAndNoClientIsRegistered(ServerRuntime runtime) throws Exception {
        // carbon.home points nowhere: any attempt to read the config would fail the migration.
        Path nowhere = IsHome.create("in-server-no-flags-" + runtime.name().toLowerCase()).path()
                .resolve("no-such-home");
        InServerBoot.Result boot = InServerBoot.of(runtime).carbonHome(nowhere).boot();

        assertEquals(InServerBoot.Result.IDENTITY_STARTED, boot.exitCode(), boot.describe());
        assertTrue(boot.printed("MigrationStatus NOT_REQUESTED"), boot.describe());
        assertFalse(boot.printed(CLIENT), boot.describe());
    }

    private static InServerBoot boot(ServerRuntime runtime, Path home, String identityUrl, String sharedUrl) {
        return InServerBoot.of(runtime).carbonHome(home).dataSource(IDENTITY, identityUrl)
                .dataSource(SHARED, sharedUrl);
    }

    /** A config whose DataSource is bound nowhere (waiting 1 s for it). */
    private static String unknownDataSourceConfig(String stopServerOnFailure) {
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

    /** A fresh 5.8.0 database with rows, written by H2 1.4.199 as IS 5.8.0 writes it. */
    private static void create580(String url, boolean shared) throws Exception {
        try (Connection connection = InServerH2.connect(url)) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", shared));
            SampleData.fill(connection, 2);
        }
    }

    private static List<SchemaDifference> differencesFrom590(String url, boolean shared) throws Exception {
        try (Connection connection = InServerH2.connect(url)) {
            return SchemaComparer.compare(SchemaFacts.load("h2", "5.9.0", shared),
                    LiveSchemaReader.read(connection, Dialect.H2));
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            return tables.next();
        }
    }

    private static long ledgerRows(String url) throws SQLException {
        try (Connection connection = InServerH2.connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

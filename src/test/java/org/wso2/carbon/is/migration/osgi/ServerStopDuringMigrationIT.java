package org.wso2.carbon.is.migration.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;

/**
 * SIGTERM to a server in the middle of a migration, on IS 5.9.0's runtime (Equinox 3.14 + Equinox DS 1.4): the step
 * that was running ends at its next statement, is recorded INTERRUPTED, the lock is released and identity never
 * starts; the next boot with {@code -Dmigrate} continues where it stopped. The stop is proven with and without a
 * launcher hook that stops the framework, since Carbon 4.5's own hook ({@code CarbonServerManager.addShutdownHook},
 * which calls {@code EclipseStarter.shutdown()}) is registered only once Carbon has initialised, which may be after
 * the migration started; the resume, the same in both cases, once.
 */
class ServerStopDuringMigrationIT {

    private static final String IDENTITY = "jdbc/WSO2IdentityDB";
    private static final int TICKS = 50;

    @ParameterizedTest(name = "framework stopped by a shutdown hook: {0}")
    @ValueSource(booleans = {true, false})
    void sigtermDuringAStepRecordsItInterruptedAndTheNextBootContinuesIt(boolean frameworkStoppedOnShutdown)
            throws Exception {
        Path home = IsHome.create("in-server-sigterm-" + frameworkStoppedOnShutdown).withProjectResources()
                .withConfig(String.join("\n",
                        "currentVersion: \"5.8.0\"",
                        "migrateVersion: \"5.9.0\"",
                        "versions:",
                        "  - version: \"5.9.0\"",
                        "    migratorConfigs:",
                        "      - {name: TickingMigrator, order: 1, parameters: {ticks: \"" + TICKS + "\"}}",
                        "")).path();
        // As IS ships its H2 DataSources: the database is not closed by H2's own hook while the run still records.
        String identityUrl = "jdbc:h2:" + home.resolve("repository/database/WSO2IDENTITY_DB") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = InServerH2.connect(identityUrl)) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", false));
        }

        InServerBoot.Running server = boot(home, identityUrl)
                .property("launcher.stopFrameworkOnShutdown", Boolean.toString(frameworkStoppedOnShutdown)).start();
        if (!server.awaitPrinted("CUSTOM ticking from 1", 120)) {
            throw new AssertionError("the step never started: " + server.end().describe());
        }
        Thread.sleep(500);
        server.terminate();
        InServerBoot.Result stopped = server.end();

        assertEquals(InServerBoot.Result.TERMINATED, stopped.exitCode(), stopped.describe());
        assertTrue(stopped.printed("MIGRATION INTERRUPTED (the server is stopping)"), stopped.describe());
        assertFalse(stopped.printed("STANDIN identity core initialized"), stopped.describe());
        long ticksBefore;
        try (Connection connection = InServerH2.connect(identityUrl)) {
            assertEquals("INTERRUPTED", text(connection, "SELECT OUTCOME FROM IS_MIGRATION_HISTORY"),
                    stopped.describe());
            assertEquals("0", text(connection, "SELECT COUNT(*) FROM IS_MIGRATION_LOCK"), "the lock was released");
            ticksBefore = Long.parseLong(text(connection, "SELECT COUNT(*) FROM CUSTOM_TICKS"));
            assertTrue(ticksBefore > 0 && ticksBefore < TICKS, "stopped in the middle: " + ticksBefore + " ticks");
        }

        if (!frameworkStoppedOnShutdown) {
            return;
        }
        InServerBoot.Result resumed = boot(home, identityUrl).boot();

        assertEquals(InServerBoot.Result.IDENTITY_STARTED, resumed.exitCode(), resumed.describe());
        assertTrue(resumed.printed("CUSTOM ticking from " + (ticksBefore + 1)), resumed.describe());
        try (Connection connection = InServerH2.connect(identityUrl)) {
            assertEquals(Integer.toString(TICKS), text(connection, "SELECT COUNT(*) FROM CUSTOM_TICKS"));
            assertEquals("INTERRUPTED,SUCCESS",
                    text(connection, "SELECT GROUP_CONCAT(OUTCOME ORDER BY ID SEPARATOR ',') FROM IS_MIGRATION_HISTORY"));
        }
    }

    private static InServerBoot boot(Path home, String identityUrl) {
        return InServerBoot.of(ServerRuntime.EQUINOX_IS_5_9_0).carbonHome(home).dataSource(IDENTITY, identityUrl)
                .bundle(StandInBundles.customMigrator()).withMigrateFlags();
    }

    private static String text(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}

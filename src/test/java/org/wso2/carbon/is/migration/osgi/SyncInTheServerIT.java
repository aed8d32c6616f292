package org.wso2.carbon.is.migration.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.sync.SyncFixture;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.WorkDirectory;

/**
 * The data sync started as operators start it, with the server: the built bundle booted on IS 5.9.0's runtime
 * (Equinox 3.14 + Equinox DS 1.4, see {@link InServerBoot}), and on a newer one (Felix 7 + SCR 2.2), with
 * {@code -DprepareSync [-DgenerateDDL]} and then {@code -DsyncData}, {@code -DconfigFile} naming a sync.properties
 * whose DataSources are the JNDI names the server binds, on PostgreSQL (H2 is synced only through an H2 server, see
 * H2IsSyncedOnlyInServerModeTest). Each boot keeps the server up until the line an operator waits for is logged,
 * then stops the framework, as stopping the server does.
 */
class SyncInTheServerIT {

    private static final String OLD_IDENTITY = "jdbc/OLD_IDENTITY_DB";
    private static final String IDENTITY = "jdbc/WSO2IdentityDB";
    private static final String TABLES_IN_ORDER = "IDN_OAUTH2_ACCESS_TOKEN, IDN_OAUTH2_ACCESS_TOKEN_SCOPE,"
            + " IDN_IDENTITY_USER_DATA, IDN_OAUTH2_AUTHORIZATION_CODE";
    private static final String LAST_TABLE = "IDN_OAUTH2_AUTHORIZATION_CODE";
    private static final String THREADS_BEFORE_STOP = "threads before the framework stops: ";
    private static final String THREADS_LEFT = "threads after the framework stopped: ";

    @ParameterizedTest
    @EnumSource(ServerRuntime.class)
    void prepareSyncThenSyncDataCarryTheOldServersRowsAndStopWithTheServer(ServerRuntime runtime) throws Exception {
        SyncFixture fixture = SyncFixture.create(PostgresEngine.instance(), "5.8.0", "5.9.0");
        Path folder = WorkDirectory.of("in-server-sync-" + runtime.name());
        Path config = folder.resolve("sync.properties");
        Files.writeString(config, "sourceVersion=5.8.0\ntargetVersion=5.9.0\nsyncTables=" + SyncFixture.TABLES
                + "\nidentitySchema=" + OLD_IDENTITY + "," + IDENTITY + "\nsyncInterval=200\n");
        Files.deleteIfExists(folder.resolve("sync-ddl.sql"));

        // -DprepareSync -DgenerateDDL: the DDL for a DBA beside the config file, nothing run.
        InServerBoot.Result ddl = boot(runtime, fixture, config, "Data sync DDL written to")
                .property("prepareSync", "").property("generateDDL", "").boot();
        assertStartedAndStoppedCleanly(ddl);
        String script = Files.readString(folder.resolve("sync-ddl.sql"));
        assertTrue(script.contains("-- On the source database of identitySchema")
                && script.contains("CREATE TRIGGER ISS_T_IDN_OAUTH2_ACCESS_TOKEN AFTER")
                && script.contains("ON IDN_OAUTH2_ACCESS_TOKEN_SCOPE FOR EACH ROW"), script);
        assertEquals(0, toolObjects(fixture.source), "-DgenerateDDL changed nothing");

        // -DprepareSync: journals and triggers on the source (the old server's database).
        InServerBoot.Result prepare = boot(runtime, fixture, config, "Data sync prepared for")
                .property("prepareSync", "").boot();
        assertStartedAndStoppedCleanly(prepare);
        assertTrue(prepare.printed("IDN_OAUTH2_ACCESS_TOKEN: changes are journalled in ISS_J_IDN_OAUTH2_ACCESS_TOKEN"),
                prepare.describe());
        try (Connection source = fixture.source.connect()) {
            assertTrue(CatalogLookup.tableExists(source, "ISS_DEAD_LETTER"), prepare.describe());
            assertEquals(4, count(source, "SELECT COUNT(*) FROM pg_trigger WHERE tgname LIKE 'iss!_t!_%' ESCAPE '!'"),
                    "one trigger per synced table");
        }

        // The old server goes on writing; every change is journalled.
        try (Connection writer = fixture.source.connect()) {
            for (int i = 0; i < 5; i++) {
                SyncFixture.insertToken(writer, "t" + i, "user" + i, "PRIMARY", "openid", "email");
            }
            SyncFixture.revokeToken(writer, "t1");
            SyncFixture.deleteToken(writer, "t3");
            SyncFixture.putUserData(writer, "alice", "lastLogon", "1");
        }
        assertEquals(List.of(), column(fixture.target, "SELECT TOKEN_ID FROM IDN_OAUTH2_ACCESS_TOKEN"));

        // -DsyncData: the running component carries them over and says so; it stops with the server.
        InServerBoot.Result run = boot(runtime, fixture, config, "No data to sync for: " + LAST_TABLE)
                .property("syncData", "").boot();
        assertStartedAndStoppedCleanly(run);
        assertTrue(run.lineWith(THREADS_BEFORE_STOP).contains("is-sync"), "it ran until the server stopped: "
                + run.describe());
        for (String table : TABLES_IN_ORDER.split(", ")) {
            assertTrue(run.printed("No data to sync for: " + table), run.describe());
        }
        assertEquals(List.of("t0", "t1", "t2", "t4"),
                column(fixture.target, "SELECT TOKEN_ID FROM IDN_OAUTH2_ACCESS_TOKEN ORDER BY TOKEN_ID"));
        assertEquals(List.of("REVOKED"),
                column(fixture.target, "SELECT TOKEN_STATE FROM IDN_OAUTH2_ACCESS_TOKEN WHERE TOKEN_ID = 't1'"));
        assertEquals(column(fixture.source, "SELECT TOKEN_ID || ' ' || TOKEN_SCOPE FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE"
                        + " ORDER BY 1"),
                column(fixture.target, "SELECT TOKEN_ID || ' ' || TOKEN_SCOPE FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE"
                        + " ORDER BY 1"));
        assertEquals(List.of("alice lastLogon 1"), column(fixture.target,
                "SELECT USER_NAME || ' ' || DATA_KEY || ' ' || DATA_VALUE FROM IDN_IDENTITY_USER_DATA"));
        try (Connection source = fixture.source.connect()) {
            assertEquals(0, count(source, "SELECT COUNT(*) FROM ISS_J_IDN_OAUTH2_ACCESS_TOKEN"), "drained");
        }
    }

    /**
     * The server came up (identity started), the awaited line was logged, and once the framework stopped no thread
     * of the sync was left and nothing failed.
     */
    private static void assertStartedAndStoppedCleanly(InServerBoot.Result boot) {
        assertEquals(InServerBoot.Result.IDENTITY_STARTED, boot.exitCode(), boot.describe());
        assertTrue(boot.printed("bundle org.wso2.carbon.is.migration ACTIVE"), boot.describe());
        String threads = boot.lineWith(THREADS_LEFT);
        assertTrue(threads != null && !threads.substring(threads.indexOf(THREADS_LEFT)).contains("is-sync"),
                "the sync's thread ended with the framework: " + boot.describe());
        assertFalse(boot.printed("The data sync stopped") || boot.printed("ERROR"), boot.describe());
    }

    private static InServerBoot boot(ServerRuntime runtime, SyncFixture fixture, Path config,
                                     String stopWhenPrinted) {
        return InServerBoot.of(runtime)
                .dataSource(OLD_IDENTITY, fixture.source.url()).dataSource(IDENTITY, fixture.target.url())
                .property("configFile", config.toString()).property("launcher.stopWhenPrinted", stopWhenPrinted);
    }

    /** The tables, triggers and functions of the sync tool in the source database. */
    private static long toolObjects(TestDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            return count(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema ="
                    + " current_schema() AND table_name LIKE 'iss!_%' ESCAPE '!'")
                    + count(connection, "SELECT COUNT(*) FROM pg_trigger WHERE tgname LIKE 'iss!_%' ESCAPE '!'");
        }
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> column(TestDatabase database, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}

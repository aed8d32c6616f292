package org.wso2.carbon.is.migration.osgi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.sync.SyncFixture;
import org.wso2.carbon.is.migration.testsupport.NamedDataSources;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;

/**
 * The in-server start of the data sync as the component does it, with the server's DataSources found by the JNDI
 * names of sync.properties (here a name lookup standing in for JNDI), on PostgreSQL: {@code -DprepareSync
 * -DgenerateDDL} writes the DDL and changes nothing, {@code -DprepareSync} prepares, {@code -DsyncData} applies
 * changes until the component stops it; without the flags nothing starts. (Not booted in an OSGi framework here.)
 */
class ServerSyncTest {

    @TempDir
    Path folder;

    @Test
    void theServerFlagsPrepareAndRunTheSyncOnAThreadOfTheirOwn() throws Exception {
        SyncFixture fixture = SyncFixture.create(PostgresEngine.instance(), "5.8.0", "5.9.0");
        Path config = folder.resolve("sync.properties");
        Files.writeString(config, "sourceVersion=5.8.0\ntargetVersion=5.9.0\nsyncTables=" + SyncFixture.TABLES
                + "\nidentitySchema=jdbc/OLD_IDENTITY_DB,jdbc/WSO2IdentityDB\nsyncInterval=100\n");
        DataSourceLocator jndi = NamedDataSources.of(Map.of(
                "jdbc/OLD_IDENTITY_DB", SyncFixture.dataSource(fixture.source),
                "jdbc/WSO2IdentityDB", SyncFixture.dataSource(fixture.target)));

        assertNull(ServerSync.startIfRequested(name -> null, () -> {
            throw new AssertionError("nothing is looked up without the flags");
        }));

        finish(ServerSync.startIfRequested(Map.of("prepareSync", "", "generateDDL", "",
                "configFile", config.toString())::get, () -> jndi));
        assertTrue(Files.readString(folder.resolve("sync-ddl.sql")).contains("CREATE TRIGGER"));
        try (Connection source = fixture.source.connect()) {
            assertFalse(CatalogLookup.tableExists(source, "ISS_DEAD_LETTER"), "-DgenerateDDL changes nothing");
        }

        finish(ServerSync.startIfRequested(Map.of("prepareSync", "true", "configFile", config.toString())::get,
                () -> jndi));
        try (Connection source = fixture.source.connect()) {
            assertTrue(CatalogLookup.tableExists(source, "ISS_DEAD_LETTER"), "-DprepareSync prepared the source");
            SyncFixture.putUserData(source, "alice", "k", "v");
        }

        ServerSync running = ServerSync.startIfRequested(Map.of("syncData", "", "configFile", config.toString())::get,
                () -> jndi);
        long deadline = System.currentTimeMillis() + 30_000;
        while (targetRows(fixture) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(targetRows(fixture) == 1, "-DsyncData applied the change");
        assertTrue(running.running(), "and keeps running until the server stops");
        running.stop(10_000);
        assertFalse(running.running());
    }

    private static void finish(ServerSync sync) throws InterruptedException {
        for (int i = 0; i < 300 && sync.running(); i++) {
            Thread.sleep(100);
        }
        assertFalse(sync.running());
    }

    private static long targetRows(SyncFixture fixture) throws Exception {
        try (Connection target = fixture.target.connect(); Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM IDN_IDENTITY_USER_DATA")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;

/** sync.properties as operators of the old tool write it: every key, its default, and the refusals. */
class SyncSettingsTest {

    @TempDir
    Path folder;

    @Test
    void theOldToolsFileIsReadWithItsDefaults() throws Exception {
        Path file = folder.resolve("sync.properties");
        Files.writeString(file, String.join("\n",
                "sourceVersion=5.7.0",
                "targetVersion=5.9.0",
                "syncTables=IDN_OAUTH2_ACCESS_TOKEN, idn_oauth2_access_token_scope,IDN_IDENTITY_USER_DATA",
                "identitySchema=jdbc/WSO2IdentityDB, jdbc/WSO2IdentityDB_new",
                "umSchema=jdbc/WSO2UMDB,jdbc/WSO2UMDB_new"));
        SyncSettings settings = SyncSettings.load(file);
        assertEquals("5.7.0", settings.sourceVersion());
        assertEquals("5.9.0", settings.targetVersion());
        assertEquals(List.of("IDN_OAUTH2_ACCESS_TOKEN", "IDN_OAUTH2_ACCESS_TOKEN_SCOPE", "IDN_IDENTITY_USER_DATA"),
                settings.tables());
        assertEquals("jdbc/WSO2IdentityDB", settings.sourceDataSource(SyncSchema.IDENTITY));
        assertEquals("jdbc/WSO2IdentityDB_new", settings.targetDataSource(SyncSchema.IDENTITY));
        assertEquals("jdbc/WSO2UMDB_new", settings.targetDataSource(SyncSchema.UM));
        assertNull(settings.sourceDataSource(SyncSchema.REGISTRY));
        assertEquals(100, settings.batchSize());
        assertEquals(5000, settings.syncIntervalMillis());
        assertEquals(5, settings.maxAttempts());
        assertEquals(1000, settings.retryBackoffMillis());
        assertNull(settings.pauseFile());
        assertEquals(0, settings.maxRowsPerSecond());
    }

    @Test
    void tablesAreCheckedAgainstTheSourceReleaseBeforeAnyReachesSql() throws Exception {
        SyncSettings settings = settings("syncTables", "IDN_OAUTH2_ACCESS_TOKEN,IDN_OAUTH2_ACCESS_TOKEN_AUDIT,"
                + "IDN_TOKEN; DROP TABLE IDP,UM_USER,IDN_AUTH_USER");
        MigrationException refused = assertThrows(MigrationException.class,
                () -> SyncTables.resolve(settings, "postgresql"));
        assertEquals(ErrorCode.BAD_CONFIGURATION, refused.errorCode());
        String message = refused.getMessage();
        assertTrue(message.contains("IDN_OAUTH2_ACCESS_TOKEN_AUDIT has no primary key in IS 5.7.0"), message);
        assertTrue(message.contains("IDN_TOKEN; DROP TABLE IDP is not a table of IS 5.7.0"), message);
        assertTrue(message.contains("UM_USER is in the umSchema database, which is not configured"), message);
        assertTrue(message.contains("IDN_AUTH_USER is not a table of IS 5.7.0"), message);
        assertTrue(!message.contains("IDN_OAUTH2_ACCESS_TOKEN is"), message);
    }

    @Test
    void syncedTablesComeParentsFirstWhateverTheConfiguredOrder() throws Exception {
        SyncSettings settings = settings("syncTables", "IDN_OAUTH2_ACCESS_TOKEN_SCOPE,IDN_OAUTH2_ACCESS_TOKEN");
        assertEquals(List.of("IDN_OAUTH2_ACCESS_TOKEN", "IDN_OAUTH2_ACCESS_TOKEN_SCOPE"),
                SyncTables.resolve(settings, "mysql").stream().map(SyncedTable::name).toList());
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertRefused("batchSize", "0", "batchSize = '0': it must be greater than 0");
        assertRefused("syncInterval", "5s", "syncInterval = '5s': not a whole number");
        assertRefused("identitySchema", "jdbc/WSO2IdentityDB", "write it as sourceJNDI,targetJNDI");
        assertRefused("sourceVersion", "5.6.1", "sourceVersion = '5.6.1': not a release");
        assertRefused("targetVersion", "5.7.0", "it is older than sourceVersion 5.8.0");
    }

    @Test
    void namesOfWhatTheToolCreatesFitThirtyCharactersAndStayApart() {
        String scope = SyncNames.journal("IDN_OAUTH2_ACCESS_TOKEN_SCOPE");
        String audit = SyncNames.journal("IDN_OAUTH2_ACCESS_TOKEN_AUDIT");
        assertTrue(scope.length() <= 30 && audit.length() <= 30, scope + " " + audit);
        assertTrue(!scope.equals(audit), scope);
        assertEquals("ISS_J_IDN_IDENTITY_USER_DATA", SyncNames.journal("IDN_IDENTITY_USER_DATA"));
    }

    private void assertRefused(String key, String value, String expected) {
        MigrationException refused = assertThrows(MigrationException.class, () -> {
            Properties properties = base();
            if (key.equals("targetVersion")) {
                properties.setProperty("sourceVersion", "5.8.0");
            }
            properties.setProperty(key, value);
            SyncSettings.of(properties, "sync.properties");
        });
        assertEquals(ErrorCode.BAD_CONFIGURATION, refused.errorCode());
        assertTrue(refused.getMessage().startsWith("sync.properties: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private static SyncSettings settings(String key, String value) throws MigrationException {
        Properties properties = base();
        properties.setProperty(key, value);
        return SyncSettings.of(properties, "sync.properties");
    }

    private static Properties base() {
        Properties properties = new Properties();
        properties.setProperty("sourceVersion", "5.7.0");
        properties.setProperty("targetVersion", "5.9.0");
        properties.setProperty("syncTables", "IDN_OAUTH2_ACCESS_TOKEN");
        properties.setProperty("identitySchema", "jdbc/A,jdbc/B");
        return properties;
    }
}

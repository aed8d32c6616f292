package org.wso2.carbon.is.migration.bench;

import java.util.Properties;

import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.sync.SyncDatabases;
import org.wso2.carbon.is.migration.sync.SyncFixture;
import org.wso2.carbon.is.migration.sync.SyncProgress;
import org.wso2.carbon.is.migration.sync.SyncRun;
import org.wso2.carbon.is.migration.sync.SyncSchema;
import org.wso2.carbon.is.migration.sync.SyncSettings;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * The 5.7.0 source identity database the old server keeps writing, its copy migrated to 5.9.0, and the sync tool's
 * settings for them: the four tables the vendor's guide syncs, every other key at its default ({@code batchSize}
 * 100, {@code syncInterval} 5000 ms). The source is reached without MariaDB bulk batches, as the README tells
 * operators to configure the old server while the triggers exist.
 */
record SyncedPair(TestDatabase source, TestDatabase target, SyncSettings settings, SyncDatabases databases) {

    static final String TABLES = "IDN_OAUTH2_ACCESS_TOKEN, IDN_OAUTH2_ACCESS_TOKEN_SCOPE,"
            + " IDN_OAUTH2_AUTHORIZATION_CODE, IDN_IDENTITY_USER_DATA";

    static SyncedPair of(TestDatabase source, TestDatabase target) throws MigrationException {
        TestDatabase writable = SyncFixture.withoutBulkInserts(source);
        Properties properties = new Properties();
        properties.setProperty("sourceVersion", "5.7.0");
        properties.setProperty("targetVersion", "5.9.0");
        properties.setProperty("syncTables", TABLES);
        properties.setProperty("identitySchema", "jdbc/WSO2IdentityDB,jdbc/WSO2IdentityDB59");
        SyncDatabases databases = new SyncDatabases().with(SyncSchema.IDENTITY, SyncFixture.dataSource(writable),
                SyncFixture.dataSource(target));
        return new SyncedPair(writable, target, SyncSettings.of(properties, "sync.properties"), databases);
    }

    /** A run of the tool in this process, its progress lines dropped. */
    SyncRun newRun() throws MigrationException {
        return new SyncRun(settings, databases, new SyncProgress(line -> { }));
    }

    /** Passes until one applies nothing and no table has a backlog; returns the rows applied. */
    static long drain(SyncRun run) {
        long total = 0;
        while (true) {
            long applied = run.pass();
            total += applied;
            if (applied == 0 && run.status().stream().allMatch(table -> table.pending() == 0)) {
                return total;
            }
        }
    }
}

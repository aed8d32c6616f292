package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationException;

/**
 * {@code sync cleanup}: removes from every configured source database whatever the tool created there (triggers
 * first, so that nothing writes to a journal being dropped, then trigger functions, journals and the dead-letter
 * table), found in the catalog by name rather than from the configuration, so that tables dropped from
 * {@code syncTables} since are cleaned too. Running it again finds nothing and removes nothing.
 */
public final class SyncCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(SyncCleanup.class);

    private final SyncSettings settings;
    private final SyncDatabases databases;

    public SyncCleanup(SyncSettings settings, SyncDatabases databases) {
        this.settings = settings;
        this.databases = databases;
    }

    /** Drops everything; returns the statements run, one per object removed. */
    public List<String> run() throws MigrationException {
        List<String> removed = new ArrayList<>();
        for (SyncSchema schema : settings.schemas()) {
            try (Connection source = databases.source(schema)) {
                List<String> drops = SyncDdl.of(databases.sourceDialect(schema)).leftovers(source);
                try (Statement statement = source.createStatement()) {
                    for (String drop : drops) {
                        statement.execute(drop);
                        LOG.info("{}: {}", schema.propertyKey(), drop);
                    }
                }
                source.commit();
                removed.addAll(drops);
            } catch (SQLException e) {
                throw new MigrationException("sync cleanup failed on the source database of "
                        + schema.propertyKey() + ": " + e.getMessage(), e);
            }
        }
        if (removed.isEmpty()) {
            LOG.info("sync cleanup: nothing of the sync tool is left in the source databases");
        }
        return removed;
    }
}

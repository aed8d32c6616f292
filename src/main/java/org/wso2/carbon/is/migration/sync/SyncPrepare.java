package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.database.DialectDetector;
import org.wso2.carbon.is.migration.sql.StatementRunner;
import org.wso2.carbon.is.migration.sql.StatementSplitter;

/**
 * {@code sync prepare}: on each source database, the dead-letter table and, per synced table, its journal and
 * triggers. Re-runnable: what exists is kept (a journal's pending entries too) and the triggers are replaced. Run it
 * before the copy of the source is taken for the migration, so that every change after the copy is journalled.
 */
public final class SyncPrepare {

    private static final Logger LOG = LoggerFactory.getLogger(SyncPrepare.class);

    private final SyncSettings settings;
    private final SyncDatabases databases;

    public SyncPrepare(SyncSettings settings, SyncDatabases databases) {
        this.settings = settings;
        this.databases = databases;
    }

    /** Creates the journals and triggers; returns the tables now journalled. */
    public List<SyncedTable> run() throws MigrationException {
        Map<SyncSchema, String> scripts = scripts();
        List<SyncedTable> tables = tables();
        for (Map.Entry<SyncSchema, String> script : scripts.entrySet()) {
            Dialect dialect = sourceDialect(script.getKey());
            SyncDdl ddl = SyncDdl.of(dialect);
            try (Connection source = databases.source(script.getKey())) {
                new StatementRunner(StatementRunner.NO_LISTENER).run(source, StatementSplitter.split(
                        script.getValue(), "sync prepare " + script.getKey().propertyKey(), dialect));
                source.commit();
            } catch (SQLException e) {
                throw new MigrationException(failed(script.getKey(), e.getMessage(), ddl), e);
            } catch (MigrationException e) {
                // a statement that failed or would not parse: its own error code (and exit code) is kept
                throw new MigrationException(e.errorCode(), failed(script.getKey(), e.getMessage(), ddl), e);
            }
        }
        for (SyncedTable table : tables) {
            LOG.info("{}: changes are journalled in {}", table.name(), table.journal());
        }
        return tables;
    }

    /** The message of a prepare that failed on {@code schema}'s source: the cause, the engine's hint, what is left. */
    private String failed(SyncSchema schema, String cause, SyncDdl ddl) {
        return "sync prepare failed on the source database of " + schema.propertyKey() + ": " + cause
                + ddl.failureHint(cause) + leftBehind(schema);
    }

    /**
     * What a failed prepare left on the source database, read from its catalog: where DDL is transactional
     * (PostgreSQL, SQL Server) the script is rolled back, but MySQL, MariaDB and Oracle commit each CREATE, so the
     * objects made before the failing one stay. They are harmless (a re-run keeps them and makes the rest), yet the
     * operator is told, so that a source is not left journalling some of its tables unnoticed.
     */
    private String leftBehind(SyncSchema schema) {
        try (Connection source = databases.source(schema)) {
            List<String> drops = SyncDdl.of(DialectDetector.detect(source.getMetaData())).leftovers(source);
            source.commit();
            if (drops.isEmpty()) {
                return "\nNothing of the sync tool is on that database.";
            }
            return "\nWhat it created before the failure is still there (run prepare again once the cause is"
                    + " fixed, or `sync cleanup`, which would run: " + String.join("; ", drops) + ")";
        } catch (SQLException | MigrationException e) {
            return "\nWhat it left there could not be read: " + e.getMessage();
        }
    }

    /** The DDL {@link #run} would run, per source database, for a DBA to run instead ({@code --ddl-only}). */
    public Map<SyncSchema, String> scripts() throws MigrationException {
        Map<SyncSchema, List<SyncedTable>> bySchema = new LinkedHashMap<>();
        for (SyncedTable table : tables()) {
            bySchema.computeIfAbsent(table.schema(), schema -> new ArrayList<>()).add(table);
        }
        Map<SyncSchema, String> scripts = new LinkedHashMap<>();
        for (Map.Entry<SyncSchema, List<SyncedTable>> schema : bySchema.entrySet()) {
            try (Connection source = databases.source(schema.getKey())) {
                SyncDdl ddl = SyncDdl.of(databases.sourceDialect(schema.getKey()));
                ddl.checkReachableBesideTheOldServer(source);
                List<String> otherTriggers = ddl.otherTriggers(source);
                source.commit();
                scripts.put(schema.getKey(), ddl.prepareScript(schema.getValue(), otherTriggers));
                explainForeignKeyDeletes(ddl, schema.getValue(), otherTriggers);
            } catch (SQLException e) {
                throw new MigrationException("Cannot reach the source database of "
                        + schema.getKey().propertyKey() + ": " + e.getMessage(), e);
            }
        }
        return scripts;
    }

    /** Says which tables leave the rows their foreign keys delete to the target, or why none does. */
    private static void explainForeignKeyDeletes(SyncDdl ddl, List<SyncedTable> tables, List<String> otherTriggers) {
        for (SyncedTable table : tables) {
            if (ddl.skipsForeignKeyDeletes(table, otherTriggers)) {
                LOG.info("{}: rows its foreign keys delete are not journalled: the run applies their parent's delete,"
                        + " and the target's same foreign key deletes them there", table.name());
            } else if (ddl.skipsForeignKeyDeletes(table, Collections.<String>emptyList())) {
                LOG.warn("{}: every delete is journalled, also the rows its foreign keys delete, because the source"
                        + " has triggers that are not the sync tool's, which could delete rows the same way: {}",
                        table.name(), String.join(", ", otherTriggers));
            }
        }
    }

    private List<SyncedTable> tables() throws MigrationException {
        return SyncTables.resolve(settings, SyncTables.factsDialect(sourceDialect(settings.schemas().iterator()
                .next())));
    }

    private Dialect sourceDialect(SyncSchema schema) throws MigrationException {
        try {
            return databases.sourceDialect(schema);
        } catch (SQLException e) {
            throw new MigrationException("Cannot reach the source database of " + schema.propertyKey() + ": "
                    + e.getMessage(), e);
        }
    }
}

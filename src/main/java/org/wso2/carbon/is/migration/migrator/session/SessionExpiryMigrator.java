package org.wso2.carbon.is.migration.migrator.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.chunk.ChunkSettings;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.migrator.ChunkParameters;
import org.wso2.carbon.is.migration.migrator.ChunkedUpdate;
import org.wso2.carbon.is.migration.migrator.MigratorParameters;

/**
 * The 5.6.0 session step ({@code SessionDataMigrator}, the old client's name): 5.6.0 added
 * IDN_AUTH_SESSION_STORE.EXPIRY_TIME and its clean-up task deletes the rows whose EXPIRY_TIME has passed; rows written
 * before have none, so they would never be cleaned up. The server writes a row's EXPIRY_TIME as its TIME_CREATED (in
 * nanoseconds) plus the row's validity in nanoseconds, which for rows without a validity of their own is the
 * session clean-up timeout (identity.xml {@code JDBCPersistenceManager.SessionDataPersist.SessionDataCleanUp
 * .CleanUpTimeout}, in minutes, 20160 when not set). Each row with EXPIRY_TIME NULL gets TIME_CREATED plus that
 * timeout in nanoseconds. (The old client added the number of minutes itself to the nanoseconds, so every migrated
 * session expired at once.) Rows that have an EXPIRY_TIME keep it, so a re-run changes nothing.
 *
 * <p>Parameters: {@code schema} (default {@code identity}), {@code cleanUpTimeoutMinutes} (the deployment's
 * CleanUpTimeout, default 20160), and the chunking parameters of {@link ChunkParameters}; the table is walked in
 * chunks ({@link ChunkedUpdate}).
 */
public final class SessionExpiryMigrator implements Migrator {

    public static final String NAME = "SessionDataMigrator";
    static final String TABLE = "IDN_AUTH_SESSION_STORE";
    /** IdentityConstants.ServerConfig.CLEAN_UP_TIMEOUT_DEFAULT, minutes. */
    static final int DEFAULT_CLEAN_UP_TIMEOUT_MINUTES = 20160;
    private static final String REVISION = "1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepIdentity identify(Map<String, String> parameters) throws MigrationException {
        return MigratorParameters.onSchemaOrIdentity(parameters);
    }

    @Override
    public StepPlan plan(MigrationContext context) throws MigrationException {
        String schema = context.parameter("schema", "identity");
        int minutes = timeout(context);
        ChunkSettings settings = ChunkParameters.of(NAME, context);
        MigrationDatabase database = context.database(schema);
        List<String> actions = new ArrayList<>();
        try (Connection connection = database.connect()) {
            DatabaseEngine engine = DatabaseEngine.of(database.dialect());
            if (!CatalogLookup.columnExists(connection, TABLE, "EXPIRY_TIME")) {
                actions.add(TABLE + ".EXPIRY_TIME is not there yet: the 5.6.0 step1 script, earlier in this run, adds"
                        + " it; then every existing row gets TIME_CREATED + " + minutes + " minutes");
            } else {
                ChunkedUpdate update = update(minutes);
                actions.add(TABLE + ": " + settings.describe() + ", one UPDATE per chunk committed with its"
                        + " checkpoint: " + update.sample(connection, engine));
                if (context.dryRun()) {
                    long rows = update.rowsNeeded(connection);
                    context.progress().rows(rows);
                    actions.add(TABLE + ": would set EXPIRY_TIME of " + rows + " rows");
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new MigrationException(NAME + ": could not read the " + schema + " database: " + e.getMessage(), e);
        }
        return new StepPlan(schema, "set EXPIRY_TIME of existing sessions to TIME_CREATED + " + minutes
                + " minutes (cleanUpTimeoutMinutes)", "java:" + NAME + ":" + REVISION + ":" + minutes, actions);
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        String schema = context.parameter("schema", "identity");
        ChunkSettings settings = ChunkParameters.of(NAME, context);
        MigrationDatabase database = context.database(schema);
        try (Connection connection = database.connect()) {
            update(timeout(context)).apply(connection, DatabaseEngine.of(database.dialect()), settings,
                    context.progress());
        } catch (SQLException e) {
            throw new MigrationException(NAME + ": " + e.getMessage()
                    + " (chunks committed before this stay done; a re-run continues after the last of them)", e);
        }
    }

    private static int timeout(MigrationContext context) throws MigrationException {
        return MigratorParameters.positiveInt(NAME, context, "cleanUpTimeoutMinutes",
                DEFAULT_CLEAN_UP_TIMEOUT_MINUTES);
    }

    static ChunkedUpdate update(int minutes) {
        return new ChunkedUpdate(TABLE, "SESSION_ID", "EXPIRY_TIME = TIME_CREATED + ?", "EXPIRY_TIME IS NULL", TABLE,
                TimeUnit.MINUTES.toNanos(minutes));
    }
}

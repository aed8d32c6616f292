package org.wso2.carbon.is.migration.migrator;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.chunk.ChunkSettings;

/**
 * A data step's chunk settings from its {@code parameters}: {@code chunkTargetMillis}, {@code batchSize} (alone: a
 * fixed chunk size, as in the old client), {@code minChunkSize}, {@code maxChunkSize}, {@code pauseMillis},
 * {@code progressIntervalSeconds}; every one optional (see {@link ChunkSettings} for the defaults).
 */
public final class ChunkParameters {

    private ChunkParameters() {
    }

    public static ChunkSettings of(String migrator, MigrationContext context) throws MigrationException {
        boolean fixed = context.parameters().containsKey("batchSize")
                && !context.parameters().containsKey("chunkTargetMillis");
        int batchSize = MigratorParameters.positiveInt(migrator, context, "batchSize",
                ChunkSettings.DEFAULT_INITIAL_SIZE);
        long target = MigratorParameters.positiveInt(migrator, context, "chunkTargetMillis",
                (int) ChunkSettings.DEFAULT_TARGET_MILLIS);
        int min = MigratorParameters.positiveInt(migrator, context, "minChunkSize", ChunkSettings.DEFAULT_MIN_SIZE);
        int max = MigratorParameters.positiveInt(migrator, context, "maxChunkSize", ChunkSettings.DEFAULT_MAX_SIZE);
        long pause = MigratorParameters.nonNegativeLong(migrator, context, "pauseMillis", 0);
        long interval = MigratorParameters.positiveInt(migrator, context, "progressIntervalSeconds",
                (int) ChunkSettings.DEFAULT_PROGRESS_SECONDS);
        try {
            return new ChunkSettings(fixed ? batchSize : null, target, batchSize, min, max, pause, interval);
        } catch (IllegalArgumentException e) {
            // Each value is valid alone (checked above, naming the parameter); the settings check how they combine.
            throw new MigrationException(migrator + ": " + e.getMessage(), e);
        }
    }
}

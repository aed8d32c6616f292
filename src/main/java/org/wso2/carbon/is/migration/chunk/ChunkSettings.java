package org.wso2.carbon.is.migration.chunk;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.migrator.MigratorParameters;

/**
 * How a chunked data step paces itself, from its {@code parameters} (every one optional):
 *
 * <ul>
 * <li>{@code chunkTargetMillis} (default 500): the time each chunk should take; chunk sizes adapt to it
 *     ({@link AdaptiveChunkSizer}), between {@code minChunkSize} (default 100) and {@code maxChunkSize} (default
 *     200000) rows, starting from {@code batchSize} (default 1000).</li>
 * <li>{@code batchSize} alone (without {@code chunkTargetMillis}): every chunk covers that many rows, as in
 *     the old client, whose parameter this is.</li>
 * <li>{@code pauseMillis} (default 0): a pause after every chunk, so that the migration leaves the database room for
 *     live traffic.</li>
 * <li>{@code progressIntervalSeconds} (default 10): how often the progress line is logged.</li>
 * </ul>
 */
public final class ChunkSettings {

    static final long DEFAULT_TARGET_MILLIS = 500;
    static final int DEFAULT_INITIAL_SIZE = 1_000;
    static final int DEFAULT_MIN_SIZE = 100;
    static final int DEFAULT_MAX_SIZE = 200_000;
    static final long DEFAULT_PROGRESS_SECONDS = 10;

    private final Integer fixedSize;
    private final long targetMillis;
    private final int initialSize;
    private final int minSize;
    private final int maxSize;
    private final long pauseMillis;
    private final long progressIntervalSeconds;

    ChunkSettings(Integer fixedSize, long targetMillis, int initialSize, int minSize, int maxSize, long pauseMillis,
                  long progressIntervalSeconds) {
        this.fixedSize = fixedSize;
        this.targetMillis = targetMillis;
        this.initialSize = initialSize;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.pauseMillis = pauseMillis;
        this.progressIntervalSeconds = progressIntervalSeconds;
    }

    public static ChunkSettings of(String migrator, MigrationContext context) throws MigrationException {
        boolean fixed = context.parameters().containsKey("batchSize")
                && !context.parameters().containsKey("chunkTargetMillis");
        int batchSize = MigratorParameters.positiveInt(migrator, context, "batchSize", DEFAULT_INITIAL_SIZE);
        long target = MigratorParameters.positiveInt(migrator, context, "chunkTargetMillis",
                (int) DEFAULT_TARGET_MILLIS);
        int min = MigratorParameters.positiveInt(migrator, context, "minChunkSize", DEFAULT_MIN_SIZE);
        int max = MigratorParameters.positiveInt(migrator, context, "maxChunkSize", DEFAULT_MAX_SIZE);
        if (max < min) {
            throw new MigrationException(migrator + ": maxChunkSize (" + max + ") is smaller than minChunkSize ("
                    + min + ")");
        }
        long pause = MigratorParameters.nonNegativeLong(migrator, context, "pauseMillis", 0);
        long interval = MigratorParameters.positiveInt(migrator, context, "progressIntervalSeconds",
                (int) DEFAULT_PROGRESS_SECONDS);
        return new ChunkSettings(fixed ? batchSize : null, target, batchSize, min, max, pause, interval);
    }

    /** A new sizer for one walk. */
    public ChunkSizer sizer() {
        return fixedSize != null ? ChunkSizer.fixed(fixedSize)
                : new AdaptiveChunkSizer(targetMillis, initialSize, minSize, maxSize);
    }

    public long progressIntervalNanos() {
        return TimeUnit.SECONDS.toNanos(progressIntervalSeconds);
    }

    /** One line for the plan and the report. */
    public String describe() {
        String size = fixedSize != null ? fixedSize + " rows per chunk"
                : "chunks sized to take about " + targetMillis + " ms (" + minSize + ".." + maxSize + " rows, first "
                + initialSize + ")";
        return size + (pauseMillis > 0 ? ", pausing " + pauseMillis + " ms after each" : "");
    }

    public Integer fixedSize() {
        return fixedSize;
    }

    public long targetMillis() {
        return targetMillis;
    }

    public int initialSize() {
        return initialSize;
    }

    public int minSize() {
        return minSize;
    }

    public int maxSize() {
        return maxSize;
    }

    public long pauseMillis() {
        return pauseMillis;
    }

    public long progressIntervalSeconds() {
        return progressIntervalSeconds;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ChunkSettings)) {
            return false;
        }
        ChunkSettings other = (ChunkSettings) o;
        return Objects.equals(fixedSize, other.fixedSize) && targetMillis == other.targetMillis
                && initialSize == other.initialSize && minSize == other.minSize && maxSize == other.maxSize
                && pauseMillis == other.pauseMillis && progressIntervalSeconds == other.progressIntervalSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fixedSize, targetMillis, initialSize, minSize, maxSize, pauseMillis,
                progressIntervalSeconds);
    }

    @Override
    public String toString() {
        return "ChunkSettings[fixedSize=" + fixedSize + ", targetMillis=" + targetMillis + ", initialSize="
                + initialSize + ", minSize=" + minSize + ", maxSize=" + maxSize + ", pauseMillis=" + pauseMillis
                + ", progressIntervalSeconds=" + progressIntervalSeconds + "]";
    }
}

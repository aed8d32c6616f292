package org.wso2.carbon.is.migration.chunk;

import java.util.Objects;
import java.util.concurrent.TimeUnit;


/**
 * How a chunked walk paces itself. Data steps take it from their {@code parameters} (every one optional; see
 * {@code migrator.ChunkParameters}):
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

    public static final long DEFAULT_TARGET_MILLIS = 500;
    public static final int DEFAULT_INITIAL_SIZE = 1_000;
    public static final int DEFAULT_MIN_SIZE = 100;
    public static final int DEFAULT_MAX_SIZE = 200_000;
    public static final long DEFAULT_PROGRESS_SECONDS = 10;

    private final Integer fixedSize;
    private final long targetMillis;
    private final int initialSize;
    private final int minSize;
    private final int maxSize;
    private final long pauseMillis;
    private final long progressIntervalSeconds;

    /**
     * @param fixedSize null for chunks sized to {@code targetMillis}, or the rows of every chunk
     * @throws IllegalArgumentException when a size or time is not positive, or {@code maxSize < minSize}
     */
    public ChunkSettings(Integer fixedSize, long targetMillis, int initialSize, int minSize, int maxSize,
                         long pauseMillis, long progressIntervalSeconds) {
        if (maxSize < minSize) {
            throw new IllegalArgumentException("maxChunkSize (" + maxSize + ") is smaller than minChunkSize ("
                    + minSize + ")");
        }
        if ((fixedSize != null && fixedSize < 1) || targetMillis < 1 || initialSize < 1 || minSize < 1
                || pauseMillis < 0 || progressIntervalSeconds < 1) {
            throw new IllegalArgumentException("chunk sizes and times must be positive (pauses not negative): "
                    + fixedSize + ", " + targetMillis + ", " + initialSize + ", " + minSize + ", " + pauseMillis
                    + ", " + progressIntervalSeconds);
        }
        this.fixedSize = fixedSize;
        this.targetMillis = targetMillis;
        this.initialSize = initialSize;
        this.minSize = minSize;
        this.maxSize = maxSize;
        this.pauseMillis = pauseMillis;
        this.progressIntervalSeconds = progressIntervalSeconds;
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

package org.wso2.carbon.is.migration.chunk;

/**
 * Sizes chunks so that each takes about a target time: after every chunk, the next size is the one that would take the
 * target at the rate expected, bounded by a minimum and a maximum. The rate expected is the one just seen when it is
 * slower than the recent average (a slow chunk holds locks for longer than wanted: the next one must not, so it shrinks
 * at once), else the recent average (an exponential average, weight {@value #LATEST_WEIGHT} on the latest chunk): one
 * fast chunk, a cache effect, does not size the next by itself: sized by the latest rate alone, a chunk after a fast
 * one took about twice the target on H2 (see docs/benchmark.md). It also grows at most twofold per chunk. The size is a
 * number of rows, which a {@link TableSlicer} turns into a range.
 */
final class AdaptiveChunkSizer implements ChunkSizer {

    static final double LATEST_WEIGHT = 0.3;

    private final long targetNanos;
    private final int min;
    private final int max;
    private int next;
    /** Rows per nanosecond, averaged over the chunks so far; negative before the first. */
    private double averageRate = -1;

    /**
     * @param targetMillis the time a chunk should take
     * @param initial      the first chunk's size
     * @param min          the smallest size (at least 1)
     * @param max          the largest size (at least {@code min})
     */
    AdaptiveChunkSizer(long targetMillis, int initial, int min, int max) {
        if (targetMillis < 1 || min < 1 || max < min) {
            throw new IllegalArgumentException("chunk target " + targetMillis + " ms, sizes " + min + ".." + max
                    + ": the target must be at least 1 ms and 1 <= min <= max");
        }
        this.targetNanos = targetMillis * 1_000_000;
        this.min = min;
        this.max = max;
        this.next = clamp(initial);
    }

    @Override
    public int nextSize() {
        return next;
    }

    @Override
    public void chunkDone(int size, long rowsChanged, long nanos) {
        if (nanos <= 0) {
            next = clamp(2L * size);
            return;
        }
        double rate = (double) size / nanos;
        averageRate = averageRate < 0 ? rate : LATEST_WEIGHT * rate + (1 - LATEST_WEIGHT) * averageRate;
        long ideal = (long) (Math.min(rate, averageRate) * targetNanos);
        next = clamp(Math.min(ideal, 2L * size));
    }

    private int clamp(long size) {
        return (int) Math.max(min, Math.min(max, size));
    }
}

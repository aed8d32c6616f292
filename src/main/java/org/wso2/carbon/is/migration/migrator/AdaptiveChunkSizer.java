package org.wso2.carbon.is.migration.migrator;

/**
 * Sizes chunks so that each takes about a target time: after every chunk, the next size is the one that would have
 * taken the target at the rate just seen, bounded by a minimum and a maximum. It grows at most twofold per chunk (a
 * fast chunk may be a cache effect) but shrinks at once (a slow chunk holds locks for longer than wanted: the next one
 * must not). The size is a number of rows, which a {@link TableSlicer} turns into a range.
 */
final class AdaptiveChunkSizer implements ChunkSizer {

    private final long targetNanos;
    private final int min;
    private final int max;
    private int next;

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
        long ideal = nanos <= 0 ? 2L * size : (long) ((double) size * targetNanos / nanos);
        next = clamp(Math.min(ideal, 2L * size));
    }

    private int clamp(long size) {
        return (int) Math.max(min, Math.min(max, size));
    }
}

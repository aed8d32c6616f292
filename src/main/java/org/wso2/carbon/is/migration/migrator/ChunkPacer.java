package org.wso2.carbon.is.migration.migrator;

/**
 * Everything that happens between two chunks of a walk, around the {@link ChunkSizer} that sizes them: counts the
 * rows walked in the {@link ProgressMeter}, keeps the longest chunk (the longest the walk held row locks in one
 * transaction, which the step reports), and pauses for the configured time so that a migration beside live traffic
 * leaves it room (the throttle).
 */
final class ChunkPacer implements ChunkSizer {

    private final ChunkSizer sizer;
    private final ProgressMeter meter;
    private final long pauseMillis;
    private long longestNanos;
    private long chunks;

    ChunkPacer(ChunkSizer sizer, ProgressMeter meter, long pauseMillis) {
        this.sizer = sizer;
        this.meter = meter;
        this.pauseMillis = pauseMillis;
    }

    @Override
    public int nextSize() {
        return sizer.nextSize();
    }

    @Override
    public void chunkDone(int size, long rowsChanged, long nanos) {
        sizer.chunkDone(size, rowsChanged, nanos);
        longestNanos = Math.max(longestNanos, nanos);
        chunks++;
        meter.advance(size);
        if (pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                // Stop pausing, keep the interrupt for whoever checks it; the chunk is already committed.
                Thread.currentThread().interrupt();
            }
        }
    }

    ProgressMeter meter() {
        return meter;
    }

    long longestMillis() {
        return longestNanos / 1_000_000;
    }

    long chunks() {
        return chunks;
    }
}

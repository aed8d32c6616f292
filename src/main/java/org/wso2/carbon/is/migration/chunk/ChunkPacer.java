package org.wso2.carbon.is.migration.chunk;

/**
 * Everything that happens between two chunks of a walk, around the {@link ChunkSizer} that sizes them: counts the
 * rows walked in the {@link ProgressMeter}, keeps the longest chunk (the longest the walk held row locks in one
 * transaction, which the step reports, with the rows it was sized for: a long chunk of a usual size was a stall of the
 * engine, not the sizer overshooting), and pauses for the configured time so that a migration beside live traffic
 * leaves it room (the throttle).
 */
public final class ChunkPacer implements ChunkSizer {

    private final ChunkSizer sizer;
    private final ProgressMeter meter;
    private final long pauseMillis;
    private long longestNanos;
    private int longestSize;
    private long chunks;

    public ChunkPacer(ChunkSizer sizer, ProgressMeter meter, long pauseMillis) {
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
        if (nanos > longestNanos) {
            longestNanos = nanos;
            longestSize = size;
        }
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

    public ProgressMeter meter() {
        return meter;
    }

    public long longestMillis() {
        return longestNanos / 1_000_000;
    }

    /** The rows the longest chunk was sized for. */
    public int longestSize() {
        return longestSize;
    }

    public long chunks() {
        return chunks;
    }
}

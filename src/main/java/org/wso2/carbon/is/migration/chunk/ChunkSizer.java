package org.wso2.carbon.is.migration.chunk;

/**
 * Decides how many rows the next chunk of a {@link TableWalker} covers, and hears how each chunk went. The fixed
 * size is the {@code batchSize} parameter; an adaptive sizer (aiming at a time per chunk) plugs in here.
 */
public interface ChunkSizer {

    /** The number of rows the next chunk covers; at least 1. */
    int nextSize();

    /** Called after each committed chunk: the size it was given, the rows it changed, and how long it took. */
    default void chunkDone(int size, long rowsChanged, long nanos) {
    }

    /** Every chunk covers {@code size} rows. */
    static ChunkSizer fixed(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, not " + size);
        }
        return () -> size;
    }
}

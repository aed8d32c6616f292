package org.wso2.carbon.is.migration.chunk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;



/**
 * Walks a table in chunks, so that a data change on a table of any size holds its row locks for one chunk at a time.
 * The {@link TableSlicer} cuts the chunks (by storage order or by key, never by OFFSET); the {@link ChunkSizer} says
 * how many rows each should cover.
 *
 * <p>Each chunk: the slicer finds the chunk's range after the last one done; the caller's {@link ChunkWork} changes
 * the rows of the range with set-based statements; the walker saves the range's checkpoint in the same transaction
 * ({@link ChunkProgress#saveCheckpoint(Connection, String, String)}) and commits, so a chunk's changes and its
 * checkpoint are durable together or not at all: a run that finds a checkpoint starts after it, and no chunk is ever
 * applied twice by a resumed walk. Chunk work must still only touch rows that need it, because a checkpoint saved
 * by another kind of walk (see {@link KeyOrderSlicer}) makes the walk start over.
 */
public final class TableWalker {

    /** Changes the rows of one chunk, on the walker's connection, without committing; returns rows changed. */
    @FunctionalInterface
    public interface ChunkWork {
        long run(Connection connection, ChunkRange range) throws SQLException;
    }

    /** How a walk went. */
    public static final class Outcome {

        private final String table;
        private final long chunks;
        private final long rowsChanged;
        private final boolean resumed;

        Outcome(String table, long chunks, long rowsChanged, boolean resumed) {
            this.table = table;
            this.chunks = chunks;
            this.rowsChanged = rowsChanged;
            this.resumed = resumed;
        }

        public String table() {
            return table;
        }

        public long chunks() {
            return chunks;
        }

        public long rowsChanged() {
            return rowsChanged;
        }

        public boolean resumed() {
            return resumed;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Outcome)) {
                return false;
            }
            Outcome other = (Outcome) o;
            return Objects.equals(table, other.table) && chunks == other.chunks && rowsChanged == other.rowsChanged
                    && resumed == other.resumed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(table, chunks, rowsChanged, resumed);
        }

        @Override
        public String toString() {
            return "Outcome[table=" + table + ", chunks=" + chunks + ", rowsChanged=" + rowsChanged + ", resumed="
                    + resumed + "]";
        }
    }

    private final String table;
    private final String checkpointKey;
    private final TableSlicer slicer;
    private final ChunkSizer sizer;

    /**
     * @param table         the table walked
     * @param checkpointKey the name of the walk's checkpoint in the step (the table's name, or {@code purge:<table>}
     *                      for a second walk over the same table within one step)
     * @param slicer        how the table is cut
     * @param sizer         how many rows each chunk covers
     */
    public TableWalker(String table, String checkpointKey, TableSlicer slicer, ChunkSizer sizer) {
        this.table = table;
        this.checkpointKey = checkpointKey;
        this.slicer = slicer;
        this.sizer = sizer;
    }

    /**
     * Walks the whole table (after the saved checkpoint, if any) on {@code connection}, whose auto-commit must be off.
     * On a failure the open chunk is rolled back and the exception thrown; committed chunks stay done and checkpointed.
     */
    public Outcome walk(Connection connection, ChunkProgress progress, ChunkWork work) throws SQLException {
        Optional<String> saved = progress.checkpoint(checkpointKey);
        Optional<String> position = saved;
        long chunks = 0;
        long rows = 0;
        while (true) {
            int size = sizer.nextSize();
            long started = System.nanoTime();
            Optional<ChunkRange> range;
            long changed;
            try {
                range = slicer.next(connection, position, size);
                if (!range.isPresent()) {
                    connection.rollback(); // ends the read transaction; nothing was changed
                    break;
                }
                changed = work.run(connection, range.get());
                progress.saveCheckpoint(connection, checkpointKey, range.get().checkpoint());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            chunks++;
            rows += changed;
            progress.rows(changed);
            sizer.chunkDone(size, changed, System.nanoTime() - started);
            position = Optional.of(range.get().checkpoint());
        }
        return new Outcome(table, chunks, rows, saved.isPresent());
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}

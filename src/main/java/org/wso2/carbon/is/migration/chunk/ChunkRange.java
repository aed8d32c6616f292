package org.wso2.carbon.is.migration.chunk;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The rows one chunk of a {@link TableWalker} covers: a condition with placeholders for the chunk's statements, and
 * the checkpoint that marks the chunk done, from which the {@link TableSlicer} that cut it starts again on resume.
 */
public interface ChunkRange {

    /** The condition on the rows of {@code table}, its column qualified with the table's name. */
    String condition(String table);

    /** Binds the placeholders of {@link #condition} from {@code index} on; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException;

    /** What the walk saves, in the chunk's own transaction, once the chunk is done. */
    String checkpoint();
}

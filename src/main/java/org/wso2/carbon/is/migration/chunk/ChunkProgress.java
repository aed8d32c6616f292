package org.wso2.carbon.is.migration.chunk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where a walk reports rows and keeps its position. The walk reads its checkpoint before it starts and writes it with
 * each chunk on the chunk's own connection, inside the chunk's transaction, so a chunk and its checkpoint commit
 * together or not at all. A migration step hands its ledger in ({@code migrator.StepChunkProgress}); anything else
 * that walks tables (the sync tool) can hand in its own.
 */
public interface ChunkProgress {

    /** Rows changed by a chunk that has committed. */
    void rows(long count);

    /** The position saved under this key, if any. */
    Optional<String> checkpoint(String key);

    /** Saves a position on the caller's connection, in its open transaction. */
    void saveCheckpoint(Connection connection, String key, String value) throws SQLException;

    /** Saves a record that must outlive a crash before the caller goes on (committed at once). */
    void saveCheckpoint(String key, String value);
}

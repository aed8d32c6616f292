package org.wso2.carbon.is.migration.migrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.StepProgress;
import org.wso2.carbon.is.migration.chunk.ChunkProgress;

/** A step's progress and ledger as a chunked walk's: rows go to the step's report, checkpoints to its ledger. */
public final class StepChunkProgress implements ChunkProgress {

    private final StepProgress step;

    public StepChunkProgress(StepProgress step) {
        this.step = step;
    }

    @Override
    public void rows(long count) {
        step.rows(count);
    }

    @Override
    public Optional<String> checkpoint(String key) {
        return step.checkpoint(key);
    }

    @Override
    public void saveCheckpoint(Connection connection, String key, String value) throws SQLException {
        step.saveCheckpoint(connection, key, value);
    }

    @Override
    public void saveCheckpoint(String key, String value) {
        step.saveCheckpoint(key, value);
    }
}

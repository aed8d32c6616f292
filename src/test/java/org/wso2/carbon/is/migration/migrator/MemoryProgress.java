package org.wso2.carbon.is.migration.migrator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.StepProgress;

/**
 * A step's progress without an engine, for tests and the benchmark's floor: rows counted, checkpoints kept in memory,
 * notes and warnings dropped.
 */
public class MemoryProgress implements StepProgress {

    public long rows;
    private final Map<String, String> checkpoints = new HashMap<>();

    @Override
    public void rows(long count) {
        rows += count;
    }

    @Override
    public void note(String message) {
    }

    @Override
    public void warn(String message) {
    }

    @Override
    public Optional<String> checkpoint(String key) {
        return Optional.ofNullable(checkpoints.get(key));
    }

    @Override
    public void saveCheckpoint(String key, String value) {
        checkpoints.put(key, value);
    }
}

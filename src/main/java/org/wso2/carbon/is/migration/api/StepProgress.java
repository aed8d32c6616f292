package org.wso2.carbon.is.migration.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A step's channel to the report and the ledger. */
@ProviderType
public interface StepProgress {

    /** Counts rows changed (or, in a dry run, rows that would change). */
    void rows(long count);

    /** A line for the log and the report. Never pass secrets or token values. */
    void note(String message);

    /** A warning for the log and the report. */
    void warn(String message);

    /** The last checkpoint saved under this key for this step, surviving crashes and re-runs. */
    Optional<String> checkpoint(String key);

    /** Saves a checkpoint in the ledger (committed at once). Ignored in a dry run. */
    void saveCheckpoint(String key, String value);

    /**
     * Saves a checkpoint on the caller's connection, inside its open transaction, so that the checkpoint commits with
     * the caller's changes or not at all (a chunk and its checkpoint are then never out of step). The connection must
     * be to the step's own database, where the ledger is. Ignored in a dry run. The default saves at once instead,
     * for implementations without a ledger in the step's database.
     */
    default void saveCheckpoint(Connection connection, String key, String value) throws SQLException {
        saveCheckpoint(key, value);
    }
}

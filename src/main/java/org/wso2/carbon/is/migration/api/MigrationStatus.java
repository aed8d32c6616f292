package org.wso2.carbon.is.migration.api;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Published as an OSGi service once the bundle has decided about the migration, so that other components (and
 * tests) can tell whether the database they are about to use was migrated.
 */
@ProviderType
public interface MigrationStatus {

    enum State {
        /** The server was not started with {@code -Dmigrate -Dcomponent=identity}: nothing was read or touched. */
        NOT_REQUESTED,
        /** Every step succeeded or had already been done. */
        SUCCEEDED,
        /** A dry run completed; nothing was changed. */
        DRY_RUN_COMPLETED,
        /** The migration (or its configuration) failed; see {@link #summary()}. */
        FAILED
    }

    State state();

    /** The human summary that was logged. */
    String summary();

    /** The machine-readable report (JSON), empty when no migration was requested. */
    String reportJson();

    /** Where the JSON report was written, if it was. */
    Optional<Path> reportFile();
}

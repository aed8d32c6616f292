package org.wso2.carbon.is.migration.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.MigrationStatus;

/** The immutable status the component publishes. */
record ServerMigrationStatus(State state, String summary, String reportJson, Path report)
        implements MigrationStatus {

    static ServerMigrationStatus notRequested() {
        return new ServerMigrationStatus(State.NOT_REQUESTED,
                "No migration requested (start with -Dmigrate -Dcomponent=identity to migrate)", "", null);
    }

    @Override
    public Optional<Path> reportFile() {
        return Optional.ofNullable(report);
    }
}

package org.wso2.carbon.is.migration.plan;

import java.util.List;
import java.util.Objects;

/**
 * What a run will do: every step from {@code currentVersion} (exclusive) to {@code migrateVersion} (inclusive),
 * release by release in release order, and within a release by {@code order}.
 */
public record MigrationPlan(String currentVersion, String migrateVersion, List<PlannedStep> steps) {
    public MigrationPlan {
        Objects.requireNonNull(currentVersion, "currentVersion");
        Objects.requireNonNull(migrateVersion, "migrateVersion");
        steps = List.copyOf(steps);
    }
}

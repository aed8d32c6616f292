package org.wso2.carbon.is.migration.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a run will do: every step from {@code currentVersion} (exclusive) to {@code migrateVersion} (inclusive),
 * release by release in release order, and within a release by {@code order}.
 */
public final class MigrationPlan {
    private final String currentVersion;
    private final String migrateVersion;
    private final List<PlannedStep> steps;

    public MigrationPlan(String currentVersion, String migrateVersion, List<PlannedStep> steps) {
        Objects.requireNonNull(currentVersion, "currentVersion");
        Objects.requireNonNull(migrateVersion, "migrateVersion");
        List<PlannedStep> copy = new ArrayList<>(steps);
        copy.forEach(Objects::requireNonNull);
        this.currentVersion = currentVersion;
        this.migrateVersion = migrateVersion;
        this.steps = Collections.unmodifiableList(copy);
    }

    public String currentVersion() {
        return currentVersion;
    }

    public String migrateVersion() {
        return migrateVersion;
    }

    public List<PlannedStep> steps() {
        return steps;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MigrationPlan)) {
            return false;
        }
        MigrationPlan that = (MigrationPlan) other;
        return currentVersion.equals(that.currentVersion) && migrateVersion.equals(that.migrateVersion)
                && steps.equals(that.steps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(currentVersion, migrateVersion, steps);
    }

    @Override
    public String toString() {
        return "MigrationPlan[currentVersion=" + currentVersion + ", migrateVersion=" + migrateVersion + ", steps="
                + steps + "]";
    }
}

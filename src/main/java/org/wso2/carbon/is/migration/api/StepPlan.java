package org.wso2.carbon.is.migration.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What one step will do.
 *
 * @param database    the logical database the step changes ({@code identity}, {@code um}, ...)
 * @param description one line for logs and reports
 * @param checksum    fingerprint of the step's content (a script's SHA-256, or a migrator's revision); the ledger
 *                    compares it with the one recorded when the step last succeeded
 * @param actions     the statements (or, for data migrations, descriptions of the work) a dry run shows
 */
public final class StepPlan {
    private final String database;
    private final String description;
    private final String checksum;
    private final List<String> actions;

    public StepPlan(String database, String description, String checksum, List<String> actions) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(checksum, "checksum");
        List<String> copy = new ArrayList<>(actions);
        copy.forEach(Objects::requireNonNull);
        this.database = database;
        this.description = description;
        this.checksum = checksum;
        this.actions = Collections.unmodifiableList(copy);
    }

    public String database() {
        return database;
    }

    public String description() {
        return description;
    }

    public String checksum() {
        return checksum;
    }

    public List<String> actions() {
        return actions;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof StepPlan)) {
            return false;
        }
        StepPlan that = (StepPlan) other;
        return database.equals(that.database) && description.equals(that.description)
                && checksum.equals(that.checksum) && actions.equals(that.actions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, description, checksum, actions);
    }

    @Override
    public String toString() {
        return "StepPlan[database=" + database + ", description=" + description + ", checksum=" + checksum
                + ", actions=" + actions + "]";
    }
}

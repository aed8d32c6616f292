package org.wso2.carbon.is.migration.api;

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
public record StepPlan(String database, String description, String checksum, List<String> actions) {
    public StepPlan {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(checksum, "checksum");
        actions = List.copyOf(actions);
    }
}

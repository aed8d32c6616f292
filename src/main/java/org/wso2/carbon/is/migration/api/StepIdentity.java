package org.wso2.carbon.is.migration.api;

import java.util.Objects;

/**
 * What identifies a step in the ledger beside its release and migrator: the logical database it changes and, where
 * one migrator runs several steps on that database in a release, what tells them apart (a script location); empty
 * when nothing needs to. Records are found by it, so it must stay the same across runs of the same step.
 */
public final class StepIdentity {

    private final String database;
    private final String distinction;

    public StepIdentity(String database, String distinction) {
        this.database = Objects.requireNonNull(database, "database");
        this.distinction = Objects.requireNonNull(distinction, "distinction");
    }

    /** A step that is the only one of its migrator on its database in a release. */
    public static StepIdentity of(String database) {
        return new StepIdentity(database, "");
    }

    /** The logical database ({@code identity}, {@code um}, ...); the step's plan names the same one. */
    public String database() {
        return database;
    }

    public String distinction() {
        return distinction;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof StepIdentity)) {
            return false;
        }
        StepIdentity that = (StepIdentity) other;
        return database.equals(that.database) && distinction.equals(that.distinction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, distinction);
    }

    @Override
    public String toString() {
        return distinction.isEmpty() ? database : database + "/" + distinction;
    }
}

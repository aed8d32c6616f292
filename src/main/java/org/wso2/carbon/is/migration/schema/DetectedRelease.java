package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Which release a live database's schema is, as {@link ReleaseDetector} found it.
 *
 * <p>{@code candidates} are the releases the schema may be: one when the schema facts tell them apart, several when
 * they cannot (the shared database's tables did not change from 5.7.0 to 5.9.0; the marker tables of Oracle, MSSQL
 * and DB2 do not show changes of types or keys), none when the database holds no Identity Server table at all.
 *
 * @param method      how it was found
 * @param candidates  the releases it may be, oldest first
 * @param closest     what the schema was compared with, e.g. {@code mysql5.7/5.8.0}, or null (markers, or none)
 * @param differences where the schema differs from {@code closest} (empty for an exact match and for markers)
 */
public final class DetectedRelease {

    /** How the release was found. */
    public enum Method {
        /** The whole live schema compared with each release's schema facts. */
        SCHEMA_FACTS,
        /** Tables and columns each release added, looked up in the catalog (dialects without schema facts). */
        MARKER_TABLES
    }

    private final Method method;
    private final List<String> candidates;
    private final String closest;
    private final List<SchemaDifference> differences;

    public DetectedRelease(Method method, List<String> candidates, String closest,
                           List<SchemaDifference> differences) {
        this.method = Objects.requireNonNull(method, "method");
        this.candidates = Collections.unmodifiableList(new ArrayList<>(candidates));
        this.closest = closest;
        this.differences = Collections.unmodifiableList(new ArrayList<>(differences));
    }

    public Method method() {
        return method;
    }

    public List<String> candidates() {
        return candidates;
    }

    public String closest() {
        return closest;
    }

    public List<SchemaDifference> differences() {
        return differences;
    }

    /** True when the database holds no table of any release. */
    public boolean noIdentityServerSchema() {
        return candidates.isEmpty();
    }

    /** True when the schema may be {@code release}. */
    public boolean mayBe(String release) {
        return candidates.contains(release);
    }

    /** True when it is one release exactly as that release installs it. */
    public boolean exact() {
        return method == Method.SCHEMA_FACTS && candidates.size() == 1 && differences.isEmpty();
    }

    /**
     * Why a migration from {@code currentVersion} to {@code migrateVersion} must not run on this schema, with what
     * to set instead; null when it may (the schema may be currentVersion, or holds no Identity Server table).
     */
    public String mismatch(String currentVersion, String migrateVersion) {
        if (candidates.isEmpty() || mayBe(currentVersion)) {
            return null;
        }
        String newest = candidates.get(candidates.size() - 1);
        String found = "is at " + describe();
        if (compare(newest, currentVersion) < 0) {
            return found + ", older than currentVersion: set currentVersion \"" + newest + "\" (and list every"
                    + " release after it under versions)";
        }
        if (compare(newest, migrateVersion) > 0) {
            return found + ", newer than migrateVersion \"" + migrateVersion + "\": this migration cannot apply to it";
        }
        if (compare(newest, migrateVersion) == 0) {
            return found + ", already migrated to migrateVersion \"" + migrateVersion + "\" (no ledger of this tool"
                    + " records it): there is nothing to migrate; check it with the verify command";
        }
        return found + ", already past currentVersion (no ledger of this tool records it): set currentVersion \""
                + newest + "\"";
    }

    /** Release numbers compared part by part, as numbers (5.10.0 is after 5.9.0). */
    private static int compare(String release, String other) {
        String[] a = release.split("\\.");
        String[] b = other.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(i < a.length ? Integer.parseInt(a[i]) : 0,
                    i < b.length ? Integer.parseInt(b[i]) : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    /** What was found, in words: "5.8.0", "5.7.0, 5.8.0 or 5.9.0", "closest to 5.8.0 (2 differences)". */
    public String describe() {
        if (candidates.isEmpty()) {
            return "no Identity Server table";
        }
        String releases = candidates.size() == 1 ? candidates.get(0)
                : String.join(", ", candidates.subList(0, candidates.size() - 1)) + " or "
                        + candidates.get(candidates.size() - 1);
        if (method == Method.MARKER_TABLES) {
            return releases + " (by the tables and columns each release added; types and keys not compared)";
        }
        if (differences.isEmpty()) {
            return releases;
        }
        return "closest to " + releases + " (" + closest + ", " + differences.size()
                + (differences.size() == 1 ? " difference)" : " differences)");
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof DetectedRelease)) {
            return false;
        }
        DetectedRelease that = (DetectedRelease) other;
        return method == that.method && candidates.equals(that.candidates) && Objects.equals(closest, that.closest)
                && differences.equals(that.differences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, candidates, closest, differences);
    }

    @Override
    public String toString() {
        return "DetectedRelease[method=" + method + ", candidates=" + candidates + ", closest=" + closest
                + ", differences=" + differences + "]";
    }
}

package org.wso2.carbon.is.migration.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The run-wide settings of {@code migration-config.yaml} a migrator may need, as the configuration validated them
 * (a tenant range is complete and not reversed): read them here rather than parsing the file's strings again.
 */
public final class RunSettings {

    private final boolean batchUpdate;
    private final boolean ignoreForInactiveTenants;
    private final Integer firstTenantId;
    private final Integer lastTenantId;
    private final String currentEncryptionAlgorithm;
    private final String migratedEncryptionAlgorithm;

    /**
     * @param firstTenantId first tenant id of {@code migrateTenantRange}, null when the range is off
     * @param lastTenantId  last tenant id (inclusive), null exactly when {@code firstTenantId} is
     */
    public RunSettings(boolean batchUpdate, boolean ignoreForInactiveTenants, Integer firstTenantId,
                       Integer lastTenantId, String currentEncryptionAlgorithm, String migratedEncryptionAlgorithm) {
        if ((firstTenantId == null) != (lastTenantId == null)) {
            throw new IllegalArgumentException("a tenant range needs both ends: " + firstTenantId + ".."
                    + lastTenantId);
        }
        this.batchUpdate = batchUpdate;
        this.ignoreForInactiveTenants = ignoreForInactiveTenants;
        this.firstTenantId = firstTenantId;
        this.lastTenantId = lastTenantId;
        this.currentEncryptionAlgorithm = currentEncryptionAlgorithm;
        this.migratedEncryptionAlgorithm = migratedEncryptionAlgorithm;
    }

    /** The defaults of a config that sets none of these keys. */
    public static RunSettings defaults() {
        return new RunSettings(true, false, null, null, null, null);
    }

    /** {@code batchUpdate}: data migrators may write in JDBC batches. */
    public boolean batchUpdate() {
        return batchUpdate;
    }

    /** {@code ignoreForInactiveTenants}: tenant-wise migrators skip deactivated tenants. */
    public boolean ignoreForInactiveTenants() {
        return ignoreForInactiveTenants;
    }

    /** {@code migrationStartingTenantID} when {@code migrateTenantRange} is on. */
    public OptionalInt firstTenantId() {
        return firstTenantId == null ? OptionalInt.empty() : OptionalInt.of(firstTenantId);
    }

    /** {@code migrationEndingTenantID} (inclusive) when {@code migrateTenantRange} is on. */
    public OptionalInt lastTenantId() {
        return lastTenantId == null ? OptionalInt.empty() : OptionalInt.of(lastTenantId);
    }

    public Optional<String> currentEncryptionAlgorithm() {
        return Optional.ofNullable(currentEncryptionAlgorithm);
    }

    public Optional<String> migratedEncryptionAlgorithm() {
        return Optional.ofNullable(migratedEncryptionAlgorithm);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof RunSettings)) {
            return false;
        }
        RunSettings that = (RunSettings) other;
        return batchUpdate == that.batchUpdate && ignoreForInactiveTenants == that.ignoreForInactiveTenants
                && Objects.equals(firstTenantId, that.firstTenantId) && Objects.equals(lastTenantId, that.lastTenantId)
                && Objects.equals(currentEncryptionAlgorithm, that.currentEncryptionAlgorithm)
                && Objects.equals(migratedEncryptionAlgorithm, that.migratedEncryptionAlgorithm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchUpdate, ignoreForInactiveTenants, firstTenantId, lastTenantId,
                currentEncryptionAlgorithm, migratedEncryptionAlgorithm);
    }

    @Override
    public String toString() {
        return "RunSettings[batchUpdate=" + batchUpdate + ", ignoreForInactiveTenants=" + ignoreForInactiveTenants
                + ", tenants=" + (firstTenantId == null ? "all" : firstTenantId + ".." + lastTenantId) + "]";
    }
}

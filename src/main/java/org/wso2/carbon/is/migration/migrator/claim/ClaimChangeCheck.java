package org.wso2.carbon.is.migration.migrator.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one tenant stands on each of a release's changed default values, and the update for those still at the
 * previous release's default. A value the tenant set itself is never overwritten.
 */
public final class ClaimChangeCheck {

    /** Where a tenant stands on one change. */
    public enum Status { APPLY, ALREADY_NEW, TENANT_VALUE, NOT_STORED, CLAIM_MISSING, TARGET_MISSING }

    /** One change in one tenant: its status and the value stored now (null when none). */
    public static final class Finding {
        private final ClaimChange change;
        private final Status status;
        private final Integer claimId;
        private final String stored;

        public Finding(ClaimChange change, Status status, Integer claimId, String stored) {
            this.change = change;
            this.status = status;
            this.claimId = claimId;
            this.stored = stored;
        }

        public ClaimChange change() {
            return change;
        }

        public Status status() {
            return status;
        }

        public Integer claimId() {
            return claimId;
        }

        public String stored() {
            return stored;
        }

        public String describe() {
            ClaimChange c = change;
            switch (status) {
                case APPLY:
                    return c.describe() + ": '" + c.from() + "' -> '" + c.to() + "'";
                case ALREADY_NEW:
                    return c.describe() + ": already '" + c.to() + "'";
                case TENANT_VALUE:
                    return c.describe() + ": the tenant changed it to '" + stored + "' (default was '"
                            + c.from() + "'); left as it is";
                case NOT_STORED:
                    return c.describe() + ": not stored in this tenant, nothing to change";
                case CLAIM_MISSING:
                    return c.describe() + ": the tenant has no such claim, nothing to change";
                case TARGET_MISSING:
                    return c.describe() + ": still '" + c.from() + "', but the tenant has no local claim '" + c.to()
                            + "' to map it to (the release's ClaimDataMigrator step adds it); left as it is";
                default:
                    throw new IllegalStateException("Unknown status " + status);
            }
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Finding)) {
                return false;
            }
            Finding that = (Finding) other;
            return Objects.equals(change, that.change) && Objects.equals(status, that.status)
                    && Objects.equals(claimId, that.claimId) && Objects.equals(stored, that.stored);
        }

        @Override
        public int hashCode() {
            return Objects.hash(change, status, claimId, stored);
        }

        @Override
        public String toString() {
            return "Finding[change=" + change + ", status=" + status + ", claimId=" + claimId + ", stored=" + stored
                    + "]";
        }
    }

    private ClaimChangeCheck() {
    }

    /** Reads the tenant's stored value for every change. */
    public static List<Finding> evaluate(Connection connection, TenantClaims state, List<ClaimChange> changes)
            throws SQLException {
        List<Finding> findings = new ArrayList<>();
        for (ClaimChange change : changes) {
            Optional<Integer> claimId = state.claimId(change.dialect(), change.claim());
            if (!claimId.isPresent()) {
                findings.add(new Finding(change, Status.CLAIM_MISSING, null, null));
                continue;
            }
            String stored = change.target() == ClaimChange.Target.NOT_STORED ? null
                    : read(connection, change, claimId.get(), state.tenantId());
            Status status;
            if (stored == null) {
                status = Status.NOT_STORED;
            } else if (stored.equals(change.from())) {
                status = change.target() == ClaimChange.Target.MAPPED_LOCAL_CLAIM
                        && !state.claimId(change.name(), change.to()).isPresent() ? Status.TARGET_MISSING
                        : Status.APPLY;
            } else if (stored.equals(change.to())) {
                status = Status.ALREADY_NEW;
            } else {
                status = Status.TENANT_VALUE;
            }
            findings.add(new Finding(change, status, claimId.get(), stored));
        }
        return findings;
    }

    /** Writes the new value where the finding says so; returns the rows changed. */
    public static long apply(Connection connection, TenantClaims state, List<Finding> findings) throws SQLException {
        int tenantId = state.tenantId();
        long rows = 0;
        for (Finding finding : findings) {
            if (finding.status() != Status.APPLY) {
                continue;
            }
            ClaimChange change = finding.change();
            if (change.target() == ClaimChange.Target.MAPPED_LOCAL_CLAIM) {
                rows += remap(connection, state, finding);
                continue;
            }
            // The old value is part of the condition, so a value changed since it was read is not overwritten.
            try (PreparedStatement update = connection.prepareStatement(change.target() == ClaimChange.Target.PROPERTY
                    ? "UPDATE IDN_CLAIM_PROPERTY SET PROPERTY_VALUE = ? WHERE LOCAL_CLAIM_ID = ?"
                    + " AND PROPERTY_NAME = ? AND TENANT_ID = ? AND PROPERTY_VALUE = ?"
                    : "UPDATE IDN_CLAIM_MAPPED_ATTRIBUTE SET ATTRIBUTE_NAME = ? WHERE LOCAL_CLAIM_ID = ?"
                    + " AND USER_STORE_DOMAIN_NAME = ? AND TENANT_ID = ? AND ATTRIBUTE_NAME = ?")) {
                update.setString(1, change.to());
                update.setInt(2, finding.claimId());
                update.setString(3, change.name());
                update.setInt(4, tenantId);
                update.setString(5, change.from());
                rows += update.executeUpdate();
            }
        }
        return rows;
    }

    /** Points the external claim's IDN_CLAIM_MAPPING row from the old local claim to the new one. */
    private static long remap(Connection connection, TenantClaims state, Finding finding) throws SQLException {
        ClaimChange change = finding.change();
        // Both local claims were read in this transaction: evaluate found the old one mapped and the new one present.
        int from = state.claimId(change.name(), change.from()).orElseThrow(IllegalStateException::new);
        int to = state.claimId(change.name(), change.to()).orElseThrow(IllegalStateException::new);
        try (PreparedStatement update = connection.prepareStatement("UPDATE IDN_CLAIM_MAPPING"
                + " SET MAPPED_LOCAL_CLAIM_ID = ? WHERE EXT_CLAIM_ID = ? AND TENANT_ID = ?"
                + " AND MAPPED_LOCAL_CLAIM_ID = ?")) {
            update.setInt(1, to);
            update.setInt(2, finding.claimId());
            update.setInt(3, state.tenantId());
            update.setInt(4, from);
            return update.executeUpdate();
        }
    }

    private static String read(Connection connection, ClaimChange change, int claimId, int tenantId)
            throws SQLException {
        String sql;
        switch (change.target()) {
            case PROPERTY:
                sql = "SELECT PROPERTY_VALUE FROM IDN_CLAIM_PROPERTY WHERE LOCAL_CLAIM_ID = ? AND PROPERTY_NAME = ?"
                        + " AND TENANT_ID = ?";
                break;
            case MAPPED_ATTRIBUTE:
                sql = "SELECT ATTRIBUTE_NAME FROM IDN_CLAIM_MAPPED_ATTRIBUTE WHERE LOCAL_CLAIM_ID = ?"
                        + " AND USER_STORE_DOMAIN_NAME = ? AND TENANT_ID = ?";
                break;
            case MAPPED_LOCAL_CLAIM:
                sql = "SELECT L.CLAIM_URI FROM IDN_CLAIM_MAPPING M JOIN IDN_CLAIM L ON M.MAPPED_LOCAL_CLAIM_ID = L.ID"
                        + " JOIN IDN_CLAIM_DIALECT D ON L.DIALECT_ID = D.ID"
                        + " WHERE M.EXT_CLAIM_ID = ? AND D.DIALECT_URI = ? AND M.TENANT_ID = ?";
                break;
            default:
                throw new IllegalStateException("No stored value for " + change.describe());
        }
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setInt(1, claimId);
            query.setString(2, change.name());
            query.setInt(3, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}

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
    public enum Status { APPLY, ALREADY_NEW, TENANT_VALUE, NOT_STORED, CLAIM_MISSING }

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
                status = Status.APPLY;
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
    public static long apply(Connection connection, int tenantId, List<Finding> findings) throws SQLException {
        long rows = 0;
        for (Finding finding : findings) {
            if (finding.status() != Status.APPLY) {
                continue;
            }
            ClaimChange change = finding.change();
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

    private static String read(Connection connection, ClaimChange change, int claimId, int tenantId)
            throws SQLException {
        String sql = change.target() == ClaimChange.Target.PROPERTY
                ? "SELECT PROPERTY_VALUE FROM IDN_CLAIM_PROPERTY WHERE LOCAL_CLAIM_ID = ? AND PROPERTY_NAME = ?"
                + " AND TENANT_ID = ?"
                : "SELECT ATTRIBUTE_NAME FROM IDN_CLAIM_MAPPED_ATTRIBUTE WHERE LOCAL_CLAIM_ID = ?"
                + " AND USER_STORE_DOMAIN_NAME = ? AND TENANT_ID = ?";
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

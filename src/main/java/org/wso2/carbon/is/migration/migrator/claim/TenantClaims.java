package org.wso2.carbon.is.migration.migrator.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The claim dialects and claims one tenant has in the identity database, read in one go, and kept up to date as
 * rows are added so that an external claim finds a local claim added just before it.
 */
public final class TenantClaims {

    /** What is stored for one claim besides its IDN_CLAIM row. */
    public static final class StoredClaim {
        private final List<MappedAttribute> mappedAttributes;
        private final String mappedLocalClaim;
        private final Map<String, String> properties;

        public StoredClaim(List<MappedAttribute> mappedAttributes, String mappedLocalClaim,
                           Map<String, String> properties) {
            this.mappedAttributes = mappedAttributes;
            this.mappedLocalClaim = mappedLocalClaim;
            this.properties = properties;
        }

        public List<MappedAttribute> mappedAttributes() {
            return mappedAttributes;
        }

        public String mappedLocalClaim() {
            return mappedLocalClaim;
        }

        public Map<String, String> properties() {
            return properties;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof StoredClaim)) {
                return false;
            }
            StoredClaim that = (StoredClaim) other;
            return Objects.equals(mappedAttributes, that.mappedAttributes)
                    && Objects.equals(mappedLocalClaim, that.mappedLocalClaim)
                    && Objects.equals(properties, that.properties);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mappedAttributes, mappedLocalClaim, properties);
        }

        @Override
        public String toString() {
            return "StoredClaim[mappedAttributes=" + mappedAttributes + ", mappedLocalClaim=" + mappedLocalClaim
                    + ", properties=" + properties + "]";
        }
    }

    private final int tenantId;
    private final Map<String, Integer> dialects = new HashMap<>();
    private final Map<String, Integer> claims = new HashMap<>();

    private TenantClaims(int tenantId) {
        this.tenantId = tenantId;
    }

    public static TenantClaims read(Connection connection, int tenantId) throws SQLException {
        TenantClaims state = new TenantClaims(tenantId);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT ID, DIALECT_URI FROM IDN_CLAIM_DIALECT WHERE TENANT_ID = ?")) {
            query.setInt(1, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    state.dialects.put(rows.getString(2), rows.getInt(1));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT C.ID, D.DIALECT_URI, C.CLAIM_URI"
                + " FROM IDN_CLAIM C JOIN IDN_CLAIM_DIALECT D ON C.DIALECT_ID = D.ID WHERE C.TENANT_ID = ?")) {
            query.setInt(1, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    state.claims.put(key(rows.getString(2), rows.getString(3)), rows.getInt(1));
                }
            }
        }
        return state;
    }

    public int tenantId() {
        return tenantId;
    }

    /** True when the tenant has no claim dialect at all: the server would seed it from claim-config.xml. */
    public boolean isEmpty() {
        return dialects.isEmpty();
    }

    public Optional<Integer> dialectId(String dialect) {
        return Optional.ofNullable(dialects.get(dialect));
    }

    public Optional<Integer> claimId(String dialect, String claim) {
        return Optional.ofNullable(claims.get(key(dialect, claim)));
    }

    void addedDialect(String dialect, int id) {
        dialects.put(dialect, id);
    }

    void addedClaim(String dialect, String claim, int id) {
        claims.put(key(dialect, claim), id);
    }

    /** The mapped attributes, mapped local claim and properties stored for a claim of this tenant. */
    public StoredClaim stored(Connection connection, int claimId) throws SQLException {
        List<MappedAttribute> attributes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT USER_STORE_DOMAIN_NAME, ATTRIBUTE_NAME"
                + " FROM IDN_CLAIM_MAPPED_ATTRIBUTE WHERE LOCAL_CLAIM_ID = ? AND TENANT_ID = ?"
                + " ORDER BY USER_STORE_DOMAIN_NAME")) {
            query.setInt(1, claimId);
            query.setInt(2, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    attributes.add(new MappedAttribute(rows.getString(1), rows.getString(2)));
                }
            }
        }
        String mappedLocalClaim = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT L.CLAIM_URI FROM IDN_CLAIM_MAPPING M"
                + " JOIN IDN_CLAIM L ON M.MAPPED_LOCAL_CLAIM_ID = L.ID WHERE M.EXT_CLAIM_ID = ? AND M.TENANT_ID = ?")) {
            query.setInt(1, claimId);
            query.setInt(2, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    mappedLocalClaim = rows.getString(1);
                }
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT PROPERTY_NAME, PROPERTY_VALUE"
                + " FROM IDN_CLAIM_PROPERTY WHERE LOCAL_CLAIM_ID = ? AND TENANT_ID = ? ORDER BY PROPERTY_NAME")) {
            query.setInt(1, claimId);
            query.setInt(2, tenantId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    properties.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return new StoredClaim(attributes, mappedLocalClaim, properties);
    }

    private static String key(String dialect, String claim) {
        return dialect + '\n' + claim;
    }
}

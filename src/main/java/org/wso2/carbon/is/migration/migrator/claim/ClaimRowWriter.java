package org.wso2.carbon.is.migration.migrator.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

/**
 * Inserts a tenant's claim rows exactly as the server writes them. IDs are never written: every IDN_CLAIM* table
 * generates its own (AUTO_INCREMENT on H2/MySQL/MariaDB, a NEXTVAL default on PostgreSQL, IDENTITY on MSSQL, a
 * sequence filled in by a BEFORE INSERT trigger on Oracle and DB2). The id of a new dialect or claim row is read back
 * by the row's own UNIQUE key (DIALECT_URI, TENANT_ID) or (DIALECT_ID, CLAIM_URI, TENANT_ID) in the same transaction
 * rather than through {@code getGeneratedKeys()}, whose results differ by driver: Oracle returns a ROWID for
 * RETURN_GENERATED_KEYS, DB2 returns only IDENTITY columns (not trigger-set ones), and PostgreSQL needs the
 * column name in the catalog's own case. One SELECT by a unique key behaves the same on all seven.
 * Mapped-attribute, property and mapping rows are sent as JDBC batches when {@code batchUpdate} is on.
 */
public final class ClaimRowWriter implements AutoCloseable {

    private final Connection connection;
    private final TenantClaims tenant;
    private final String localDialect;
    private final boolean batch;
    private final PreparedStatement mappedAttribute;
    private final PreparedStatement property;
    private final PreparedStatement mapping;
    private long rows;
    private int pending;

    /** @param localDialect the dialect of the local claims external claims map to */
    public ClaimRowWriter(Connection connection, TenantClaims tenant, String localDialect, boolean batch)
            throws SQLException {
        this.connection = connection;
        this.tenant = tenant;
        this.localDialect = localDialect;
        this.batch = batch;
        this.mappedAttribute = connection.prepareStatement("INSERT INTO IDN_CLAIM_MAPPED_ATTRIBUTE"
                + " (LOCAL_CLAIM_ID, USER_STORE_DOMAIN_NAME, ATTRIBUTE_NAME, TENANT_ID) VALUES (?, ?, ?, ?)");
        this.property = connection.prepareStatement("INSERT INTO IDN_CLAIM_PROPERTY"
                + " (LOCAL_CLAIM_ID, PROPERTY_NAME, PROPERTY_VALUE, TENANT_ID) VALUES (?, ?, ?, ?)");
        this.mapping = connection.prepareStatement("INSERT INTO IDN_CLAIM_MAPPING"
                + " (EXT_CLAIM_ID, MAPPED_LOCAL_CLAIM_ID, TENANT_ID) VALUES (?, ?, ?)");
    }

    /** Adds the tenant's dialect row; returns its id. */
    public int addDialect(String dialect) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO IDN_CLAIM_DIALECT (DIALECT_URI, TENANT_ID) VALUES (?, ?)")) {
            insert.setString(1, dialect);
            insert.setInt(2, tenant.tenantId());
            insert.executeUpdate();
        }
        int id = readId("SELECT ID FROM IDN_CLAIM_DIALECT WHERE DIALECT_URI = ? AND TENANT_ID = ?", dialect);
        rows++;
        tenant.addedDialect(dialect, id);
        return id;
    }

    /**
     * Adds a claim with all its rows. The dialect row and, for an external claim, the mapped local claim must
     * already exist in the tenant.
     */
    public void addClaim(ClaimDefinition claim) throws SQLException {
        int dialectId = tenant.dialectId(claim.dialect()).orElseThrow(() -> new IllegalStateException(
                "dialect " + claim.dialect() + " must be added before " + claim.claim()));
        Integer localClaimId = null;
        if (!claim.isLocal()) {
            localClaimId = tenant.claimId(localDialect, claim.mappedLocalClaim())
                    .orElseThrow(() -> new IllegalStateException("local claim " + claim.mappedLocalClaim()
                            + " must be added before " + claim.claim()));
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO IDN_CLAIM (DIALECT_ID, CLAIM_URI, TENANT_ID) VALUES (?, ?, ?)")) {
            insert.setInt(1, dialectId);
            insert.setString(2, claim.claim());
            insert.setInt(3, tenant.tenantId());
            insert.executeUpdate();
        }
        int claimId = readId("SELECT ID FROM IDN_CLAIM WHERE DIALECT_ID = ? AND CLAIM_URI = ? AND TENANT_ID = ?",
                dialectId, claim.claim());
        rows++;
        tenant.addedClaim(claim.dialect(), claim.claim(), claimId);
        for (MappedAttribute attribute : claim.mappedAttributes()) {
            mappedAttribute.setInt(1, claimId);
            mappedAttribute.setString(2, attribute.domain());
            mappedAttribute.setString(3, attribute.attribute());
            mappedAttribute.setInt(4, tenant.tenantId());
            send(mappedAttribute);
        }
        if (localClaimId != null) {
            mapping.setInt(1, claimId);
            mapping.setInt(2, localClaimId);
            mapping.setInt(3, tenant.tenantId());
            send(mapping);
        }
        for (Map.Entry<String, String> entry : claim.properties().entrySet()) {
            property.setInt(1, claimId);
            property.setString(2, entry.getKey());
            property.setString(3, entry.getValue());
            property.setInt(4, tenant.tenantId());
            send(property);
        }
    }

    /** Sends pending batches; returns every row written so far. */
    public long flush() throws SQLException {
        if (pending > 0) {
            mappedAttribute.executeBatch();
            mapping.executeBatch();
            property.executeBatch();
            pending = 0;
        }
        return rows;
    }

    private void send(PreparedStatement statement) throws SQLException {
        if (batch) {
            statement.addBatch();
            pending++;
        } else {
            statement.executeUpdate();
        }
        rows++;
    }

    private int readId(String sql, Object... key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < key.length; i++) {
                query.setObject(i + 1, key[i]);
            }
            query.setInt(key.length + 1, tenant.tenantId());
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new SQLException("the row just inserted is not found by " + sql + " " + Arrays.toString(key)
                            + " for tenant " + tenant.tenantId());
                }
                return result.getInt(1);
            }
        }
    }

    @Override
    @SuppressWarnings("try") // the resources are only there to be closed
    public void close() throws SQLException {
        try (PreparedStatement first = mappedAttribute; PreparedStatement second = property;
             PreparedStatement third = mapping) {
            // closes all three, keeping the first failure
        }
    }
}

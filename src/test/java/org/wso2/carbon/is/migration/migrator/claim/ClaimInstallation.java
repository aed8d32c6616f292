package org.wso2.carbon.is.migration.migrator.claim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * An installation's two databases on one engine, as IS 5.9.0 lays them out: the identity database (IDN_CLAIM*)
 * and the shared database (UM_TENANT), each built from the 5.9.0 schema facts, plus helpers to create tenants and
 * give them claims the way the server does.
 */
public final class ClaimInstallation {

    public final TestDatabase identity;
    public final TestDatabase shared;

    private ClaimInstallation(TestDatabase identity, TestDatabase shared) {
        this.identity = identity;
        this.shared = shared;
    }

    public static ClaimInstallation create(TestEngine engine) throws SQLException {
        return create(engine, "5.9.0");
    }

    /** The two databases as {@code release} creates them. */
    public static ClaimInstallation create(TestEngine engine, String release) throws SQLException {
        String facts = switch (engine.dialect()) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgresql";
            default -> "mysql";
        };
        TestDatabase identity = engine.newDatabase();
        TestDatabase shared = engine.newDatabase();
        try (Connection connection = identity.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(facts, release, false));
        }
        try (Connection connection = shared.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(facts, release, true));
        }
        return new ClaimInstallation(identity, shared);
    }

    /** A UM_TENANT row, as tenant creation writes it. */
    public ClaimInstallation tenant(int id, String domain, boolean active) throws SQLException {
        try (Connection connection = shared.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO UM_TENANT (UM_ID, UM_DOMAIN_NAME,"
                     + " UM_EMAIL, UM_ACTIVE, UM_CREATED_DATE, UM_USER_CONFIG) VALUES (?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(true);
            insert.setInt(1, id);
            insert.setString(2, domain);
            insert.setString(3, "admin@" + domain);
            insert.setBoolean(4, active);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.setBytes(6, "<UserStoreManager/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        return this;
    }

    /** Seeds a tenant with a whole claim set, as the server seeds a tenant without claims on first load. */
    public ClaimInstallation seed(int tenant, ClaimSet claims) throws SQLException {
        try (Connection connection = identity.connect()) {
            connection.setAutoCommit(false);
            TenantClaims state = TenantClaims.read(connection, tenant);
            if (!state.isEmpty()) {
                throw new IllegalStateException("tenant " + tenant + " already has claims");
            }
            ClaimAdditionPlan plan = ClaimAdditionPlan.of(connection, new Tenant(tenant, "t" + tenant, true), state,
                    claims);
            try (ClaimRowWriter writer = new ClaimRowWriter(connection, state, claims.localDialect(), true)) {
                plan.apply(writer);
            }
            connection.commit();
        }
        return this;
    }

    /** Adds one claim to a tenant that has its dialect (and, for an external claim, its local claim). */
    public ClaimInstallation add(int tenant, ClaimDefinition claim, String localDialect) throws SQLException {
        try (Connection connection = identity.connect()) {
            connection.setAutoCommit(false);
            TenantClaims state = TenantClaims.read(connection, tenant);
            try (ClaimRowWriter writer = new ClaimRowWriter(connection, state, localDialect, false)) {
                writer.addClaim(claim);
            }
            connection.commit();
        }
        return this;
    }

    public List<String> rows(int tenant) throws SQLException {
        try (Connection connection = identity.connect()) {
            return ClaimRows.read(connection, tenant);
        }
    }
}

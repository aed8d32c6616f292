package org.wso2.carbon.is.migration.migrator.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.RunSettings;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.migrator.SingleStepRun;
import org.wso2.carbon.is.migration.migrator.claim.ClaimInstallation;
import org.wso2.carbon.is.migration.migrator.claim.DirectContext;
import org.wso2.carbon.is.migration.migrator.claim.TestDataSource;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The 5.7.0 OIDC scope step on real engines: identity and shared databases as 5.7.0 creates them, each tenant's
 * scopes in a registry resource at /_system/config/oidc made of REG_* rows the way Carbon's JDBC registry writes them
 * (the super tenant's properties linked by resource version, tenant 1's by path and name, as with
 * versioningProperties false), and OIDC dialect claims per tenant.
 */
class OidcScopeDataMigratorTest {

    private static final Path RESOURCES = SingleStepRun.RESOURCES;
    private static final int SUPER = -1234;

    @TempDir
    Path reports;

    static Stream<TestEngine> engines() {
        return Stream.of(H2Engines.CURRENT, PostgresEngine.instance(), MariaDbEngine.instance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void eachTenantsRegistryScopesBecomeRowsWithTheirClaimsAndARerunAddsNothing(TestEngine engine)
            throws Exception {
        ClaimInstallation installation = ClaimInstallation.create(engine, "5.7.0")
                .tenant(1, "one.com", true)
                .tenant(2, "two.com", true)
                .tenant(3, "three.com", true);
        try (Connection shared = installation.shared.connect(); Connection identity = installation.identity.connect()) {
            shared.setAutoCommit(true);
            identity.setAutoCommit(true);
            Registry registry = new Registry(shared);
            registry.resource(SUPER, 10, true, Map.of("openid", "sub,email", "profile", "given_name, family_name,"
                    + "nickname", "registry.LC.name", "a lifecycle property, not a scope"));
            registry.resource(1, 20, false, Map.of("openid", "sub", "phone", "phone_number"));
            registry.resource(2, 30, false, Map.of("openid", "sub,email", "address", "address"));
            for (int tenant : new int[]{SUPER, 1, 2, 3}) {
                oidcClaims(identity, tenant, "sub", "email", "given_name", "family_name", "phone_number", "address");
            }
            // Tenant 2 already has openid in the new table, with only sub: it is left as it is.
            insert(identity, "INSERT INTO IDN_OIDC_SCOPE (NAME, TENANT_ID) VALUES ('openid', 2)");
            insert(identity, "INSERT INTO IDN_OIDC_SCOPE_CLAIM_MAPPING (SCOPE_ID, EXTERNAL_CLAIM_ID) SELECT S.ID, C.ID"
                    + " FROM IDN_OIDC_SCOPE S, IDN_CLAIM C WHERE S.TENANT_ID = 2 AND C.TENANT_ID = 2"
                    + " AND C.CLAIM_URI = 'sub'");
        }
        List<String> registryBefore = registryRows(installation);
        DataSource identity = TestDataSource.of(installation.identity);

        MigrationReport dryRun = run(installation, identity, RunMode.DRY_RUN);
        assertEquals(MigrationReport.Status.SUCCEEDED, dryRun.status(), dryRun.toJson());
        assertTrue(dryRun.steps().get(0).actions().contains("tenant 1 (one.com): would add 2 scopes: openid (sub);"
                + " phone (phone_number)"), String.join("\n", dryRun.steps().get(0).actions()));
        assertEquals(List.of("2|openid|sub"), scopeRows(installation), "a dry run changes nothing");

        MigrationReport migrate = run(installation, identity, RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.SUCCEEDED, migrate.status(), migrate.toJson());
        assertEquals(List.of(
                "-1234|openid|email", "-1234|openid|sub",
                "-1234|profile|family_name", "-1234|profile|given_name",
                "1|openid|sub", "1|phone|phone_number",
                "2|address|address", "2|openid|sub"), scopeRows(installation));
        assertEquals(List.of("-1234|openid", "-1234|profile", "1|openid", "1|phone", "2|address", "2|openid"),
                scopeNames(installation), "one row per scope, metadata properties left out");
        StepReport step = migrate.steps().get(0);
        String notes = String.join("\n", step.notes());
        assertTrue(notes.contains("tenant -1234 (carbon.super): added 2 scopes: openid (sub, email); profile"
                + " (given_name, family_name, nickname); claims not in the tenant's OIDC dialect, so not mapped (as"
                + " the release does): profile: nickname"), notes);
        assertTrue(notes.contains("tenant 2 (two.com): added 1 scopes: address (address); already in IDN_OIDC_SCOPE,"
                + " left as they are: openid"), notes);
        assertTrue(notes.contains("tenant 3 (three.com): no OIDC scope resource in the registry"), notes);
        // 6 scopes + 10 mappings... counted: super 2 + 4, tenant 1 2 + 2, tenant 2 1 + 1.
        assertEquals(12, step.rows(), notes);
        assertEquals(registryBefore, registryRows(installation), "the registry is only read");

        MigrationReport again = run(installation, identity, RunMode.MIGRATE);
        assertEquals(StepReport.Outcome.ALREADY_APPLIED, again.steps().get(0).outcome(), again.toJson());

        // Run directly once more (no ledger): every scope is present, nothing is added.
        DirectContext direct = new DirectContext("5.7.0", RESOURCES, Map.of("identity", identity, "um",
                TestDataSource.of(installation.shared), "registry", TestDataSource.of(installation.shared)),
                new RunSettings(true, false, null, null, null, null), false);
        OidcScopeDataMigrator migrator = new OidcScopeDataMigrator();
        migrator.execute(direct, migrator.plan(direct));
        assertEquals(0, direct.rows, String.join("\n", direct.notes));
        assertEquals(8, scopeRows(installation).size());
    }

    private MigrationReport run(ClaimInstallation installation, DataSource identity, RunMode mode) throws Exception {
        return SingleStepRun.run("5.6.0", "5.7.0", OidcScopeDataMigrator.NAME, Map.of(), identity,
                TestDataSource.of(installation.shared), reports, mode);
    }

    /** REG_* rows of one resource as Carbon's JDBC registry writes them. */
    private record Registry(Connection shared) {

        /**
         * /_system/config/oidc of {@code tenant}: the paths /, /_system, /_system/config (ids from {@code firstId}),
         * the resource, and its properties linked by version or by path and name.
         */
        void resource(int tenant, int firstId, boolean byVersion, Map<String, String> properties)
                throws SQLException {
            String[] paths = {"/", "/_system", "/_system/config"};
            for (int i = 0; i < paths.length; i++) {
                try (PreparedStatement path = shared.prepareStatement("INSERT INTO REG_PATH (REG_PATH_ID,"
                        + " REG_PATH_VALUE, REG_PATH_PARENT_ID, REG_TENANT_ID) VALUES (?, ?, ?, ?)")) {
                    path.setInt(1, firstId + i);
                    path.setString(2, paths[i]);
                    if (i == 0) {
                        path.setNull(3, java.sql.Types.INTEGER);
                    } else {
                        path.setInt(3, firstId + i - 1);
                    }
                    path.setInt(4, tenant);
                    path.executeUpdate();
                }
            }
            int configPath = firstId + 2;
            int version = firstId + 5;
            try (PreparedStatement resource = shared.prepareStatement("INSERT INTO REG_RESOURCE (REG_PATH_ID, REG_NAME,"
                    + " REG_VERSION, REG_MEDIA_TYPE, REG_CREATOR, REG_CREATED_TIME, REG_LAST_UPDATOR,"
                    + " REG_LAST_UPDATED_TIME, REG_DESCRIPTION, REG_CONTENT_ID, REG_TENANT_ID, REG_UUID)"
                    + " VALUES (?, 'oidc', ?, NULL, 'wso2.system.user', ?, 'wso2.system.user', ?, NULL, NULL, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                resource.setInt(1, configPath);
                resource.setInt(2, version);
                resource.setTimestamp(3, now);
                resource.setTimestamp(4, now);
                resource.setInt(5, tenant);
                resource.setString(6, "uuid-" + tenant);
                resource.executeUpdate();
            }
            int propertyId = firstId * 10;
            for (Map.Entry<String, String> property : new java.util.TreeMap<>(properties).entrySet()) {
                try (PreparedStatement row = shared.prepareStatement("INSERT INTO REG_PROPERTY (REG_ID, REG_NAME,"
                        + " REG_VALUE, REG_TENANT_ID) VALUES (?, ?, ?, ?)")) {
                    row.setInt(1, propertyId);
                    row.setString(2, property.getKey());
                    row.setString(3, property.getValue());
                    row.setInt(4, tenant);
                    row.executeUpdate();
                }
                try (PreparedStatement link = shared.prepareStatement(byVersion
                        ? "INSERT INTO REG_RESOURCE_PROPERTY (REG_PROPERTY_ID, REG_VERSION, REG_TENANT_ID) VALUES (?, ?, ?)"
                        : "INSERT INTO REG_RESOURCE_PROPERTY (REG_PROPERTY_ID, REG_PATH_ID, REG_RESOURCE_NAME,"
                        + " REG_TENANT_ID) VALUES (?, ?, 'oidc', ?)")) {
                    link.setInt(1, propertyId);
                    link.setInt(2, byVersion ? version : configPath);
                    link.setInt(3, tenant);
                    link.executeUpdate();
                }
                propertyId++;
            }
        }
    }

    /** The tenant's OIDC claim dialect with these claim URIs, as the server seeds it. */
    private static void oidcClaims(Connection identity, int tenant, String... claims) throws SQLException {
        insert(identity, "INSERT INTO IDN_CLAIM_DIALECT (DIALECT_URI, TENANT_ID) VALUES ('"
                + TenantScopeMove.OIDC_DIALECT + "', " + tenant + ")");
        for (String claim : claims) {
            insert(identity, "INSERT INTO IDN_CLAIM (DIALECT_ID, CLAIM_URI, TENANT_ID) SELECT ID, '" + claim + "', "
                    + tenant + " FROM IDN_CLAIM_DIALECT WHERE TENANT_ID = " + tenant);
        }
    }

    private static void insert(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static List<String> scopeRows(ClaimInstallation installation) throws SQLException {
        return rows(installation.identity.connect(), "SELECT S.TENANT_ID, S.NAME, C.CLAIM_URI FROM IDN_OIDC_SCOPE S"
                + " JOIN IDN_OIDC_SCOPE_CLAIM_MAPPING M ON M.SCOPE_ID = S.ID JOIN IDN_CLAIM C ON C.ID ="
                + " M.EXTERNAL_CLAIM_ID AND C.TENANT_ID = S.TENANT_ID ORDER BY S.TENANT_ID, S.NAME, C.CLAIM_URI");
    }

    private static List<String> scopeNames(ClaimInstallation installation) throws SQLException {
        return rows(installation.identity.connect(), "SELECT TENANT_ID, NAME FROM IDN_OIDC_SCOPE ORDER BY TENANT_ID,"
                + " NAME");
    }

    private static List<String> registryRows(ClaimInstallation installation) throws SQLException {
        return rows(installation.shared.connect(), "SELECT P.REG_TENANT_ID, P.REG_NAME, P.REG_VALUE FROM REG_PROPERTY P"
                + " ORDER BY P.REG_TENANT_ID, P.REG_ID");
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (connection; PreparedStatement query = connection.prepareStatement(sql);
             ResultSet result = query.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}

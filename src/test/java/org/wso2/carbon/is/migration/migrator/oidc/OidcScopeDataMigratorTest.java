package org.wso2.carbon.is.migration.migrator.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import org.wso2.carbon.is.migration.testsupport.OidcRegistryRows;
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
            OidcRegistryRows.resource(shared, SUPER, 10, true, Map.of("openid", "sub,email", "profile",
                    "given_name, family_name,nickname", "registry.LC.name", "a lifecycle property, not a scope"));
            OidcRegistryRows.resource(shared, 1, 20, false, Map.of("openid", "sub", "phone", "phone_number"));
            OidcRegistryRows.resource(shared, 2, 30, false, Map.of("openid", "sub,email", "address", "address"));
            for (int tenant : new int[]{SUPER, 1, 2, 3}) {
                OidcRegistryRows.oidcClaims(identity, tenant, "sub", "email", "given_name", "family_name",
                        "phone_number", "address");
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

    private static void insert(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static List<String> scopeRows(ClaimInstallation installation) throws SQLException {
        try (Connection identity = installation.identity.connect()) {
            return OidcRegistryRows.scopeClaims(identity);
        }
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
        try (connection) {
            return OidcRegistryRows.rows(connection, sql);
        }
    }
}

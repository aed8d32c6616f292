package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * A 5.7.0 source synced into a 5.9.0 target gets the 5.8.0 rule on its tokens and codes as the migration applies it:
 * the tenant's LOCAL IdP for local users, the named IdP of the tenant for {@code FEDERATED:<idp>} (domain becoming
 * {@code FEDERATED}), nothing guessed for an IdP that does not exist or a tenant without LOCAL IdP; the rest of each
 * row as on the source. {@code sync verify} expects the same IdP per row, tenant by tenant.
 */
class SyncTransformsRowsBetweenReleasesTest {

    private static final int TENANT = 5;
    private static final int TENANT_WITHOUT_LOCAL = 7;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void tokensAndCodesFromA570SourceGetTheIdpOfTheMigrationRule(TestEngine engine) throws Exception {
        SyncFixture fixture = synced(engine);
        try (Connection target = fixture.target.connect()) {
            assertEquals(Map.of(
                    "local", "PRIMARY 11", "federated", "FEDERATED 12", "tenant-local", "PRIMARY 13",
                    "tenant-federated", "FEDERATED 14", "unknown-idp", "FEDERATED:Gone null",
                    "no-local-idp", "PRIMARY null"),
                    domainAndIdp(target, "IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID"));
            assertEquals(Map.of("code-local", "PRIMARY 11", "code-federated", "FEDERATED 14"),
                    domainAndIdp(target, "IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID"));
        }
        try (Connection source = fixture.source.connect(); Connection target = fixture.target.connect()) {
            Map<String, List<String>> expected = SyncFixture.rows(source, target, "IDN_OAUTH2_ACCESS_TOKEN",
                    List.of("TOKEN_ID"));
            Map<String, List<String>> actual = SyncFixture.rows(target, source, "IDN_OAUTH2_ACCESS_TOKEN",
                    List.of("TOKEN_ID"));
            for (Map.Entry<String, List<String>> row : expected.entrySet()) {
                row.getValue().replaceAll(value -> value.startsWith("user_domain=FEDERATED:Google")
                        ? "user_domain=FEDERATED" : value);
            }
            assertEquals(expected, actual, "every other column as on the source");
            assertEquals("token_state=REVOKED", actual.get("federated").stream()
                    .filter(value -> value.startsWith("token_state=")).findFirst().orElseThrow());
        }
    }

    /**
     * Verify expects what the rule gives: each tenant's LOCAL IdP (filled in on the client), another tenant's or one
     * where the tenant has none differs; a federated domain whose IdP is gone stays as it is, as on the target.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void verifyExpectsEachRowsTenantsLocalIdpAndNoneWhereTheTenantHasNone(TestEngine engine) throws Exception {
        SyncFixture fixture = synced(engine);
        SyncVerify verify = new SyncVerify(fixture.settings, fixture.databases, 2);
        VerifyReport clean = verify.run(false);
        assertEquals(0, clean.differences(), clean.text());

        try (Connection target = fixture.target.connect()) {
            SyncFixture.execute(target, "UPDATE IDN_OAUTH2_ACCESS_TOKEN SET IDP_ID = 11"
                    + " WHERE TOKEN_ID = 'tenant-local'");
            SyncFixture.execute(target, "UPDATE IDN_OAUTH2_ACCESS_TOKEN SET IDP_ID = 13"
                    + " WHERE TOKEN_ID = 'no-local-idp'");
            SyncFixture.execute(target, "UPDATE IDN_OAUTH2_AUTHORIZATION_CODE SET IDP_ID = NULL"
                    + " WHERE CODE_ID = 'code-local'");
        }
        VerifyReport found = verify.run(false);
        assertEquals(3, found.differences(), found.text());
        assertEquals(List.of("[no-local-idp]", "[tenant-local]"),
                found.differingKeys("IDN_OAUTH2_ACCESS_TOKEN").stream().sorted().toList());
        assertEquals(List.of("[code-local]"), found.differingKeys("IDN_OAUTH2_AUTHORIZATION_CODE"));
    }

    /** Tokens and codes of local and federated users of two tenants and one without LOCAL IdP, synced to the target. */
    private static SyncFixture synced(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.7.0", "5.9.0");
        for (Connection connection : List.of(fixture.source.connect(), fixture.target.connect())) {
            try (connection) { // the IdPs as the dump carried them to the target
                SyncFixture.execute(connection, "INSERT INTO IDP (ID, TENANT_ID, NAME) VALUES (11, -1234, 'LOCAL'),"
                        + " (12, -1234, 'Google'), (13, " + TENANT + ", 'LOCAL'), (14, " + TENANT + ", 'Google')");
            }
        }
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.insertToken(writer, "local", "alice", "PRIMARY", "openid");
            SyncFixture.insertToken(writer, "federated", "bob@gmail", "FEDERATED:Google", "openid");
            SyncFixture.insertToken(writer, TENANT, "tenant-local", "carol", "PRIMARY", "openid");
            SyncFixture.insertToken(writer, TENANT, "tenant-federated", "dan", "FEDERATED:Google", "openid");
            SyncFixture.insertToken(writer, "unknown-idp", "erin", "FEDERATED:Gone", "openid");
            SyncFixture.insertToken(writer, TENANT_WITHOUT_LOCAL, "no-local-idp", "frank", "PRIMARY", "openid");
            SyncFixture.insertCode(writer, -1234, "code-local", "alice", "PRIMARY");
            SyncFixture.insertCode(writer, TENANT, "code-federated", "dan", "FEDERATED:Google");
        }
        SyncRun run = fixture.run();
        SyncFixture.drain(run, 3);
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.revokeToken(writer, "federated"); // an update rewrites the 5.7.0 domain: transformed again
        }
        SyncFixture.drain(run, 3);
        return fixture;
    }

    private static Map<String, String> domainAndIdp(Connection connection, String table, String key)
            throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + key + ", USER_DOMAIN, IDP_ID FROM " + table)) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2) + " " + result.getString(3));
            }
        }
        return rows;
    }
}

package org.wso2.carbon.is.migration.migrator.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.RunSettings;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.engine.MigrationEngine;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The 5.9.0 claim step on real engines, through the engine and the shipped data file: an installation whose super
 * tenant and tenants have the 5.8.0 default claims (written the way the server seeds them), one tenant inactive, one
 * that already has a new claim with its own display name, one without any claims. The expected rows come straight
 * from the release facts (claims-5.9.0.json), not from the data file the migrator reads.
 */
class ClaimDataMigratorTest {

    private static final Path RESOURCES =
            Path.of(System.getProperty("migration.resources.dir", "migration-resources"));
    private static final String LOCAL = ReleaseClaimFacts.LOCAL_DIALECT;
    private static final String ACCOUNT_STATE = "http://wso2.org/claims/identity/accountState";
    private static final int SUPER = -1234;
    private static final int ACTIVE = 1;
    private static final int INACTIVE = 2;
    private static final int EDITED = 3;
    private static final int EMPTY = 4;

    @TempDir
    Path reports;

    static Stream<TestEngine> engines() {
        return Stream.of(H2Engines.CURRENT, PostgresEngine.instance(), MariaDbEngine.instance());
    }

    private static ClaimInstallation installation(TestEngine engine) throws Exception {
        ReleaseClaimFacts release580 = ReleaseClaimFacts.load("5.8.0");
        ReleaseClaimFacts.Claim accountState = ReleaseClaimFacts.load("5.9.0").find(LOCAL, ACCOUNT_STATE);
        return ClaimInstallation.create(engine)
                .tenant(ACTIVE, "active.com", true)
                .tenant(INACTIVE, "inactive.com", false)
                .tenant(EDITED, "edited.com", true)
                .tenant(EMPTY, "empty.com", true)
                .seed(SUPER, release580.claimSet())
                .seed(ACTIVE, release580.claimSet())
                .seed(INACTIVE, release580.claimSet())
                .seed(EDITED, release580.claimSet())
                .add(EDITED, edited(accountState).definition(null), LOCAL);
    }

    /** The claim with the display name a tenant administrator gave it. */
    private static ReleaseClaimFacts.Claim edited(ReleaseClaimFacts.Claim claim) {
        if (!claim.claim().equals(ACCOUNT_STATE)) {
            return claim;
        }
        Map<String, String> properties = new LinkedHashMap<>(claim.storedProperties());
        properties.put("DisplayName", "My Account State");
        return new ReleaseClaimFacts.Claim(claim.dialect(), claim.claim(), claim.attributeId(),
                claim.mappedAttributes(), claim.mappedLocalClaim(), claim.rawProperties(), properties);
    }

    private MigrationReport run(ClaimInstallation installation, DataSource identity, RunMode mode,
                                boolean ignoreInactive) throws Exception {
        return run(installation, identity, mode, ignoreInactive, "5.8.0", "5.9.0");
    }

    private MigrationReport run(ClaimInstallation installation, DataSource identity, RunMode mode,
                                boolean ignoreInactive, String previous, String release) throws Exception {
        MigrationConfig config = MigrationConfig.builder(RESOURCES.resolve("migration-config.yaml"), previous, release)
                // The claim step alone, on databases built from the release's facts (the schema the release's
                // scripts leave before it), with no ledger of those scripts: the release check would refuse them.
                .skipVersionCheck(true)
                .ignoreForInactiveTenants(ignoreInactive)
                .addVersion(new VersionConfig(release,
                        List.of(new MigratorConfig(ClaimDataMigrator.NAME, 2, Map.of(), 1)), 1))
                .build();
        DataSource shared = TestDataSource.of(installation.shared);
        return new MigrationEngine(config, List.of(), RESOURCES, name -> switch (name) {
            case MigrationConfig.IDENTITY_DATA_SOURCE -> identity;
            case MigrationConfig.SHARED_DATA_SOURCE -> shared;
            default -> throw new DataSourceException("no DataSource " + name);
        }, MigratorRegistry.builtIn()).reportTo(reports.resolve(mode + "-" + System.nanoTime() + ".json")).run(mode);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyTenantGetsExactlyTheReleaseClaimsWhileEditsAndInactiveTenantsAreLeftAlone(TestEngine engine)
            throws Exception {
        ClaimInstallation installation = installation(engine);
        DataSource identity = TestDataSource.of(installation.identity);
        List<String> release580 = ClaimRows.expected(ReleaseClaimFacts.load("5.8.0"));
        List<String> release590 = ClaimRows.expected(ReleaseClaimFacts.load("5.9.0"));
        List<String> edited590 = ClaimRows.expected(ReleaseClaimFacts.load("5.9.0"), ClaimDataMigratorTest::edited);
        assertEquals(release580, installation.rows(ACTIVE), "the seeding writes exactly the 5.8.0 facts");

        // A dry run lists each tenant's rows and changes nothing.
        MigrationReport dryRun = run(installation, identity, RunMode.DRY_RUN, true);
        assertEquals(MigrationReport.Status.SUCCEEDED, dryRun.status(), dryRun.toJson());
        List<String> actions = dryRun.steps().get(0).actions();
        assertTrue(actions.contains("tenant 1 (active.com): would insert IDN_CLAIM " + ACCOUNT_STATE
                + " + IDN_CLAIM_MAPPED_ATTRIBUTE PRIMARY:accountState + IDN_CLAIM_PROPERTY"
                + " DisplayName=Account State, Description=Account State, ReadOnly=true"), String.join("\n", actions));
        assertTrue(actions.contains("tenant 2 (inactive.com): skipped, inactive (ignoreForInactiveTenants is true)"),
                String.join("\n", actions));
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("tenant 4 (empty.com): has no claim dialects;"
                + " would seed the full 5.9.0 claim set: 11 IDN_CLAIM_DIALECT, 270 IDN_CLAIM")), String.join("\n",
                actions));
        assertTrue(actions.stream().anyMatch(a -> a.startsWith("tenant 3 (edited.com): would insert IDN_CLAIM "
                + "http://wso2.org/claims/identity/secretkey")), String.join("\n", actions));
        assertEquals(release580, installation.rows(ACTIVE));
        assertEquals(List.of(), installation.rows(EMPTY));

        MigrationReport migrate = run(installation, identity, RunMode.MIGRATE, true);
        assertEquals(MigrationReport.Status.SUCCEEDED, migrate.status(), migrate.toJson());
        assertEquals(release590, installation.rows(SUPER), "super tenant");
        assertEquals(release590, installation.rows(ACTIVE), "active tenant");
        assertEquals(release580, installation.rows(INACTIVE), "inactive tenant, skipped");
        assertEquals(edited590, installation.rows(EDITED), "the tenant's own display name is kept");
        assertEquals(release590, installation.rows(EMPTY), "the tenant without claims is seeded in full");
        StepReport step = migrate.steps().get(0);
        // Per tenant that had 5.8.0: 4 IDN_CLAIM + 4 IDN_CLAIM_MAPPED_ATTRIBUTE + 9 IDN_CLAIM_PROPERTY rows; the edited
        // tenant lacks accountState's 5; the empty tenant gets every row of the facts.
        assertEquals(17 + 17 + 12 + release590.size(), step.rows(), String.join("\n", step.notes()));
        String notes = String.join("\n", step.notes());
        assertTrue(notes.contains("tenant 3 (edited.com): added http://wso2.org/claims/identity/secretkey,"
                + " http://wso2.org/claims/identity/emailotp_disabled, http://wso2.org/claims/identity/smsotp_disabled"
                + " (12 rows); already present with the tenant's own values, left as they are: " + ACCOUNT_STATE
                + " (DisplayName 'My Account State', default 'Account State')"), notes);
        assertTrue(notes.contains("tenant 2 (inactive.com): skipped, inactive"), notes);

        // The ledger has the step: a second run through the engine does not run it again.
        MigrationReport again = run(installation, identity, RunMode.MIGRATE, true);
        assertEquals(StepReport.Outcome.ALREADY_APPLIED, again.steps().get(0).outcome(), again.toJson());

        // Run directly once more (no ledger): every tenant reports every new claim as present, nothing is added.
        DirectContext direct = new DirectContext("5.9.0", RESOURCES, Map.of("identity", identity, "um",
                TestDataSource.of(installation.shared)), new RunSettings(true, true, null, null, null, null), false);
        ClaimDataMigrator migrator = new ClaimDataMigrator();
        migrator.execute(direct, migrator.plan(direct));
        assertEquals(0, direct.rows, String.join("\n", direct.notes));
        assertTrue(direct.notes.contains("tenant 1 (active.com): nothing to add; already present: " + ACCOUNT_STATE
                + ", http://wso2.org/claims/identity/secretkey, http://wso2.org/claims/identity/emailotp_disabled,"
                + " http://wso2.org/claims/identity/smsotp_disabled"), String.join("\n", direct.notes));
        assertEquals(release590, installation.rows(EMPTY));
        assertEquals(edited590, installation.rows(EDITED));
    }

    static Stream<Arguments> earlierReleases() {
        return engines().flatMap(engine -> Stream.of(Arguments.of(engine, "5.5.0", "5.6.0"),
                Arguments.of(engine, "5.6.0", "5.7.0")));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("earlierReleases")
    void theEarlierReleaseStepsGiveEveryTenantExactlyThatReleasesClaims(TestEngine engine, String previous,
                                                                       String release) throws Exception {
        ReleaseClaimFacts before = ReleaseClaimFacts.load(previous);
        ReleaseClaimFacts after = ReleaseClaimFacts.load(release);
        ClaimInstallation installation = ClaimInstallation.create(engine, release)
                .tenant(ACTIVE, "active.com", true)
                .tenant(EMPTY, "empty.com", true)
                .seed(SUPER, before.claimSet())
                .seed(ACTIVE, before.claimSet());
        List<String> expected = ClaimRows.expected(after);
        // 5.6.0 remapped four enterprise SCIM2 claims to local claims it added; like every claim a tenant already
        // has, they keep their stored mapping (the old client did not remap them either).
        List<String> remapped = after.claims().stream().filter(c -> keptMapping(before, c) != c)
                .map(ReleaseClaimFacts.Claim::claim).toList();
        assertEquals(release.equals("5.6.0") ? 4 : 0, remapped.size(), remapped.toString());
        List<String> expectedExisting = ClaimRows.expected(after, c -> keptMapping(before, c));

        MigrationReport migrate = run(installation, TestDataSource.of(installation.identity), RunMode.MIGRATE, true,
                previous, release);

        assertEquals(MigrationReport.Status.SUCCEEDED, migrate.status(), migrate.toJson());
        assertEquals(expectedExisting, installation.rows(SUPER), "super tenant");
        assertEquals(expectedExisting, installation.rows(ACTIVE), "active tenant");
        assertEquals(expected, installation.rows(EMPTY), "the tenant without claims is seeded in full");
        assertEquals(release.equals("5.6.0") ? "add the 29 claims 5.6.0 added to every tenant (data/claims.yaml)"
                : "5.7.0 added no claims: give a tenant without claims the 5.7.0 set (data/claims.yaml)",
                migrate.steps().get(0).description());
        int added = expected.size() - ClaimRows.expected(before).size();
        assertEquals(2 * added + expected.size(), migrate.steps().get(0).rows(),
                String.join("\n", migrate.steps().get(0).notes()));
    }

    /** The external claim with the local claim {@code before} mapped it to, if that differs; else the claim. */
    private static ReleaseClaimFacts.Claim keptMapping(ReleaseClaimFacts before, ReleaseClaimFacts.Claim claim) {
        ReleaseClaimFacts.Claim old = before.find(claim.dialect(), claim.claim());
        if (claim.isLocal() || old == null || old.mappedLocalClaim().equals(claim.mappedLocalClaim())) {
            return claim;
        }
        return new ReleaseClaimFacts.Claim(claim.dialect(), claim.claim(), claim.attributeId(),
                claim.mappedAttributes(), old.mappedLocalClaim(), claim.rawProperties(), claim.storedProperties());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aCrashDuringATenantRollsItBackAndTheNextRunContinuesWithThatTenant(TestEngine engine) throws Exception {
        ClaimInstallation installation = installation(engine);
        List<String> release580 = ClaimRows.expected(ReleaseClaimFacts.load("5.8.0"));
        List<String> release590 = ClaimRows.expected(ReleaseClaimFacts.load("5.9.0"));
        List<String> edited580 = installation.rows(EDITED);

        MigrationReport crashed = run(installation, TestDataSource.crashingDuring(installation.identity, INACTIVE),
                RunMode.MIGRATE, false);
        assertEquals(MigrationReport.Status.FAILED, crashed.status());
        assertTrue(crashed.steps().get(0).error().contains("tenant 2 (inactive.com) failed and was rolled back"),
                crashed.steps().get(0).error());
        assertEquals(release590, installation.rows(SUPER));
        assertEquals(release590, installation.rows(ACTIVE));
        assertEquals(release580, installation.rows(INACTIVE), "tenant 2's partial rows were rolled back");
        assertEquals(edited580, installation.rows(EDITED));
        assertEquals(List.of(), installation.rows(EMPTY));

        MigrationReport resumed = run(installation, TestDataSource.of(installation.identity), RunMode.MIGRATE, false);
        assertEquals(MigrationReport.Status.SUCCEEDED, resumed.status(), resumed.toJson());
        List<String> notes = resumed.steps().get(0).notes();
        assertTrue(notes.contains("tenant -1234 (carbon.super): done by an earlier attempt (checkpoint)"),
                String.join("\n", notes));
        assertTrue(notes.contains("tenant 1 (active.com): done by an earlier attempt (checkpoint)"),
                String.join("\n", notes));
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("tenant 2 (inactive.com): added ")),
                String.join("\n", notes));
        for (int tenant : new int[]{SUPER, ACTIVE, INACTIVE, EMPTY}) {
            assertEquals(release590, installation.rows(tenant), "tenant " + tenant + ": each row exactly once");
        }
        assertEquals(ClaimRows.expected(ReleaseClaimFacts.load("5.9.0"), ClaimDataMigratorTest::edited),
                installation.rows(EDITED));
    }
}

package org.wso2.carbon.is.migration.migrator.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.RunSettings;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The opt-in claim changes on tenants seeded with the previous release's default claims: 5.8.0's default values
 * (from 5.7.0) and 5.6.0's four remapped enterprise SCIM2 claims (from 5.5.0), applied where the tenant kept the old
 * default, reported and kept where the tenant changed it. Expected rows come from the facts of both releases.
 */
class ClaimChangesMigratorTest {

    private static final Path RESOURCES =
            Path.of(System.getProperty("migration.resources.dir", "migration-resources"));
    private static final String LOCAL = ReleaseClaimFacts.LOCAL_DIALECT;
    private static final String PHONE = "http://wso2.org/claims/phoneNumbers";
    private static final String RESOURCE_TYPE = "http://wso2.org/claims/resourceType";
    private static final String OWN_REGEX = "^[0-9]{10}$";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String COST_CENTER = ENTERPRISE + ":costCenter";
    private static final String OWN_LOCAL_CLAIM = LOCAL + "/organization";

    static Stream<TestEngine> engines() {
        return Stream.of(H2Engines.CURRENT, PostgresEngine.instance(), MariaDbEngine.instance());
    }

    /** A 5.7.0 claim with the given stored property value and mapped attribute, as later written by someone. */
    private static ReleaseClaimFacts.Claim with(ReleaseClaimFacts.Claim claim, String property, String value,
                                                List<MappedAttribute> attributes) {
        Map<String, String> properties = new LinkedHashMap<>(claim.storedProperties());
        properties.put(property, value);
        return new ReleaseClaimFacts.Claim(claim.dialect(), claim.claim(), claim.attributeId(), attributes,
                claim.mappedLocalClaim(), claim.rawProperties(), properties);
    }

    /** The 5.8.0 values of the two stored changes; other claims as 5.7.0 stored them. */
    private static ReleaseClaimFacts.Claim migrated(ReleaseClaimFacts.Claim claim) {
        ReleaseClaimFacts release580 = ReleaseClaimFacts.load("5.8.0");
        if (claim.claim().equals(PHONE)) {
            return with(claim, "RegEx", release580.find(LOCAL, PHONE).storedProperties().get("RegEx"),
                    claim.mappedAttributes());
        }
        if (claim.claim().equals(RESOURCE_TYPE)) {
            return new ReleaseClaimFacts.Claim(claim.dialect(), claim.claim(), claim.attributeId(),
                    List.of(new MappedAttribute("PRIMARY", "resourceType")), claim.mappedLocalClaim(),
                    claim.rawProperties(), claim.storedProperties());
        }
        return claim;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void changesApplyOnlyWhereTheTenantKeptThe570Default(TestEngine engine) throws Exception {
        ReleaseClaimFacts release570 = ReleaseClaimFacts.load("5.7.0");
        ClaimInstallation installation = ClaimInstallation.create(engine).tenant(1, "own-regex.com", true);
        installation.seed(-1234, release570.claimSet());
        // Tenant 1's administrator set their own phone-number pattern while on 5.7.0.
        ReleaseClaimFacts.Claim phone = release570.find(LOCAL, PHONE);
        List<ClaimDefinition> tenantClaims = release570.claimSet().claims().stream()
                .map(c -> c.claim().equals(PHONE) ? with(phone, "RegEx", OWN_REGEX, phone.mappedAttributes())
                        .definition(null) : c).toList();
        installation.seed(1, new ClaimSet("5.7.0", LOCAL,
                tenantClaims));
        List<String> tenantBefore = installation.rows(1);

        DataSource identity = TestDataSource.of(installation.identity);
        Map<String, DataSource> databases = Map.of("identity", identity, "um", TestDataSource.of(installation.shared));
        ClaimChangesMigrator migrator = new ClaimChangesMigrator();

        DirectContext dryRun = new DirectContext("5.8.0", RESOURCES, databases, RunSettings.defaults(), true);
        List<String> actions = migrator.plan(dryRun).actions();
        assertTrue(actions.contains("tenant -1234 (carbon.super): would change mapped attribute (PRIMARY) of "
                + RESOURCE_TYPE + ": 'ref' -> 'resourceType'"), String.join("\n", actions));
        assertTrue(actions.contains("tenant 1 (own-regex.com): property RegEx of " + PHONE
                + ": the tenant changed it to '" + OWN_REGEX + "' (default was '"
                + phone.storedProperties().get("RegEx") + "'); left as it is"), String.join("\n", actions));
        assertEquals(ClaimRows.expected(release570), installation.rows(-1234), "a dry run changes nothing");

        DirectContext run = new DirectContext("5.8.0", RESOURCES, databases, RunSettings.defaults(), false);
        StepPlan plan = migrator.plan(run);
        migrator.execute(run, plan);
        assertEquals(ClaimRows.expected(release570, ClaimChangesMigratorTest::migrated), installation.rows(-1234));
        List<String> expectedTenant = new ArrayList<>(tenantBefore);
        expectedTenant.replaceAll(row -> row.equals("ATTRIBUTE " + LOCAL + " | " + RESOURCE_TYPE + " | PRIMARY | ref")
                ? "ATTRIBUTE " + LOCAL + " | " + RESOURCE_TYPE + " | PRIMARY | resourceType" : row);
        expectedTenant.sort(null);
        assertEquals(expectedTenant, installation.rows(1), "only the value the tenant kept at the default changed");
        assertEquals(3, run.rows, String.join("\n", run.notes));
        assertTrue(run.warnings.stream().anyMatch(w -> w.startsWith("tenant 1 (own-regex.com): property RegEx of "
                + PHONE + ": the tenant changed it")), String.join("\n", run.warnings));
        String notes = String.join("\n", run.notes);
        assertTrue(notes.contains("property RegEx of urn:ietf:params:scim:schemas:core:2.0:User:phoneNumbers:"
                + " not stored in this tenant, nothing to change"), notes);

        DirectContext again = new DirectContext("5.8.0", RESOURCES, databases, RunSettings.defaults(), false);
        migrator.execute(again, migrator.plan(again));
        assertEquals(0, again.rows, "a second run finds every change applied");
        assertTrue(String.join("\n", again.notes).contains("mapped attribute (PRIMARY) of " + RESOURCE_TYPE
                + ": already 'resourceType'"), String.join("\n", again.notes));
    }

    /** An external claim mapped to another local claim. */
    private static ReleaseClaimFacts.Claim mappedTo(ReleaseClaimFacts.Claim claim, String localClaim) {
        return new ReleaseClaimFacts.Claim(claim.dialect(), claim.claim(), claim.attributeId(),
                claim.mappedAttributes(), localClaim, claim.rawProperties(), claim.storedProperties());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void the560RemapsApplyWhereTheTenantKeptThe550MappingAndHasTheNewLocalClaim(TestEngine engine) throws Exception {
        ReleaseClaimFacts release550 = ReleaseClaimFacts.load("5.5.0");
        ReleaseClaimFacts release560 = ReleaseClaimFacts.load("5.6.0");
        ClaimInstallation installation = ClaimInstallation.create(engine, "5.6.0")
                .tenant(1, "own-mapping.com", true)
                .seed(-1234, release550.claimSet());
        // Tenant 1's administrator mapped the enterprise costCenter to the organization claim while on 5.5.0.
        installation.seed(1, new ClaimSet("5.5.0", LOCAL, release550.claimSet().claims().stream()
                .map(c -> c.claim().equals(COST_CENTER)
                        ? mappedTo(release550.find(ENTERPRISE, COST_CENTER), OWN_LOCAL_CLAIM).definition(null) : c)
                .toList()));
        Map<String, DataSource> databases = Map.of("identity", TestDataSource.of(installation.identity),
                "um", TestDataSource.of(installation.shared));
        ClaimChangesMigrator changes = new ClaimChangesMigrator();

        // Before the 5.6.0 ClaimDataMigrator step the tenants lack the new local claims: nothing would be remapped.
        DirectContext early = new DirectContext("5.6.0", RESOURCES, databases, RunSettings.defaults(), true);
        List<String> actions = changes.plan(early).actions();
        assertTrue(actions.contains("tenant -1234 (carbon.super): mapped local claim of " + COST_CENTER + ": still '"
                + LOCAL + "/userType', but the tenant has no local claim '" + LOCAL + "/costCenter' to map it to"
                + " (the release's ClaimDataMigrator step adds it); left as it is"), String.join("\n", actions));
        assertTrue(actions.stream().noneMatch(a -> a.contains("would change")), String.join("\n", actions));

        ClaimDataMigrator additions = new ClaimDataMigrator();
        DirectContext add = new DirectContext("5.6.0", RESOURCES, databases, RunSettings.defaults(), false);
        additions.execute(add, additions.plan(add));
        DirectContext run = new DirectContext("5.6.0", RESOURCES, databases, RunSettings.defaults(), false);
        changes.execute(run, changes.plan(run));

        assertEquals(ClaimRows.expected(release560), installation.rows(-1234), "exactly the 5.6.0 claims");
        assertEquals(ClaimRows.expected(release560, c -> c.claim().equals(COST_CENTER)
                ? mappedTo(c, OWN_LOCAL_CLAIM) : c), installation.rows(1), "5.6.0's, but the tenant's own mapping");
        assertEquals(4 + 3, run.rows, String.join("\n", run.notes));
        assertTrue(run.warnings.contains("tenant 1 (own-mapping.com): mapped local claim of " + COST_CENTER
                + ": the tenant changed it to '" + OWN_LOCAL_CLAIM + "' (default was '" + LOCAL + "/userType');"
                + " left as it is"), String.join("\n", run.warnings));

        DirectContext again = new DirectContext("5.6.0", RESOURCES, databases, RunSettings.defaults(), false);
        changes.execute(again, changes.plan(again));
        assertEquals(0, again.rows, "a second run finds every remap applied");
        assertTrue(String.join("\n", again.notes).contains("mapped local claim of " + ENTERPRISE + ":employeeNumber:"
                + " already '" + LOCAL + "/extendedExternalId'"), String.join("\n", again.notes));
        assertEquals(ClaimRows.expected(release560), installation.rows(-1234), "the second run changed nothing");
    }
}

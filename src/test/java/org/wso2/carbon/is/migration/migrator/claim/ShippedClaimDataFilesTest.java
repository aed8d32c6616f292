package org.wso2.carbon.is.migration.migrator.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.api.MigrationException;

/** The shipped claim data files are what the generator derives from the release facts, and load as the facts say. */
class ShippedClaimDataFilesTest {

    private static final Path RESOURCES =
            Path.of(System.getProperty("migration.resources.dir", "migration-resources"));
    private static final Path CLAIMS_560 = RESOURCES.resolve("5.6.0/data/claims.yaml");
    private static final Path CLAIMS_570 = RESOURCES.resolve("5.7.0/data/claims.yaml");
    private static final Path CLAIMS = RESOURCES.resolve("5.9.0/data/claims.yaml");
    private static final Path CHANGES = RESOURCES.resolve("5.8.0/data/claim-changes.yaml");
    private static final Path CHANGES_560 = RESOURCES.resolve("5.6.0/data/claim-changes.yaml");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @TempDir
    Path temp;

    @Test
    void shippedFilesAreExactlyWhatTheGeneratorDerivesFromTheReleaseFacts() throws Exception {
        assertEquals(ClaimDataFileGenerator.claimsYaml("5.5.0", "5.6.0"), Files.readString(CLAIMS_560),
                "regenerate with ClaimDataFileGenerator");
        assertEquals(ClaimDataFileGenerator.claimsYaml("5.6.0", "5.7.0"), Files.readString(CLAIMS_570),
                "regenerate with ClaimDataFileGenerator");
        assertEquals(ClaimDataFileGenerator.claimsYaml("5.8.0", "5.9.0"), Files.readString(CLAIMS),
                "regenerate with ClaimDataFileGenerator");
        assertEquals(ClaimDataFileGenerator.changesYaml("5.7.0", "5.8.0"), Files.readString(CHANGES),
                "regenerate with ClaimDataFileGenerator");
        assertEquals(ClaimDataFileGenerator.changesYaml("5.5.0", "5.6.0"), Files.readString(CHANGES_560),
                "regenerate with ClaimDataFileGenerator");
    }

    @Test
    void the590FileHoldsTheFullReleaseSetWithTheFourNewLocalClaimsMarked() throws Exception {
        ClaimSet claims = ClaimDataFile.load(CLAIMS, "5.9.0").claims();
        assertEquals(270, claims.claims().size());
        assertEquals(11, claims.dialects().size());
        assertEquals(List.of("http://wso2.org/claims/identity/accountState", "http://wso2.org/claims/identity/secretkey",
                "http://wso2.org/claims/identity/emailotp_disabled", "http://wso2.org/claims/identity/smsotp_disabled"),
                claims.added().stream().map(ClaimDefinition::claim).toList());
        assertTrue(claims.added().stream().allMatch(ClaimDefinition::isLocal));
        assertEquals(ReleaseClaimFacts.load("5.9.0").claimSet().claims(), claims.claims().stream()
                .map(c -> new ClaimDefinition(c.dialect(), c.claim(), c.mappedAttributes(), c.mappedLocalClaim(),
                        c.properties(), null)).toList(), "every claim's rows as the facts give them");
    }

    @Test
    void the560FileMarksThe29ClaimsOfItsReleaseThat550LackedAndThe570FileNone() throws Exception {
        ClaimSet claims560 = ClaimDataFile.load(CLAIMS_560, "5.6.0").claims();
        assertEquals(266, claims560.claims().size());
        assertEquals(11, claims560.dialects().size());
        List<String> added = claims560.added().stream().map(ClaimDefinition::claim).toList();
        assertEquals(29, added.size());
        assertTrue(added.containsAll(List.of("http://wso2.org/claims/userprincipal", "upn", "groups",
                "http://eidas.europa.eu/attributes/legalperson/SIC")), added.toString());
        assertEquals(5, claims560.added().stream().filter(ClaimDefinition::isLocal).count());
        assertEquals(ReleaseClaimFacts.load("5.6.0").claimSet().claims(), claims560.claims().stream()
                .map(c -> new ClaimDefinition(c.dialect(), c.claim(), c.mappedAttributes(), c.mappedLocalClaim(),
                        c.properties(), null)).toList(), "every claim's rows as the facts give them");

        ClaimSet claims570 = ClaimDataFile.load(CLAIMS_570, "5.7.0").claims();
        assertEquals(List.of(), claims570.added());
        assertEquals(claims560.claims().stream().map(c -> c.claim()).toList(),
                claims570.claims().stream().map(c -> c.claim()).toList(), "5.7.0 ships 5.6.0's claims");
    }

    @Test
    void the580FileHoldsTheNineChangesWithTheir570Defaults() throws Exception {
        List<ClaimChange> changes = ClaimChangesFile.load(CHANGES, "5.8.0").changes();
        assertEquals(9, changes.size());
        assertEquals(new ClaimChange("http://wso2.org/claims", "http://wso2.org/claims/resourceType",
                ClaimChange.Target.MAPPED_ATTRIBUTE, "PRIMARY", "ref", "resourceType"), changes.get(0));
        assertEquals(7, changes.stream().filter(c -> c.target() == ClaimChange.Target.PROPERTY
                && c.name().equals("RegEx")).count());
        assertEquals(1, changes.stream().filter(c -> c.target() == ClaimChange.Target.NOT_STORED).count());
    }

    @Test
    void the560FileRemapsTheFourEnterpriseScim2ClaimsToTheLocalClaims560Added() throws Exception {
        List<ClaimChange> remaps = ClaimChangesFile.load(CHANGES_560, "5.6.0").changes().stream()
                .filter(c -> c.target() == ClaimChange.Target.MAPPED_LOCAL_CLAIM).toList();
        String local = ReleaseClaimFacts.LOCAL_DIALECT;
        assertEquals(List.of(
                new ClaimChange(ENTERPRISE, ENTERPRISE + ":employeeNumber", ClaimChange.Target.MAPPED_LOCAL_CLAIM,
                        local, local + "/externalid", local + "/extendedExternalId"),
                new ClaimChange(ENTERPRISE, ENTERPRISE + ":costCenter", ClaimChange.Target.MAPPED_LOCAL_CLAIM,
                        local, local + "/userType", local + "/costCenter"),
                new ClaimChange(ENTERPRISE, ENTERPRISE + ":manager.$ref", ClaimChange.Target.MAPPED_LOCAL_CLAIM,
                        local, local + "/resourceType", local + "/extendedRef"),
                new ClaimChange(ENTERPRISE, ENTERPRISE + ":manager.displayName", ClaimChange.Target.MAPPED_LOCAL_CLAIM,
                        local, local + "/displayName", local + "/extendedDisplayName")), remaps);
        List<String> added560 = ClaimDataFile.load(CLAIMS_560, "5.6.0").claims().added().stream()
                .map(ClaimDefinition::claim).toList();
        assertTrue(remaps.stream().allMatch(c -> added560.contains(c.to())), "every new target is a claim 5.6.0 adds");
    }

    @Test
    void aMissingDataFileIsAnErrorNamingIt() {
        Path missing = temp.resolve("5.9.0/data/claims.yaml");
        MigrationException e = assertThrows(MigrationException.class, () -> ClaimDataFile.load(missing, "5.9.0"));
        assertTrue(e.getMessage().contains("Missing data file " + missing), e.getMessage());
    }

    @Test
    void badDataFilesAreErrorsNamingFileAndLine() throws Exception {
        assertError("release: \"5.9.0\"\nlocalDialect: \"L\"\ndialects:\n  - dialect: \"L\"\n    claims:\n"
                + "      - claim: \"L/a\"\n        colour: \"red\"\n", ":7: unknown key 'colour' in a claim of L");
        assertError("release: \"5.9.0\"\nlocalDialect: \"L\"\ndialects:\n  - dialect: \"L\"\n    claims:\n"
                + "      - claim: \"L/a\"\n        mappedAttributes: [{domain: PRIMARY, attribute: a}]\n"
                + "  - dialect: \"X\"\n    claims:\n      - claim: \"X/b\"\n        mappedLocalClaim: \"L/none\"\n",
                ":10: X/b maps to L/none, which is not a local claim of this file");
        assertError("release: \"5.9.0\"\nlocalDialect: \"L\"\ndialects: [\n", ":4: not valid YAML");
        assertError("release: \"5.8.0\"\nlocalDialect: \"L\"\ndialects: []\n",
                ":1: the file is for release 5.8.0, but the step migrates to 5.9.0");
        assertError("release: \"5.9.0\"\nlocalDialect: \"L\"\ndialects:\n  - dialect: \"L\"\n    claims:\n"
                + "      - claim: \"L/a\"\n        mappedAttributes: [{domain: primary, attribute: a}]\n",
                ":7: domain primary of L/a must be upper case");
    }

    private void assertError(String yaml, String expected) throws Exception {
        Path file = temp.resolve("claims-" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        MigrationException e = assertThrows(MigrationException.class, () -> ClaimDataFile.load(file, "5.9.0"));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected),
                "expected '" + expected + "' in: " + e.getMessage());
    }
}

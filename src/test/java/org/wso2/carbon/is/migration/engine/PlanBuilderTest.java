package org.wso2.carbon.is.migration.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.ConfigLoader;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;

class PlanBuilderTest {

    /** Entries for 5.7.0 .. 5.10.0, deliberately not in release order and with 5.8.0's migrators out of order. */
    private static final String VERSIONS = """
            versions:
              - version: "5.9.0"
                migratorConfigs:
                  - {name: ClaimDataMigrator, order: 2}
                  - {name: SchemaMigrator, order: 1, parameters: {location: step1, schema: identity}}
              - version: "5.7.0"
                migratorConfigs:
                  - {name: OldMigrator, order: 1}
              - version: "5.8.0"
                migratorConfigs:
                  - {name: OAuthDataMigrator, order: 5, parameters: {schema: identity, batchSize: 1000}}
                  - {name: SchemaMigrator, order: 1, parameters: {location: step1, schema: identity}}
                  - {name: IDPIDColumnAdditionInH2Migrator, order: 2, parameters: {schema: identity}}
              - version: "5.10.0"
                migratorConfigs:
                  - {name: FutureMigrator, order: 1}
            """;

    @TempDir
    Path dir;

    @Test
    void chainFrom570To590TakesThe580EntryThenThe590Entry() throws Exception {
        MigrationPlan plan = plan("5.7.0", "5.9.0", VERSIONS);

        assertEquals("5.7.0", plan.currentVersion());
        assertEquals("5.9.0", plan.migrateVersion());
        assertEquals(List.of("5.8.0#1:SchemaMigrator", "5.8.0#2:IDPIDColumnAdditionInH2Migrator",
                "5.8.0#5:OAuthDataMigrator", "5.9.0#1:SchemaMigrator", "5.9.0#2:ClaimDataMigrator"), ids(plan));
    }

    @Test
    void singleReleaseTakesOnlyItsEntry() throws Exception {
        MigrationPlan plan = plan("5.8.0", "5.9.0", VERSIONS);

        assertEquals(List.of("5.9.0#1:SchemaMigrator", "5.9.0#2:ClaimDataMigrator"), ids(plan));
    }

    @Test
    void stepsWithinAReleaseFollowOrderNotListPosition() throws Exception {
        MigrationPlan plan = plan("5.7.0", "5.8.0", VERSIONS);

        assertEquals(List.of(1, 2, 5), plan.steps().stream().map(PlannedStep::order).toList());
    }

    @Test
    void stepCarriesItsParametersAndWhereItWasConfigured() throws Exception {
        String yaml = header("5.7.0", "5.8.0") + VERSIONS;
        MigrationPlan plan = PlanBuilder.build(load(yaml));

        PlannedStep oauth = plan.steps().get(2);
        assertEquals("5.8.0", oauth.version());
        assertEquals("OAuthDataMigrator", oauth.migratorName());
        assertEquals(Map.of("schema", "identity", "batchSize", "1000"), oauth.parameters());
        assertEquals(file() + ":" + lineOf(yaml, "OAuthDataMigrator"), oauth.configLocation());
        assertEquals("5.8.0#5:OAuthDataMigrator", oauth.id());
    }

    @Test
    void releaseWithNoMigratorsContributesNoSteps() throws Exception {
        MigrationPlan plan = plan("5.8.0", "5.9.0", """
                versions:
                  - version: "5.9.0"
                    migratorConfigs: []
                """);

        assertEquals(List.of(), plan.steps());
    }

    @Test
    void backwardsMigrationIsRefused() {
        String yaml = header("5.9.0", "5.8.0") + VERSIONS;
        ConfigException e = assertThrows(ConfigException.class, () -> PlanBuilder.build(load(yaml)));
        assertEquals("migrateVersion", e.key());
        assertEquals(lineOf(yaml, "migrateVersion"), e.line());
        assertTrue(e.getMessage().contains("backwards"), e.getMessage());
    }

    @Test
    void migrationToTheSameVersionIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> plan("5.9.0", "5.9.0", VERSIONS));
        assertEquals("migrateVersion", e.key());
        assertTrue(e.getMessage().contains("same"), e.getMessage());
    }

    @Test
    void unknownCurrentVersionIsRefusedListingTheKnownReleases() {
        String yaml = header("5.6.1", "5.9.0") + VERSIONS;
        ConfigException e = assertThrows(ConfigException.class, () -> PlanBuilder.build(load(yaml)));
        assertEquals("currentVersion", e.key());
        assertEquals(lineOf(yaml, "currentVersion"), e.line());
        assertTrue(e.getMessage().contains("5.6.1 is not a known"), e.getMessage());
        assertTrue(e.getMessage().contains(ReleaseVersion.knownReleasesText()), e.getMessage());
    }

    @Test
    void unknownMigrateVersionIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> plan("5.9.0", "6.0.0", VERSIONS));
        assertEquals("migrateVersion", e.key());
        assertTrue(e.getMessage().contains("6.0.0 is not a known"), e.getMessage());
    }

    @Test
    void missingEntryForAReleaseOnTheWayIsNamed() {
        String versions = """
                versions:
                  - version: "5.9.0"
                    migratorConfigs:
                      - {name: SchemaMigrator, order: 1}
                """;
        String yaml = header("5.7.0", "5.9.0") + versions;
        ConfigException e = assertThrows(ConfigException.class, () -> PlanBuilder.build(load(yaml)));
        assertEquals("versions", e.key());
        assertEquals(lineOf(yaml, "versions:"), e.line());
        assertTrue(e.getMessage().contains("no entry for version 5.8.0"), e.getMessage());
    }

    @Test
    void missingVersionsKeyNamesTheFirstReleaseNeeded() {
        ConfigException e = assertThrows(ConfigException.class, () -> plan("5.7.0", "5.9.0", ""));
        assertTrue(e.getMessage().contains("no entry for version 5.8.0"), e.getMessage());
    }

    @Test
    void duplicateEntriesForAReleaseNameBothLines() {
        String versions = VERSIONS + """
                  - version: "5.9.0"
                    migratorConfigs: []
                """;
        String yaml = header("5.8.0", "5.9.0") + versions;
        ConfigException e = assertThrows(ConfigException.class, () -> PlanBuilder.build(load(yaml)));
        int first = lineOf(yaml, "- version: \"5.9.0\"");
        int second = yaml.substring(0, yaml.lastIndexOf("- version: \"5.9.0\"")).split("\n", -1).length;
        assertEquals(second, e.line());
        assertTrue(e.getMessage().contains("5.9.0 has two entries (lines " + first + " and " + second + ")"),
                e.getMessage());
    }

    @Test
    void duplicateEntriesOutsideTheRangeDoNotMatter() throws Exception {
        String versions = VERSIONS + """
                  - version: "5.10.0"
                    migratorConfigs: []
                """;
        assertEquals(2, plan("5.8.0", "5.9.0", versions).steps().size());
    }

    @Test
    void duplicateOrderWithinAReleaseNamesBothLines() {
        String versions = """
                versions:
                  - version: "5.9.0"
                    migratorConfigs:
                      - {name: SchemaMigrator, order: 1}
                      - {name: ClaimDataMigrator, order: 1}
                """;
        String yaml = header("5.8.0", "5.9.0") + versions;
        ConfigException e = assertThrows(ConfigException.class, () -> PlanBuilder.build(load(yaml)));
        int first = lineOf(yaml, "SchemaMigrator");
        int second = lineOf(yaml, "ClaimDataMigrator");
        assertEquals(second, e.line());
        assertEquals("order", e.key());
        assertTrue(e.getMessage().contains("line " + first + ": SchemaMigrator, line " + second
                + ": ClaimDataMigrator"), e.getMessage());
    }

    @Test
    void orderBelowOneIsRefused() {
        String versions = """
                versions:
                  - version: "5.9.0"
                    migratorConfigs:
                      - {name: SchemaMigrator, order: 0}
                """;
        String yaml = header("5.8.0", "5.9.0") + versions;
        ConfigException e = assertThrows(ConfigException.class, () -> PlanBuilder.build(load(yaml)));
        assertEquals(lineOf(yaml, "SchemaMigrator"), e.line());
        assertTrue(e.getMessage().contains("orders start at 1"), e.getMessage());
    }

    @Test
    void malformedVersionInABuiltConfigurationIsRefused() {
        MigrationConfig config = MigrationConfig.builder(file(), "5.8.0", "5.9.0")
                .addVersion(new VersionConfig("5.9", List.of(new MigratorConfig("SchemaMigrator", 1, Map.of(), 4)),
                        3))
                .build();
        ConfigException e = assertThrows(ConfigException.class, () -> PlanBuilder.build(config));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("'5.9' is not a release version"), e.getMessage());
    }

    @Test
    void shippedConfigurationPlansThe590IdentitySchemaClaimAndSharedSchemaSteps() throws Exception {
        Path shipped = Path.of(System.getProperty("migration.resources.dir"), "migration-config.yaml");
        MigrationPlan plan = PlanBuilder.build(ConfigLoader.load(shipped).config());

        assertEquals(List.of("5.9.0#1:SchemaMigrator", "5.9.0#2:ClaimDataMigrator", "5.9.0#3:SchemaMigrator",
                "5.9.0#4:SchemaMigrator"), ids(plan));
    }

    private MigrationPlan plan(String current, String migrate, String versions) throws Exception {
        return PlanBuilder.build(load(header(current, migrate) + versions));
    }

    private static String header(String current, String migrate) {
        return "currentVersion: \"" + current + "\"\nmigrateVersion: \"" + migrate + "\"\n";
    }

    private MigrationConfig load(String yaml) throws IOException, ConfigException {
        Files.writeString(file(), yaml, StandardCharsets.UTF_8);
        return ConfigLoader.load(file()).config();
    }

    private Path file() {
        return dir.resolve("migration-config.yaml");
    }

    private static List<String> ids(MigrationPlan plan) {
        return plan.steps().stream().map(PlannedStep::id).toList();
    }

    private static int lineOf(String yaml, String fragment) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("No line contains " + fragment);
    }
}

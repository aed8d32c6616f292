package org.wso2.carbon.is.migration.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.api.RunSettings;

class ConfigLoaderTest {

    /** The shape operators write for the legacy tool (LEGACY-TOOL-FACTS.md), quoted as they quote it. */
    private static final String LEGACY_EXAMPLE = """
            migrationEnable: "true"
            currentVersion: "5.7.0"
            migrateVersion: "5.9.0"
            continueOnError: "true"
            batchUpdate: "true"
            ignoreForInactiveTenants: "false"
            migrateTenantRange: "false"
            migrationStartingTenantID: "1"
            migrationEndingTenantID: "10"
            currentEncryptionAlgorithm: "RSA"
            migratedEncryptionAlgorithm: "RSA/ECB/OAEPwithSHA1andMGF1Padding"
            versions:
              - version: "5.8.0"
                migratorConfigs:
                  - {name: SchemaMigrator, order: 1, parameters: {location: step1, schema: identity}}
                  - {name: IDPIDColumnAdditionInH2Migrator, order: 2, parameters: {schema: identity}}
                  - {name: UMAPermissionTicketSchemaMigrator, order: 3, parameters: {location: step2, schema: uma}}
                  - {name: SchemaMigrator, order: 4, parameters: {location: step3, schema: identity}}
                  - {name: OAuthDataMigrator, order: 5, parameters: {schema: identity}}
              - version: "5.9.0"
                migratorConfigs:
                  - {name: SchemaMigrator, order: 1, parameters: {location: step1, schema: identity}}
                  - {name: ClaimDataMigrator, order: 2}
            """;

    private static final String MINIMAL = """
            currentVersion: "5.8.0"
            migrateVersion: "5.9.0"
            versions:
              - version: "5.9.0"
                migratorConfigs:
                  - {name: SchemaMigrator, order: 1, parameters: {location: step1, schema: identity}}
            """;

    @TempDir
    Path dir;

    @Test
    void legacyExampleLoadsEveryVersionAndMigratorInFileOrder() throws Exception {
        LoadedConfig loaded = load(LEGACY_EXAMPLE);
        MigrationConfig config = loaded.config();

        assertEquals(List.of(), loaded.warnings());
        assertEquals("5.7.0", config.currentVersion());
        assertEquals("5.9.0", config.migrateVersion());
        assertTrue(config.continueOnError());
        assertEquals(1, config.migrationStartingTenantID());
        assertEquals(10, config.migrationEndingTenantID());
        assertEquals("RSA", config.currentEncryptionAlgorithm());
        assertEquals("RSA/ECB/OAEPwithSHA1andMGF1Padding", config.migratedEncryptionAlgorithm());
        assertEquals(List.of("5.8.0", "5.9.0"), config.versions().stream().map(VersionConfig::version).toList());
        VersionConfig v580 = config.versions().get(0);
        assertEquals(List.of("SchemaMigrator", "IDPIDColumnAdditionInH2Migrator", "UMAPermissionTicketSchemaMigrator",
                "SchemaMigrator", "OAuthDataMigrator"), v580.migratorConfigs().stream().map(MigratorConfig::name)
                .toList());
        assertEquals(Map.of("location", "step2", "schema", "uma"), v580.migratorConfigs().get(2).parameters());
        assertEquals(lineOf(LEGACY_EXAMPLE, "version: \"5.8.0\""), v580.line());
        assertEquals(lineOf(LEGACY_EXAMPLE, "UMAPermissionTicketSchemaMigrator"), v580.migratorConfigs().get(2).line());
        MigratorConfig claims = config.versions().get(1).migratorConfigs().get(1);
        assertEquals(2, claims.order());
        assertEquals(Map.of(), claims.parameters());
        assertEquals(dir.resolve("migration-config.yaml"), config.source());
    }

    @Test
    void booleansAndNumbersAreAcceptedQuotedOrNotAndInAnyCase() throws Exception {
        MigrationConfig config = load("""
                migrationEnable: TRUE
                currentVersion: "5.8.0"
                migrateVersion: "5.9.0"
                continueOnError: "True"
                batchUpdate: "FALSE"
                ignoreForInactiveTenants: true
                migrateTenantRange: "true"
                migrationStartingTenantID: 3
                migrationEndingTenantID: "7"
                dataSourceWaitSeconds: "15"
                lockStaleAfterSeconds: 45
                versions:
                  - version: "5.9.0"
                    migratorConfigs:
                      - {name: SchemaMigrator, order: "1"}
                """).config();

        assertAll(
                () -> assertTrue(config.migrationEnable()),
                () -> assertTrue(config.continueOnError()),
                () -> assertFalse(config.batchUpdate()),
                () -> assertTrue(config.ignoreForInactiveTenants()),
                () -> assertTrue(config.migrateTenantRange()),
                () -> assertEquals(3, config.migrationStartingTenantID()),
                () -> assertEquals(7, config.migrationEndingTenantID()),
                () -> assertEquals(15, config.dataSourceWaitSeconds()),
                () -> assertEquals(45, config.lockStaleAfterSeconds()),
                () -> assertEquals(1, config.versions().get(0).migratorConfigs().get(0).order()));
    }

    @Test
    void parameterValuesAreKeptAsTheTextWritten() throws Exception {
        MigrationConfig config = load("""
                currentVersion: "5.8.0"
                migrateVersion: "5.9.0"
                versions:
                  - version: "5.9.0"
                    migratorConfigs:
                      - name: OAuthDataMigrator
                        order: 1
                        parameters:
                          batchSize: 1000
                          continueOnError: true
                          reportPath: "/tmp/report.txt"
                """).config();

        assertEquals(Map.of("batchSize", "1000", "continueOnError", "true", "reportPath", "/tmp/report.txt"),
                config.versions().get(0).migratorConfigs().get(0).parameters());
    }

    @Test
    void absentKeysTakeTheDefaults() throws Exception {
        LoadedConfig loaded = load(MINIMAL);
        MigrationConfig config = loaded.config();

        assertAll(
                () -> assertTrue(config.migrationEnable()),
                () -> assertFalse(config.continueOnError(), "continueOnError must default to false"),
                () -> assertTrue(config.batchUpdate()),
                () -> assertFalse(config.ignoreForInactiveTenants()),
                () -> assertFalse(config.migrateTenantRange()),
                () -> assertNull(config.migrationStartingTenantID()),
                () -> assertNull(config.migrationEndingTenantID()),
                () -> assertNull(config.currentEncryptionAlgorithm()),
                () -> assertNull(config.migratedEncryptionAlgorithm()),
                () -> assertEquals(Map.of("identity", "jdbc/WSO2IdentityDB", "um", "jdbc/SHARED_DB",
                        "consent", "jdbc/WSO2IdentityDB", "uma", "jdbc/WSO2IdentityDB", "registry", "jdbc/SHARED_DB"),
                        config.dataSources()),
                () -> assertEquals(60, config.dataSourceWaitSeconds()),
                () -> assertTrue(config.stopServerOnFailure()),
                () -> assertFalse(config.stopServerOnSuccess()),
                () -> assertNull(config.reportPath()),
                () -> assertEquals(300, config.lockStaleAfterSeconds()),
                () -> assertEquals(List.of(), loaded.warnings()));
    }

    @Test
    void emptyValuesOfOptionalKeysCountAsNotGiven() throws Exception {
        MigrationConfig config = load(MINIMAL + """
                currentEncryptionAlgorithm:
                migrationStartingTenantID: ~
                reportPath: ""
                dataSources:
                """).config();

        assertNull(config.currentEncryptionAlgorithm());
        assertNull(config.migrationStartingTenantID());
        assertNull(config.reportPath());
        assertEquals(MigrationConfig.DEFAULT_DATA_SOURCES, config.dataSources());
    }

    @Test
    void newKeysAreRead() throws Exception {
        MigrationConfig config = load(MINIMAL + """
                dataSources:
                  um: "jdbc/UM_DB"
                  registry: jdbc/REG_DB
                stopServerOnFailure: "false"
                stopServerOnSuccess: "true"
                reportPath: "repository/logs/migration-report.json"
                """).config();

        assertEquals("jdbc/UM_DB", config.dataSource("um"));
        assertEquals("jdbc/REG_DB", config.dataSource("registry"));
        assertEquals("jdbc/WSO2IdentityDB", config.dataSource("identity"), "databases not named keep the default");
        assertFalse(config.stopServerOnFailure());
        assertTrue(config.stopServerOnSuccess());
        assertEquals("repository/logs/migration-report.json", config.reportPath());
        assertEquals(lineOf(MINIMAL + "dataSources:", "dataSources:"), config.lineOf("dataSources"));
    }

    @Test
    void unknownLogicalDatabaseIsRefusedWithItsLine() {
        String yaml = MINIMAL + """
                dataSources:
                  identity: jdbc/WSO2IdentityDB
                  userstore: jdbc/SHARED_DB
                """;
        assertError(yaml, "userstore:", "dataSources.userstore", "unknown logical database");
    }

    @Test
    void anIncompleteReversedOrNonNumericTenantRangeIsRefusedNamingTheSetting() {
        assertError("migrateTenantRange: \"true\"\nmigrationStartingTenantID: \"2\"\n" + MINIMAL,
                "migrateTenantRange", "migrationEndingTenantID", "must be set");
        assertError("migrateTenantRange: \"true\"\nmigrationStartingTenantID: \"9\"\nmigrationEndingTenantID: 3\n"
                + MINIMAL, "migrationStartingTenantID", "migrationStartingTenantID", "9 is greater than");
        assertError("migrateTenantRange: \"true\"\nmigrationStartingTenantID: one\nmigrationEndingTenantID: 3\n"
                + MINIMAL, "migrationStartingTenantID", "migrationStartingTenantID", "one");
    }

    @Test
    void migratorsSeeTheTenantRangeOnlyWhenItIsSwitchedOn() throws Exception {
        RunSettings on = load("migrateTenantRange: \"true\"\nmigrationStartingTenantID: 2\nmigrationEndingTenantID: 5\n"
                + MINIMAL).config().runSettings();
        assertEquals(OptionalInt.of(2), on.firstTenantId());
        assertEquals(OptionalInt.of(5), on.lastTenantId());
        RunSettings off = load("migrationStartingTenantID: 2\nmigrationEndingTenantID: 5\n" + MINIMAL).config()
                .runSettings();
        assertEquals(OptionalInt.empty(), off.firstTenantId());
        assertTrue(off.batchUpdate());
    }

    @Test
    void migrationEnableFalseIsRefusedWithItsLine() {
        String yaml = "migrationEnable: \"false\"\n" + MINIMAL;
        ConfigException e = assertError(yaml, "migrationEnable", "migrationEnable", "switched off");
        assertTrue(e.getMessage().contains("true"), e.getMessage());
    }

    @Test
    void missingCurrentVersionIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(MINIMAL.replace(
                "currentVersion: \"5.8.0\"\n", "")));
        assertEquals("currentVersion", e.key());
        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("migration-config.yaml") + ": currentVersion: "),
                e.getMessage());
    }

    @Test
    void missingMigrateVersionIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(MINIMAL.replace(
                "migrateVersion: \"5.9.0\"\n", "")));
        assertEquals("migrateVersion", e.key());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void unquotedTwoPartVersionAsksForQuotes() {
        String yaml = MINIMAL.replace("migrateVersion: \"5.9.0\"", "migrateVersion: 5.10");
        ConfigException e = assertError(yaml, "migrateVersion", "migrateVersion", "number");
        assertTrue(e.getMessage().contains("quotes"), e.getMessage());
    }

    @Test
    void versionWithoutThreePartsIsRefused() {
        String yaml = MINIMAL.replace("- version: \"5.9.0\"", "- version: \"5.9\"");
        assertError(yaml, "- version:", "versions[0].version", "not a release version");
    }

    @Test
    void orderThatIsNotANumberIsRefusedWithFileLineAndKey() {
        String yaml = MINIMAL + """
                      - name: ClaimDataMigrator
                        order: abc
                """;
        ConfigException e = assertError(yaml, "order: abc", "versions[0].migratorConfigs[1].order",
                "expected a whole number, found 'abc'");
        assertEquals(dir.resolve("migration-config.yaml") + ":" + lineOf(yaml, "order: abc")
                + ": versions[0].migratorConfigs[1].order: expected a whole number, found 'abc'", e.getMessage());
    }

    @Test
    void booleanThatIsNotTrueOrFalseIsRefused() {
        assertError("continueOnError: maybe\n" + MINIMAL, "continueOnError", "continueOnError",
                "expected true or false, found 'maybe'");
    }

    @Test
    void yesIsNotTakenForTrue() {
        assertError("batchUpdate: yes\n" + MINIMAL, "batchUpdate", "batchUpdate", "expected true or false");
    }

    @Test
    void versionsThatIsNotAListIsRefused() {
        String yaml = """
                currentVersion: "5.8.0"
                migrateVersion: "5.9.0"
                versions: 5
                """;
        assertError(yaml, "versions: 5", "versions", "expected a list");
    }

    @Test
    void parameterWithANestedValueIsRefused() {
        String yaml = MINIMAL + """
                      - name: ClaimDataMigrator
                        order: 2
                        parameters:
                          schema: [identity, um]
                """;
        assertError(yaml, "schema: [identity", "versions[0].migratorConfigs[1].parameters.schema",
                "expected a single value");
    }

    @Test
    void migratorWithoutNameOrOrderIsRefused() {
        assertError(MINIMAL + "      - {order: 2}\n", "{order: 2}", "versions[0].migratorConfigs[1].name",
                "missing");
        assertError(MINIMAL + "      - {name: ClaimDataMigrator}\n", "{name: ClaimDataMigrator}",
                "versions[0].migratorConfigs[1].order", "missing for ClaimDataMigrator");
    }

    @Test
    void negativeWaitIsRefused() {
        assertError(MINIMAL + "dataSourceWaitSeconds: -1\n", "dataSourceWaitSeconds", "dataSourceWaitSeconds",
                "must be at least 0");
    }

    @Test
    void duplicateTopLevelKeyNamesBothLines() {
        String yaml = MINIMAL + "currentVersion: \"5.7.0\"\n";
        ConfigException e = assertError(yaml, "currentVersion: \"5.7.0\"", "currentVersion", "given twice");
        assertTrue(e.getMessage().contains("lines " + lineOf(yaml, "currentVersion") + " and "
                + lineOf(yaml, "currentVersion: \"5.7.0\"")), e.getMessage());
    }

    @Test
    void duplicateKeyInsideAMigratorIsRefused() {
        String yaml = MINIMAL + """
                      - name: ClaimDataMigrator
                        order: 2
                        order: 3
                """;
        assertError(yaml, "order: 3", "versions[0].migratorConfigs[1].order", "given twice");
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() {
        String yaml = MINIMAL + "versions: [unclosed\n";
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("migration-config.yaml") + ":" + e.line() + ":"
                + e.column() + ": not valid YAML"), e.getMessage());
    }

    @Test
    void badIndentationIsASyntaxErrorAtItsLine() {
        String yaml = """
                currentVersion: "5.8.0"
                migrateVersion: "5.9.0"
                 batchUpdate: "true"
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void javaTypeTagIsRefusedWithItsLine() {
        String yaml = MINIMAL + """
                reportPath: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://localhost/"]]]]
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        assertEquals(lineOf(yaml, "reportPath"), e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("the tag !!javax.script.ScriptEngineManager"), e.getMessage());
        assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
    }

    @Test
    void nonPlainStandardTagsAreRefused() {
        assertError(MINIMAL + "reportPath: !!binary aGVsbG8=\n", "reportPath", null,
                "the tag !!binary is not allowed");
        assertError(MINIMAL + "reportPath: !local value\n", "reportPath", null, "not allowed");
    }

    @Test
    void mergeKeysAreRefused() {
        String yaml = """
                currentVersion: "5.8.0"
                migrateVersion: "5.9.0"
                versions:
                  - version: "5.9.0"
                    migratorConfigs:
                      - &schema {name: SchemaMigrator, order: 1}
                      - {<<: *schema, order: 2}
                """;
        assertError(yaml, "<<", null, "merge keys");
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path file = dir.resolve("migration-config.yaml");
        Files.write(file, "currentVersion: \"5.8.0\" # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void unknownKeysAtEveryLevelAreWarningsWithFileLineAndKey() throws Exception {
        String yaml = """
                currentVersion: "5.8.0"
                migrateVersion: "5.9.0"
                continueOnErorr: "true"
                versions:
                  - version: "5.9.0"
                    descripton: the 5.9.0 schema
                    migratorConfigs:
                      - name: SchemaMigrator
                        order: 1
                        parameter: {location: step1}
                """;
        LoadedConfig loaded = load(yaml);
        Path file = dir.resolve("migration-config.yaml");

        assertEquals(3, loaded.warnings().size(), loaded.warnings().toString());
        assertTrue(loaded.warnings().get(0).startsWith(file + ":" + lineOf(yaml, "continueOnErorr")
                + ": continueOnErorr: unknown key"), loaded.warnings().get(0));
        assertTrue(loaded.warnings().get(1).startsWith(file + ":" + lineOf(yaml, "descripton")
                + ": versions[0].descripton: unknown key"), loaded.warnings().get(1));
        assertTrue(loaded.warnings().get(2).startsWith(file + ":" + lineOf(yaml, "parameter:")
                + ": versions[0].migratorConfigs[0].parameter: unknown key"), loaded.warnings().get(2));
        assertFalse(loaded.config().continueOnError(), "a misspelt key must not take effect");
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nowhere/migration-config.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals(missing, e.file());
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void emptyFileIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void fileWithOnlyCommentsIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("# currentVersion: \"5.8.0\"\n\n"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void topLevelListIsRefused() {
        assertError("- currentVersion: \"5.8.0\"\n", "currentVersion", "(top level)", "expected a mapping");
    }

    @Test
    void tenantRangeNeedsBothIds() {
        String yaml = MINIMAL + "migrateTenantRange: \"true\"\nmigrationStartingTenantID: 5\n";
        assertError(yaml, "migrateTenantRange", "migrationEndingTenantID", "missing");
    }

    @Test
    void tenantRangeStartAfterEndIsRefused() {
        String yaml = MINIMAL + """
                migrateTenantRange: "true"
                migrationStartingTenantID: "20"
                migrationEndingTenantID: "10"
                """;
        assertError(yaml, "migrationStartingTenantID", "migrationStartingTenantID", "greater than");
    }

    @Test
    void tenantRangeWithinBoundsLoads() throws Exception {
        MigrationConfig config = load(MINIMAL + """
                migrateTenantRange: "true"
                migrationStartingTenantID: "-1234"
                migrationEndingTenantID: "-1234"
                """).config();
        assertTrue(config.migrateTenantRange());
        assertEquals(-1234, config.migrationStartingTenantID());
        assertEquals(-1234, config.migrationEndingTenantID());
    }

    @Test
    void shippedConfigurationLoadsWithoutWarnings() throws Exception {
        String resources = System.getProperty("migration.resources.dir");
        assertNotNull(resources, "surefire sets migration.resources.dir");
        LoadedConfig loaded = ConfigLoader.load(Path.of(resources, "migration-config.yaml"));
        MigrationConfig config = loaded.config();

        assertEquals(List.of(), loaded.warnings());
        assertEquals("5.8.0", config.currentVersion());
        assertEquals("5.9.0", config.migrateVersion());
        assertFalse(config.continueOnError());
        assertEquals(MigrationConfig.DEFAULT_DATA_SOURCES, config.dataSources());
        MigratorConfig schema = config.versions().get(0).migratorConfigs().get(0);
        assertEquals("SchemaMigrator", schema.name());
        assertEquals(Map.of("location", "step1", "schema", "identity"), schema.parameters());
    }

    private LoadedConfig load(String yaml) throws IOException, ConfigException {
        Path file = dir.resolve("migration-config.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return ConfigLoader.load(file);
    }

    /** Loads, expects a failure at the line holding {@code lineFragment}, for {@code key}, saying {@code reason}. */
    private ConfigException assertError(String yaml, String lineFragment, String key, String reason) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        assertEquals(lineOf(yaml, lineFragment), e.line(), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("migration-config.yaml") + ":" + e.line() + ":"),
                e.getMessage());
        return e;
    }

    /** 1-based number of the first line of {@code yaml} containing {@code fragment}. */
    static int lineOf(String yaml, String fragment) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("No line contains " + fragment);
    }
}

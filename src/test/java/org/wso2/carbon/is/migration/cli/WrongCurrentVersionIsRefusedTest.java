package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.schema.LiveSchemaReader;
import org.wso2.carbon.is.migration.schema.SchemaComparer;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.DataFingerprint;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * The shipped configuration (currentVersion "5.8.0") run on databases of another release is refused before anything
 * changes, exit 2, with one message naming the currentVersion line, what each database is and what to set. Without
 * this check a 5.7.0 database got the 5.9.0 tables but never IDP_ID, and the run ended with exit 0.
 */
class WrongCurrentVersionIsRefusedTest {

    /** engine, facts dialect of the databases, the release they are at, what the message must say */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("H2 1.4.199", "h2", "5.7.0", "older than currentVersion: set currentVersion \"5.7.0\""),
                Arguments.of("PostgreSQL", "postgresql", "5.7.0",
                        "older than currentVersion: set currentVersion \"5.7.0\""),
                Arguments.of("MariaDB", "mysql", "5.7.0", "older than currentVersion: set currentVersion \"5.7.0\""),
                Arguments.of("H2 1.4.199", "h2", "5.6.0", "older than currentVersion: set currentVersion \"5.6.0\""),
                Arguments.of("PostgreSQL", "postgresql", "5.5.0",
                        "older than currentVersion: set currentVersion \"5.5.0\""),
                Arguments.of("H2 1.4.199", "h2", "5.9.0", "already migrated to migrateVersion \"5.9.0\""),
                Arguments.of("PostgreSQL", "postgresql", "5.9.0", "already migrated to migrateVersion \"5.9.0\""),
                Arguments.of("MariaDB", "mysql", "5.9.0", "already migrated to migrateVersion \"5.9.0\""),
                Arguments.of("PostgreSQL", "postgresql", "5.10.0", "newer than migrateVersion \"5.9.0\""));
    }

    @ParameterizedTest(name = "{0}: {2} databases, currentVersion 5.8.0")
    @MethodSource("cases")
    void aDatabaseAtAnotherReleaseIsRefusedWithNothingChanged(String engineName, String facts, String release,
                                                              String advice) throws Exception {
        InstalledDatabases installed = InstalledDatabases.at(engineName, facts, release);
        TestDatabase identity = installed.identity();
        TestDatabase shared = installed.shared();
        Map<String, DataFingerprint.TableData> identityBefore = fingerprint(identity);
        Map<String, DataFingerprint.TableData> sharedBefore = fingerprint(shared);
        IsHome home = installed.home("5.8.0");
        int currentVersionLine = lineOf(home, "currentVersion:");

        StandaloneMigration580To590Test.Run refused = StandaloneMigration580To590Test.cli("migrate", home, List.of());

        assertEquals(2, refused.exitCode(), refused.output());
        String output = refused.output();
        assertTrue(output.contains("migration-config.yaml:" + currentVersionLine + ": currentVersion: is \"5.8.0\""),
                output);
        assertTrue(output.matches("(?s).*jdbc/WSO2IdentityDB \\([a-z, ]+\\) is at " + release.replace(".", "\\.")
                + "[,; ].*"), output);
        assertTrue(output.contains(advice), output);
        assertTrue(output.contains("Nothing was changed"), output);
        for (TestDatabase database : List.of(identity, shared)) {
            try (Connection connection = database.connect()) {
                assertFalse(CatalogLookup.tableExists(connection, "IS_MIGRATION_HISTORY"), "no ledger written");
                assertEquals(List.of(), SchemaComparer.compare(SchemaFacts.load(facts, release, database == shared),
                        LiveSchemaReader.read(connection, database.dialect())), "schema unchanged");
                assertEquals(database == shared ? sharedBefore : identityBefore, DataFingerprint.of(connection),
                        "rows unchanged");
            }
        }
    }

    @Test
    void a560DatabaseRunWithCurrentVersion550IsRefused() throws Exception {
        // 5.6.0's schema (IDN_AUTH_TEMP_SESSION_STORE, SP_CLAIM_DIALECT, EXPIRY_TIME, ...) tells it from 5.5.0's, whose
        // step would otherwise run on it.
        IsHome home = InstalledDatabases.at("H2 1.4.199", "h2", "5.6.0").home("5.5.0");

        StandaloneMigration580To590Test.Run refused = StandaloneMigration580To590Test.cli("migrate", home, List.of());

        assertEquals(2, refused.exitCode(), refused.output());
        assertTrue(refused.output().contains("currentVersion: is \"5.5.0\""), refused.output());
        assertTrue(refused.output().matches("(?s).*jdbc/WSO2IdentityDB \\([a-z, ]+\\) is at 5\\.6\\.0, already past"
                + " currentVersion.*set currentVersion \"5\\.6\\.0\".*"), refused.output());
    }

    @Test
    void theOperatorCanSkipTheCheckWithTheFlagOrTheKeyAndIsWarned() throws Exception {
        IsHome home = InstalledDatabases.at("H2 1.4.199", "h2", "5.9.0").home("5.8.0");

        StandaloneMigration580To590Test.Run flag = StandaloneMigration580To590Test.cli("dry-run", home,
                List.of("--skip-version-check"));
        assertEquals(0, flag.exitCode(), flag.output());
        assertTrue(flag.output().contains("skipVersionCheck: the databases were not checked to be at currentVersion"
                + " 5.8.0"), flag.output());

        Files.writeString(home.resources().resolve("migration-config.yaml"), "skipVersionCheck: \"true\"\n"
                + Files.readString(home.resources().resolve("migration-config.yaml")));
        StandaloneMigration580To590Test.Run key = StandaloneMigration580To590Test.cli("dry-run", home, List.of());
        assertEquals(0, key.exitCode(), key.output());
        assertTrue(key.output().contains("skipVersionCheck: the databases were not checked"), key.output());
    }

    private static Map<String, DataFingerprint.TableData> fingerprint(TestDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            return DataFingerprint.of(connection);
        }
    }

    private static int lineOf(IsHome home, String key) throws Exception {
        List<String> lines = Files.readAllLines(home.resources().resolve("migration-config.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(key)) {
                return i + 1;
            }
        }
        throw new AssertionError(key + " not in the shipped config");
    }
}

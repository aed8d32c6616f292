package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * {@code check} before a migration, through the command line with the shipped configuration (currentVersion
 * "5.8.0"): each database's release is found from its schema; at 5.8.0 every check passes (exit 0) and the token
 * tables are sized with a time estimate; at another release it fails (exit 1) saying what to set; a wrong password
 * fails at once with the database's own message.
 */
class CheckBeforeMigrationTest {

    /** engine, facts dialect, the release the databases are built at */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("H2 1.4.199", "h2", "5.8.0"),
                Arguments.of("H2 1.4.199", "h2", "5.7.0"),
                Arguments.of("H2 1.4.199", "h2", "5.9.0"),
                Arguments.of("PostgreSQL", "postgresql", "5.8.0"),
                Arguments.of("PostgreSQL", "postgresql", "5.7.0"),
                Arguments.of("MariaDB", "mysql5.7", "5.8.0"),
                Arguments.of("MariaDB", "mysql", "5.9.0"));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("cases")
    void eachDatabaseIsFoundAtItsReleaseAndPassesOnlyAtCurrentVersion(String engineName, String facts,
                                                                      String release) throws Exception {
        IsHome home = InstalledDatabases.at(engineName, facts, release).home("5.8.0");

        StandaloneMigration580To590Test.Run check = StandaloneMigration580To590Test.cli("check", home, List.of());

        String output = check.output();
        assertTrue(output.contains("found: " + release + "\n"), output);
        assertTrue(output.contains("big tables: passed") && output.contains("IDN_OAUTH2_ACCESS_TOKEN")
                && output.contains("estimated time"), output);
        assertTrue(output.contains("connection: passed") && output.contains("\"mode\": \"CHECK\""), output);
        if (release.equals("5.8.0")) {
            assertEquals(0, check.exitCode(), output);
            assertTrue(output.startsWith("Check 5.8.0: PASSED"), output);
        } else {
            assertEquals(1, check.exitCode(), output);
            assertTrue(output.contains("release: FAILED"), output);
            assertTrue(output.contains(release.equals("5.7.0") ? "set currentVersion \"5.7.0\""
                    : "already migrated to migrateVersion \"5.9.0\""), output);
        }
    }

    @Test
    void aWrongPasswordFailsAtOnceWithTheDatabasesOwnMessage() throws Exception {
        TestDatabase real = H2Engines.V1_4_199.newFileDatabase();
        try (Connection connection = real.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", false));
        }
        TestDatabase wrong = new TestDatabase(real.dialect(), real.engine(), real.name(), real.url(), real.user(),
                "not-the-password", real.driver());
        IsHome home = MigrationChainTo590Test.home(wrong, wrong, "5.8.0");
        long start = System.nanoTime();

        StandaloneMigration580To590Test.Run check = StandaloneMigration580To590Test.cli("check", home, List.of());

        assertEquals(1, check.exitCode(), check.output());
        assertTrue(check.output().contains("connection: FAILED") && check.output().contains("password"),
                check.output());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "failed within seconds");
        assertTrue(!check.output().contains("not-the-password"), "the password is never printed");
    }
}

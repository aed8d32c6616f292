package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.testsupport.HeadlessBrowser;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * {@code verify} after a real migration: 5.8.0 identity and shared databases with rows in nearly every table,
 * migrated by the command line to 5.9.0, pass (schema, ledger, IDP_ID, every tenant's claims). Then, one at a time,
 * a dropped index, a changed column type and a failed step in the ledger each make it fail with exit 1, naming what
 * is wrong, in the summary and in the JSON report.
 */
class VerifyAfterMigrationTest {

    /** engine, facts the 5.8.0 databases are built from */
    static Stream<Arguments> engines() {
        return Stream.of(
                Arguments.of("H2 1.4.199", "h2"),
                Arguments.of("PostgreSQL", "postgresql"),
                Arguments.of("MariaDB", "mysql5.7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aMigratedDatabasePassesAndEachPlantedFaultFailsItByName(String engineName, String facts) throws Exception {
        InstalledDatabases installed = InstalledDatabases.at(engineName, facts, "5.8.0");
        TestDatabase identity = installed.identity();
        IsHome home = installed.home("5.8.0");
        StandaloneMigration580To590Test.Run migrated = StandaloneMigration580To590Test.cli("migrate", home,
                List.of());
        assertEquals(0, migrated.exitCode(), migrated.output());

        StandaloneMigration580To590Test.Run passed = verify(home);
        assertEquals(0, passed.exitCode(), passed.output());
        assertTrue(passed.output().startsWith("Verify 5.9.0: PASSED"), passed.output());
        assertTrue(passed.output().contains("ledger: passed") && passed.output().contains("IDP_ID set: passed")
                && passed.output().contains("tenant claims 5.9.0: passed"), passed.output());
        assertTrue(passed.output().contains("\"verdict\": \"PASSED\""), passed.output());

        execute(identity, identity.dialect() == Dialect.MARIADB
                ? "DROP INDEX IDX_AT_CK_AU ON IDN_OAUTH2_ACCESS_TOKEN" : "DROP INDEX IDX_AT_CK_AU");
        StandaloneMigration580To590Test.Run index = verify(home);
        assertEquals(1, index.exitCode(), index.output());
        assertTrue(index.output().contains("1 difference\n      MISSING_INDEX IDN_OAUTH2_ACCESS_TOKEN.IDX_AT_CK_AU"),
                index.output());
        assertTrue(index.output().contains("\"kind\": \"MISSING_INDEX\""), index.output());
        // The same verdict on the page next to the JSON report, as a browser shows it.
        Matcher pageLine = Pattern.compile("page: (\\S+\\.html)").matcher(index.output());
        assertTrue(pageLine.find(), index.output());
        try (HeadlessBrowser browser = new HeadlessBrowser()) {
            org.htmlunit.html.HtmlPage page = browser.open(Path.of(pageLine.group(1)));
            assertEquals(List.of(), browser.scriptErrors(), "script errors");
            assertEquals(List.of(), browser.requests(), "the page fetched something");
            assertTrue(page.getTitleText().contains("FAILED"), page.getTitleText());
            assertTrue(page.asNormalizedText().contains("MISSING_INDEX IDN_OAUTH2_ACCESS_TOKEN.IDX_AT_CK_AU"),
                    page.asNormalizedText());
        }

        execute(identity, switch (identity.dialect()) {
            case POSTGRESQL -> "ALTER TABLE IDN_FUNCTION_LIBRARY ALTER COLUMN DESCRIPTION TYPE VARCHAR(2048)";
            case MARIADB -> "ALTER TABLE IDN_FUNCTION_LIBRARY MODIFY DESCRIPTION VARCHAR(2048) NULL";
            default -> "ALTER TABLE IDN_FUNCTION_LIBRARY ALTER COLUMN DESCRIPTION VARCHAR(2048)";
        });
        StandaloneMigration580To590Test.Run type = verify(home);
        assertEquals(1, type.exitCode(), type.output());
        // The actual type as the engine names it (PostgreSQL: character varying(2048)).
        assertTrue(type.output().matches("(?s).*COLUMN_TYPE IDN_FUNCTION_LIBRARY.DESCRIPTION: expected VARCHAR\\(1023\\),"
                + " actual [a-zA-Z ]+\\(2048\\)\n.*"), type.output());

        execute(identity, "UPDATE IS_MIGRATION_HISTORY SET OUTCOME = 'FAILED' WHERE MIGRATOR = 'ClaimDataMigrator'");
        StandaloneMigration580To590Test.Run ledger = verify(home);
        assertEquals(1, ledger.exitCode(), ledger.output());
        assertTrue(ledger.output().matches("(?s).*ledger: FAILED .*\n      [^\n]*ClaimDataMigrator[^\n]*ATTEMPT_FAILED.*"),
                ledger.output());
        assertTrue(ledger.output().contains("\"verdict\": \"FAILED\""), ledger.output());
    }

    private static StandaloneMigration580To590Test.Run verify(IsHome home) throws Exception {
        return StandaloneMigration580To590Test.cli("verify", home, List.of());
    }

    private static void execute(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

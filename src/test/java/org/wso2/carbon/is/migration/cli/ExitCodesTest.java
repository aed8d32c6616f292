package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.testsupport.IsHome;

/**
 * The command line's exit code for each kind of failure is that failure's {@link ErrorCode}. The built jar's own
 * run ({@code StandaloneJarIT}) checks the numbers operators see for a broken config and a failing step.
 */
class ExitCodesTest {

    record Run(int exitCode, String output) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out + err.toString());
    }

    @Test
    void badUsageOfAnyCommandExitsWithTheBadConfigurationCode() {
        IsHome home = IsHome.create("usage");
        int expected = ErrorCode.BAD_CONFIGURATION.exitCode();
        assertEquals(expected, cli().exitCode(), "no command");
        assertEquals(expected, cli("dry-run").exitCode(), "dry-run without --is-home");
        assertEquals(expected, cli("info", "--is-home", home.path().toString(), "--no-such-option").exitCode());
        assertEquals(expected, cli("migrate", "--is-home", home.path().resolve("missing").toString()).exitCode(),
                "--is-home not a directory");
    }

    @Test
    void aConfigurationThatCannotBeUsedExitsWithTheBadConfigurationCode() {
        IsHome home = IsHome.create("bad-config").withProjectResources()
                .withDeploymentToml(IsHome.databaseSection("identity_db", "h2", "jdbc:h2:./repository/database/ID",
                        "wso2carbon", "wso2carbon"))
                .withConfig("currentVersion: \"5.8.0\"\nmigrateVersion: \"5.9.0\"\nversions: 7\n");
        Run run = cli("dry-run", "--is-home", home.path().toString());
        assertEquals(ErrorCode.BAD_CONFIGURATION.exitCode(), run.exitCode(), run.output());
        assertTrue(run.output().contains("migration-config.yaml:3"), run.output());
    }

    @Test
    void anIsHomeWithoutItsDatabaseSettingsExitsWithTheDataSourceUnavailableCode() {
        IsHome home = IsHome.create("no-toml").withProjectResources();
        Run run = cli("migrate", "--is-home", home.path().toString());
        assertEquals(ErrorCode.DATA_SOURCE_UNAVAILABLE.exitCode(), run.exitCode(), run.output());
        assertTrue(run.output().contains("No deployment.toml"), run.output());
    }
}

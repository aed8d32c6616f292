package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.testsupport.IsHome;

/**
 * What the operator must fix in the setup (a database section missing from deployment.toml, a DataSource name the
 * tool does not know, no JDBC driver, a database that refuses the login) ends every command with exit code 2 and one
 * message naming the file and key, before any step is planned; the old behaviour was exit 1 and the same error once
 * per step.
 */
class SetupErrorsExitWithTwoOnceTest {

    private static final String H2_URL = "jdbc:h2:./repository/database/WSO2IDENTITY_DB";
    /** The H2 of the test class path, so that the test and the tool read the same file format. */
    private static final String H2_JAR = "h2-2.3.232.jar";
    private static final String H2_PLUGIN = "h2_2.3.232.wso2v1.jar";

    record Run(int exitCode, String output) {
    }

    private static Run cli(String command, IsHome home) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), command,
                "--is-home", home.path().toString());
        return new Run(exit, out + err.toString());
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static void assertSetupError(Run run, String cause, String where) {
        assertEquals(ErrorCode.DATA_SOURCE_UNAVAILABLE.exitCode(), run.exitCode(), run.output());
        assertEquals(1, occurrences(run.output(), cause), "reported once: " + run.output());
        assertTrue(run.output().contains(where), "names where it is configured: " + run.output());
        assertTrue(run.output().contains("Nothing was changed."), run.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "dry-run", "info"})
    void aMissingDatabaseSectionIsReportedOnceWithExitTwo(String command) {
        // The shipped config changes both databases; deployment.toml has only the identity one.
        IsHome home = IsHome.create("no-shared-section").withProjectResources().withPlugin(H2_JAR, H2_PLUGIN)
                .withDeploymentToml(IsHome.databaseSection("identity_db", "h2", H2_URL, "wso2carbon", "wso2carbon"));
        Run run = cli(command, home);
        assertSetupError(run, "has no [database.shared_db] section",
                "dataSources.um at " + home.resources().resolve("migration-config.yaml") + ":");
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "dry-run"})
    void anUnknownDataSourceNameIsReportedOnceWithItsConfigLine(String command) throws Exception {
        IsHome home = IsHome.create("unknown-datasource").withProjectResources().withPlugin(H2_JAR, H2_PLUGIN)
                .withDeploymentToml(IsHome.databaseSection("identity_db", "h2", H2_URL, "wso2carbon", "wso2carbon")
                        + IsHome.databaseSection("shared_db", "h2", H2_URL, "wso2carbon", "wso2carbon"));
        String config = Files.readString(home.resources().resolve("migration-config.yaml"))
                .replace("identity: \"jdbc/WSO2IdentityDB\"", "identity: \"jdbc/NoSuchDB\"");
        home.withConfig(config);
        int line = lineOf(config, "identity: \"jdbc/NoSuchDB\"");
        Run run = cli(command, home);
        assertSetupError(run, "Unknown DataSource name 'jdbc/NoSuchDB'",
                "dataSources.identity at " + home.resources().resolve("migration-config.yaml") + ":" + line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "dry-run"})
    void aMissingJdbcDriverIsReportedOnceNamingTheFoldersSearched(String command) {
        String mysql = "jdbc:mysql://localhost:3306/WSO2_IDENTITY_DB";
        IsHome home = IsHome.create("no-driver").withProjectResources()
                .withDeploymentToml(IsHome.databaseSection("identity_db", "mysql", mysql, "wso2carbon", "wso2carbon")
                        + IsHome.databaseSection("shared_db", "mysql", mysql, "wso2carbon", "wso2carbon"));
        Run run = cli(command, home);
        assertSetupError(run, "No JDBC driver for the mysql database 'identity_db'",
                home.path().resolve("repository/components/lib").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"migrate", "dry-run"})
    void aWrongPasswordIsReportedOnceWithExitTwo(String command) throws Exception {
        IsHome home = IsHome.create("wrong-password").withProjectResources().withPlugin(H2_JAR, H2_PLUGIN);
        String url = "jdbc:h2:" + home.path().resolve("repository/database/WSO2IDENTITY_DB");
        try (var connection = java.sql.DriverManager.getConnection(url, "wso2carbon", "right")) {
            connection.createStatement().execute("SELECT 1");
        }
        home.withDeploymentToml(IsHome.databaseSection("identity_db", "h2", url, "wso2carbon", "wrong")
                + IsHome.databaseSection("shared_db", "h2", url, "wso2carbon", "wrong"));
        // Without a dataSources block every database has its default DataSource, and the message says so.
        String config = Files.readString(home.resources().resolve("migration-config.yaml"));
        home.withConfig(config.replaceAll("(?m)^dataSources:\\n(  .*\\n)+", ""));
        Run run = cli(command, home);
        assertSetupError(run, "Could not connect to DataSource jdbc/WSO2IdentityDB", "jdbc/WSO2IdentityDB is the"
                + " default for the identity database");
    }

    private static int lineOf(String text, String part) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part + " not in the config");
    }
}

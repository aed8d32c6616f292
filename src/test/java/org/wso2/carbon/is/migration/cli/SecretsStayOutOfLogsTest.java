package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.testsupport.IsHome;

/** A failure that involves the database's credentials must not show them: console, log and report alike. */
class SecretsStayOutOfLogsTest {

    private static final String SECRET = "S3cr3t-Pa55-w0rd";

    @Test
    void aConnectionFailureNamesTheDatabaseButNotItsPassword() throws Exception {
        // Port 1 on loopback refuses at once; the URL carries the password too, as some operators write it.
        String url = "jdbc:postgresql://127.0.0.1:1/identity?user=wso2&password=" + SECRET;
        IsHome home = IsHome.create("secrets").withProjectResources().withDriverInLib("postgresql-42.7.4.jar")
                .withDeploymentToml(IsHome.databaseSection("identity_db", "postgre", url, "wso2", SECRET)
                        + IsHome.databaseSection("shared_db", "postgre", url, "wso2", SECRET));
        Path report = home.path().resolve("report.json");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        int exit;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), "migrate",
                    "--is-home", home.path().toString(), "--report", report.toString());
        } finally {
            System.setErr(originalErr);
        }

        String console = out + err.toString();
        String logged = log.toString(StandardCharsets.UTF_8);
        String json = Files.readString(report);
        // A database that cannot be reached is the setup's problem (exit 2), reported once before any step.
        assertEquals(ErrorCode.DATA_SOURCE_UNAVAILABLE.exitCode(), exit, console);
        assertTrue(console.contains("127.0.0.1:1"), "the failure names the database: " + console);
        for (String text : Stream.of(console, logged, json).toList()) {
            assertFalse(text.contains(SECRET), "secret leaked into: " + text);
        }
    }
}

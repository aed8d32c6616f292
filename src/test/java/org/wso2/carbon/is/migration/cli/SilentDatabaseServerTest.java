package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.TcpProxy;

/**
 * A database server that accepts the TCP connection and then never answers used to keep {@code migrate} waiting
 * for ever. Every connection now has a bounded time to open (connectTimeoutSeconds), and the run ends as a setup
 * error naming the database.
 */
class SilentDatabaseServerTest {

    @Test
    void aServerThatAcceptsAndNeverAnswersEndsTheRunWithinTheConnectTimeout() throws Exception {
        try (TcpProxy silent = TcpProxy.silentListener()) {
            String url = "jdbc:postgresql://127.0.0.1:" + silent.port() + "/WSO2_IDENTITY_DB";
            IsHome home = IsHome.create("silent-server").withProjectResources()
                    .withDriverInLib("postgresql-42.7.4.jar")
                    .withDeploymentToml(IsHome.databaseSection("identity_db", "postgre", url, "wso2", "secret")
                            + IsHome.databaseSection("shared_db", "postgre", url, "wso2", "secret"));
            String config = Files.readString(home.resources().resolve("migration-config.yaml"));
            home.withConfig(config.replace("connectTimeoutSeconds: \"30\"", "connectTimeoutSeconds: \"2\""));

            StringWriter out = new StringWriter();
            long start = System.nanoTime();
            int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), "migrate",
                    "--is-home", home.path().toString());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;

            assertEquals(ErrorCode.DATA_SOURCE_UNAVAILABLE.exitCode(), exit, out.toString());
            assertTrue(seconds < 20, "two databases, 2 s each, not for ever: " + seconds + " s");
            assertTrue(out.toString().contains("No connection to jdbc/WSO2IdentityDB within 2.0 s"
                    + " (connectTimeoutSeconds)"), out.toString());
            assertTrue(out.toString().contains("Nothing was changed."), out.toString());
        }
    }
}

package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.testsupport.ExampleHome;
import org.wso2.carbon.is.migration.testsupport.IsHome;

/**
 * The built jar as operators run it, {@code java -jar}, in its own JVM with nothing else on the class path: it
 * must carry its libraries, find the JDBC driver in the IS home, and answer with the documented exit codes.
 */
class StandaloneJarIT {

    record Run(int exitCode, String output) {
    }

    private static Run jar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("migration.bundle.jar")));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Run(process.exitValue(), output);
    }

    private static IsHome example(String name) throws Exception {
        return ExampleHome.create(Path.of(System.getProperty("java.io.tmpdir"), "jar-it", name + "-" + System.nanoTime()));
    }

    @Test
    void migratesA580InstallationStandaloneAndASecondRunFindsEverythingDone() throws Exception {
        IsHome home = example("ok");
        Run first = jar("migrate", "--is-home", home.path().toString());
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("SUCCEEDED"), first.output());
        assertTrue(first.output().contains("H2 1.4.199"), "the server's own H2 engine was used: " + first.output());

        Run second = jar("migrate", "--is-home", home.path().toString());
        assertEquals(0, second.exitCode(), second.output());
        assertTrue(second.output().contains("ALREADY_APPLIED"), second.output());
    }

    @Test
    void aBrokenConfigExitsWithTwoNamingFileAndLine() throws Exception {
        IsHome home = example("bad-config");
        Files.writeString(home.resources().resolve("migration-config.yaml"),
                "currentVersion: \"5.8.0\"\nmigrateVersion: \"5.9.0\"\ncontinueOnError: maybe\nversions: []\n");
        Run run = jar("migrate", "--is-home", home.path().toString());
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("migration-config.yaml:3"), run.output());
        assertTrue(run.output().contains("continueOnError"), run.output());
    }

    @Test
    void aFailingStepExitsWithOneAndNamesTheStatement() throws Exception {
        IsHome home = example("bad-step");
        Files.writeString(home.resources().resolve("5.9.0/dbscripts/step1/identity/h2.sql"),
                "CREATE TABLE IF NOT EXISTS T1 (ID INTEGER);\nINSERT INTO NO_SUCH_TABLE VALUES (1);\n");
        Run run = jar("migrate", "--is-home", home.path().toString());
        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("h2.sql:2"), run.output());
        assertTrue(run.output().contains("NO_SUCH_TABLE"), run.output());
    }

    @Test
    void badUsageExitsWithTwo() throws Exception {
        assertEquals(2, jar().exitCode());
        assertEquals(2, jar("migrate").exitCode(), "--is-home is required");
        assertEquals(2, jar("migrate", "--is-home", "/no/such/home").exitCode());
        assertEquals(2, jar("explode", "--is-home", "/tmp").exitCode());
    }
}

package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * SIGTERM (what {@code kill} and a service manager send; Ctrl-C is the same path) during a step: the run stops at its
 * next statement, records the step INTERRUPTED with the time, releases the lock, prints the summary with how to go
 * on, and the process exits 143. Running the same command again completes the migration. On real PostgreSQL, the
 * run in a child JVM so the signal is real.
 */
class InterruptedRunEndsCleanlyTest {

    private static final String CONFIG = """
            currentVersion: "5.8.0"
            migrateVersion: "5.9.0"
            versions:
              - version: "5.9.0"
                migratorConfigs:
                  - {name: SchemaMigrator, order: 1, parameters: {location: slow, schema: identity}}
                  - {name: SchemaMigrator, order: 2, parameters: {location: after, schema: identity}}
            """;

    @Test
    void sigtermDuringAStepRecordsItInterruptedReleasesTheLockAndTheNextRunCompletes() throws Exception {
        TestDatabase database = PostgresEngine.instance().newDatabase();
        IsHome home = IsHome.create("sigterm").withDriverInLib("postgresql-42.7.4.jar")
                .withDeploymentToml(IsHome.databaseSection("identity_db", "postgre", database.url(), database.user(),
                        "unused"))
                .withConfig(CONFIG);
        // Re-runnable from any statement, as the shipped scripts are (their guards): the re-run repeats the step.
        script(home, "slow", "CREATE TABLE IF NOT EXISTS T1 (ID INTEGER);\n" + "SELECT pg_sleep(0.5);\n".repeat(40)
                + "CREATE TABLE T2 (ID INTEGER);\n");
        script(home, "after", "CREATE TABLE T3 (ID INTEGER);\n");

        Path log = home.path().resolve("run.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), MigrationCli.class.getName(),
                "migrate", "--is-home", home.path().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (Connection watcher = database.connect()) {
            waitUntilStepRuns(watcher, child, log);
            Thread.sleep(1000);
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "ended after SIGTERM\n" + Files.readString(log));
            String output = Files.readString(log);
            assertEquals(143, child.exitValue(), output);
            assertTrue(output.contains("interrupted (SIGTERM or Ctrl-C): run the same command again to continue"),
                    output);
            assertEquals("INTERRUPTED", text(watcher, "SELECT OUTCOME FROM IS_MIGRATION_HISTORY WHERE STEP_KEY LIKE"
                    + " '%slow%' AND FINISHED_AT IS NOT NULL"), output);
            assertTrue(text(watcher, "SELECT DETAIL FROM IS_MIGRATION_HISTORY WHERE STEP_KEY LIKE '%slow%'")
                    .startsWith("interrupted (SIGTERM or Ctrl-C) at "), output);
            assertEquals("0", text(watcher, "SELECT COUNT(*) FROM IS_MIGRATION_LOCK"), "the lock was released");
            assertFalse(tableExists(watcher, "t2"), "the step stopped before its end");
            assertFalse(tableExists(watcher, "t3"), "no later step ran");
        } finally {
            child.destroyForcibly();
        }

        StringWriter out = new StringWriter();
        int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), "migrate",
                "--is-home", home.path().toString());
        assertEquals(0, exit, out.toString());
        try (Connection connection = database.connect()) {
            assertTrue(tableExists(connection, "t2") && tableExists(connection, "t3"));
            assertEquals("INTERRUPTED,SUCCESS", text(connection, "SELECT STRING_AGG(OUTCOME, ',' ORDER BY ID) FROM"
                    + " IS_MIGRATION_HISTORY WHERE STEP_KEY LIKE '%slow%'"), "the step ran again, and both runs are"
                    + " recorded");
        }
    }

    private static void script(IsHome home, String location, String sql) throws Exception {
        Path file = home.resources().resolve("5.9.0/dbscripts").resolve(location).resolve("identity/postgresql.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    /** The ledger commits a step's start at once on a connection of its own; the step's changes may not be. */
    private static void waitUntilStepRuns(Connection watcher, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!"1".equals(runningSteps(watcher))) {
            assertTrue(child.isAlive(), "the run ended early\n" + Files.readString(log));
            assertTrue(System.nanoTime() < deadline, "the run did not start\n" + Files.readString(log));
            Thread.sleep(50);
        }
    }

    private static String runningSteps(Connection watcher) {
        try {
            return text(watcher, "SELECT COUNT(*) FROM IS_MIGRATION_HISTORY WHERE OUTCOME = 'RUNNING'");
        } catch (SQLException notYetCreated) {
            return "0";
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.getMetaData().getTables(null, null, table, null)) {
            return rows.next();
        }
    }

    private static String text(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), sql);
            return rows.getString(1);
        }
    }
}

package org.wso2.carbon.is.migration.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.wso2.carbon.is.migration.cli.MigrationCli;

/**
 * A {@code migrate} run in a child JVM, killed (destroyForcibly: SIGKILL, no shutdown hook, no rollback by the
 * tool) once the ledger checkpoint of one walked table has moved a given number of times: the run dies mid-walk,
 * with chunks committed behind it and one possibly in flight. What is left is what a crash or {@code kill -9}
 * leaves an operator.
 */
public final class KilledMigrationRun {

    private static final String CHECKPOINT = "SELECT CP_VALUE FROM IS_MIGRATION_CHECKPOINT WHERE CP_KEY = ?";

    private KilledMigrationRun() {
    }

    /**
     * Starts the run on {@code isHome} (its output in {@code log}), polls {@code checkpointKey} through
     * {@code watcher} until {@code checkpoints} different values were seen, and kills it. Fails the test, with the
     * run's output, if the run ends by itself first or makes no progress within {@code timeout}.
     */
    public static void killAfterCheckpoints(Path isHome, Path log, Connection watcher, String checkpointKey,
                                            int checkpoints, Duration timeout, String context) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), MigrationCli.class.getName(),
                "migrate", "--is-home", isHome.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        watcher.setAutoCommit(true);
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (seen.size() < checkpoints) {
                assertTrue(child.isAlive(), context + ": the run ended before it was killed\n" + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, context + ": no progress on " + checkpointKey + "\n"
                        + Files.readString(log));
                String checkpoint = checkpoint(watcher, checkpointKey);
                if (checkpoint != null) {
                    seen.add(checkpoint);
                }
                Thread.sleep(2);
            }
        } finally {
            // Also when the watch fails: a child left running would go on changing the test's database.
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(child.isAlive(), context + ": the killed run did not end");
    }

    private static String checkpoint(Connection watcher, String key) {
        try (PreparedStatement query = watcher.prepareStatement(CHECKPOINT)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException notYetCreated) {
            return null; // the ledger's tables appear when the run starts; the watcher is in auto-commit
        }
    }
}

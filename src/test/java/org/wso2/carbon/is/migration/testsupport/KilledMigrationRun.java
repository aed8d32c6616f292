package org.wso2.carbon.is.migration.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.wso2.carbon.is.migration.cli.MigrationCli;
import org.wso2.carbon.is.migration.sql.StatementRunner;

/**
 * A {@code migrate} run in a child JVM, killed (destroyForcibly: SIGKILL, no shutdown hook, no rollback by the
 * tool) at a moment read from the ledger: once the checkpoint of one walked table has moved a given number of times
 * (the run dies mid-walk, with chunks committed behind it and one possibly in flight), or once any question about
 * the database holds, plus a delay. What is left is what a crash or {@code kill -9} leaves an operator.
 */
public final class KilledMigrationRun {

    private static final String CHECKPOINT = "SELECT CP_VALUE FROM IS_MIGRATION_CHECKPOINT WHERE CP_KEY = ?";
    /** slf4j-simple's level for the class that logs each script statement as it starts ("running statement N"). */
    private static final String STATEMENT_LOG = "org.slf4j.simpleLogger.log." + StatementRunner.class.getName();

    private KilledMigrationRun() {
    }

    /**
     * Starts the run on {@code isHome} (its output in {@code log}), polls {@code checkpointKey} through
     * {@code watcher} until {@code checkpoints} different values were seen, and kills it. Fails the test, with the
     * run's output, if the run ends by itself first or makes no progress within {@code timeout}.
     */
    public static void killAfterCheckpoints(Path isHome, Path log, Connection watcher, String checkpointKey,
                                            int checkpoints, Duration timeout, String context) throws Exception {
        watcher.setAutoCommit(true);
        Set<String> seen = new HashSet<>();
        killWhen(isHome, log, () -> watcher, connection -> {
            String checkpoint = checkpoint(connection, checkpointKey);
            if (checkpoint != null) {
                seen.add(checkpoint);
            }
            return seen.size() >= checkpoints;
        }, 0, timeout, context + ": no progress on " + checkpointKey);
    }

    /** Opens the watcher's connection, or answers null while the database cannot be opened from outside yet. */
    @FunctionalInterface
    public interface Watcher {
        Connection open() throws SQLException;
    }

    /** A question about the database the run changes, asked through the watcher's connection (in auto-commit). */
    @FunctionalInterface
    public interface Moment {
        boolean reached(Connection watcher) throws SQLException;
    }

    /**
     * Starts the run on {@code isHome} (its output in {@code log}), asks {@code moment} through the connection
     * {@code watcher} opens (polled until it opens one, then kept) until it holds, waits {@code delayMillis} more,
     * and kills the run. Fails the test, with {@code context} and the run's output, if the run ends by itself first
     * or the moment does not come within {@code timeout}. The caller closes nothing: the watcher's connection is
     * closed here once the run is dead.
     */
    public static void killWhen(Path isHome, Path log, Watcher watcher, Moment moment, long delayMillis,
                                Duration timeout, String context) throws Exception {
        Process child = start(isHome, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        Connection connection = null;
        try {
            while (connection == null || !reached(moment, connection)) {
                assertTrue(child.isAlive(), context + ": the run ended before it was killed\n" + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, context + ": the moment to kill did not come\n"
                        + Files.readString(log));
                if (connection == null) {
                    connection = watcher.open();
                    if (connection != null) {
                        connection.setAutoCommit(true);
                    }
                }
                Thread.sleep(2);
            }
            Thread.sleep(delayMillis);
        } finally {
            // Also when the watch fails: a child left running would go on changing the test's database.
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException goneWithTheRun) {
                    // An H2 watcher reaches the database through the killed run's own server.
                }
            }
        }
        assertFalse(child.isAlive(), context + ": the killed run did not end");
    }

    /**
     * Starts the run on {@code isHome} (its output in {@code log}, each statement of a script logged as it starts),
     * waits until the log shows a match of {@code line}, then {@code delayMillis} more, and kills the run. Read from the log, the
     * moment needs no connection to the database: an embedded H2 file can be watched only through the run's own
     * server, which may come up after a short script has ended. Fails the test as {@link #killWhen} does.
     */
    public static void killWhenLogged(Path isHome, Path log, Pattern line, long delayMillis, Duration timeout,
                                      String context) throws Exception {
        Process child = start(isHome, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (LogTail tail = new LogTail(log)) {
            while (!tail.showsNew(line)) {
                assertTrue(child.isAlive(), context + ": the run ended before it was killed\n" + Files.readString(log));
                assertTrue(System.nanoTime() < deadline, context + ": the moment to kill did not come\n"
                        + Files.readString(log));
                Thread.sleep(1);
            }
            Thread.sleep(delayMillis);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertFalse(child.isAlive(), context + ": the killed run did not end");
    }

    /**
     * The log as it grows, read from where the last read stopped: a watch that read the whole file each time fell
     * behind a run logging every statement at DEBUG, by more than a short script (37 ms) takes, late in a chain.
     * Patterns match within a line, so only the text from the start of the last incomplete line is kept.
     */
    private static final class LogTail implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        private final StringBuilder unread = new StringBuilder();

        LogTail(Path log) throws IOException {
            this.channel = FileChannel.open(log, StandardOpenOption.READ);
        }

        boolean showsNew(Pattern line) throws IOException {
            while (channel.read(buffer) > 0) {
                buffer.flip();
                unread.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            boolean found = line.matcher(unread).find();
            unread.delete(0, unread.lastIndexOf("\n") + 1);
            return found;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static Process start(Path isHome, Path log) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-D" + STATEMENT_LOG + "=debug",
                "-cp", System.getProperty("java.class.path"), MigrationCli.class.getName(),
                "migrate", "--is-home", isHome.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static boolean reached(Moment moment, Connection connection) {
        try {
            return moment.reached(connection);
        } catch (SQLException notYetCreated) {
            return false; // the ledger's tables appear when the run starts; the watcher is in auto-commit
        }
    }

    private static String checkpoint(Connection watcher, String key) throws SQLException {
        try (PreparedStatement query = watcher.prepareStatement(CHECKPOINT)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}

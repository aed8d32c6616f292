package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.cli.MigrationCli;
import org.wso2.carbon.is.migration.testsupport.H2ServerEngine;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * While a writer inserts, updates and deletes tokens, scopes and user data (a fifth of its transactions rolled
 * back), {@code sync run} runs in a child JVM that is killed with SIGKILL at random moments and started again; when
 * the writer stops and the backlog drains, every table is equal on both sides (compared row by row, apart from
 * verify) and {@code sync verify} finds no difference.
 */
class SyncSurvivesAWriterAndKillsTest {

    private static final long SEED = 20261204L;
    private static final int KILLS = 4;

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void killedAndRestartedRunsBesideAWriterLoseNothing(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0", "batchSize", "20");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "sync-kill");
        List<String> args = new ArrayList<>(List.of("sync", "run"));
        args.addAll(fixture.commandLine(folder, "syncInterval=50", "batchSize=20"));

        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        AtomicInteger committed = new AtomicInteger();
        Thread writer = new Thread(() -> write(fixture, committed, writerFailure), "writer");
        Random random = new Random(SEED);
        writer.start();
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                Path log = folder.resolve("run-" + kill + ".log");
                Process child = start(args, log);
                long deadline = System.currentTimeMillis() + 90_000;
                while (!passed(log)) { // killed only after a whole pass, so that a kill can land anywhere after it
                    assertTrue(child.isAlive() && System.currentTimeMillis() < deadline,
                            "the run completed no pass\n" + Files.readString(log));
                    Thread.sleep(100);
                }
                Thread.sleep(random.nextInt(1500));
                assertTrue(child.isAlive(), "the run was still running when killed\n" + Files.readString(log));
                child.destroyForcibly(); // SIGKILL
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
        } finally {
            writer.join();
        }
        assertEquals(null, writerFailure.get());
        assertTrue(committed.get() > 50, "the writer committed " + committed.get() + " transactions");

        SyncFixture.drain(fixture.run(), 50);
        SyncNeverLosesARowTest.assertSameRows(fixture);
        VerifyReport verify = new SyncVerify(fixture.settings, fixture.databases, 50).run(false);
        assertEquals(0, verify.differences(), verify.text());
    }

    /**
     * PostgreSQL, MariaDB and, for H2, a server of 1.3.175, the engine IS 5.7.0 and 5.8.0 run (whole-table locks,
     * a JDBC 4.0 driver, which the killed tool's JVM loads from the old IS home); the other sync tests run on 2.x.
     */
    static Stream<TestEngine> engines() {
        return Stream.of(PostgresEngine.instance(), MariaDbEngine.instance(), H2ServerEngine.V1_3_175);
    }

    /** A progress line, printed after a pass over every table. */
    private static boolean passed(Path log) throws Exception {
        String output = Files.readString(log);
        return output.contains("No data to sync for: ") || output.contains(" rows synced (");
    }

    private static Process start(List<String> args, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp",
                System.getProperty("java.class.path"), MigrationCli.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** About 30 s of IS-like transactions: tokens with scopes, revocations, deletions, user data; 1 in 5 rolled back. */
    private static void write(SyncFixture fixture, AtomicInteger committed, AtomicReference<Throwable> failure) {
        Random random = new Random(SEED + 1);
        long end = System.currentTimeMillis() + 30_000;
        int next = 0;
        try (Connection writer = fixture.source.connect()) {
            writer.setAutoCommit(false);
            while (System.currentTimeMillis() < end) {
                int token = random.nextInt(Math.max(1, next));
                switch (random.nextInt(5)) {
                    case 0, 1 -> SyncFixture.insertToken(writer, "t" + next++, "user" + random.nextInt(50),
                            "PRIMARY", "openid", "email", "profile");
                    case 2 -> SyncFixture.revokeToken(writer, "t" + token);
                    case 3 -> SyncFixture.deleteToken(writer, "t" + token);
                    default -> userData(writer, random);
                }
                if (random.nextInt(5) == 0) {
                    writer.rollback();
                } else {
                    writer.commit();
                    committed.incrementAndGet();
                }
                Thread.sleep(2 + random.nextInt(10));
            }
        } catch (Exception e) {
            failure.set(e);
        }
    }

    private static void userData(Connection writer, Random random) throws SQLException {
        String user = "user" + random.nextInt(30);
        String key = "key" + random.nextInt(3);
        SyncFixture.execute(writer, "DELETE FROM IDN_IDENTITY_USER_DATA WHERE USER_NAME = '" + user
                + "' AND DATA_KEY = '" + key + "'");
        if (random.nextBoolean()) {
            SyncFixture.putUserData(writer, user, key, "v" + random.nextInt(1000));
        }
    }
}

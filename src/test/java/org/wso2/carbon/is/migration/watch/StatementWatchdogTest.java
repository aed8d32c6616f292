package org.wso2.carbon.is.migration.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TcpProxy;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * On a real PostgreSQL server: a statement that merely runs long is reported while it runs and left to finish; one
 * whose server stops answering (a proxy that freezes the traffic) ends with that cause within the configured time
 * instead of waiting for ever; after a stop request no new statement starts.
 */
class StatementWatchdogTest {


    @Test
    void aLongStatementIsReportedWhileItRunsAndNotCutOff() throws Exception {
        TestDatabase database = PostgresEngine.instance().newDatabase();
        RunWatch watch = RunWatch.unstoppable();
        watch.stepStarted("5.9.0#1:SchemaMigrator");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (StatementWatchdog watchdog = StatementWatchdog.start(watch, 500, 5000, lines::add);
             Connection connection = watch.watch(database.connect(), "jdbc/WSO2IdentityDB", answers(database));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_sleep(2), 42")) {
            assertTrue(rows.next());
            assertEquals(42, rows.getInt(2), "the slow statement finished normally");
        }
        assertTrue(lines.size() >= 2, "a line every 0.5 s while it ran: " + lines);
        assertTrue(lines.get(0).startsWith("[5.9.0#1:SchemaMigrator] still running after "), lines.get(0));
        assertTrue(lines.get(0).endsWith(" on jdbc/WSO2IdentityDB: SELECT pg_sleep(2), 42"), lines.get(0));
        assertNull(watch.lostServer());
        assertTrue(watch.inFlight().isEmpty());
    }

    @Test
    void aServerThatStopsAnsweringEndsTheStatementWithThatCause() throws Exception {
        TestDatabase database = PostgresEngine.instance().newDatabase();
        try (TcpProxy proxy = TcpProxy.inFrontOf(database, Duration.ZERO)) {
            String proxied = proxy.reaching(database).url();
            RunWatch watch = RunWatch.unstoppable();
            watch.stepStarted("5.8.0#4:OAuthDataMigrator");
            // Once frozen, the check's connection hangs like the statement's; the watchdog's time limit ends it.
            ServerCheck throughProxy = () -> {
                try (Connection check = DriverManager.getConnection(proxied, database.user(), "")) {
                    check.isValid(1);
                }
            };
            Connection connection = watch.watch(DriverManager.getConnection(proxied, database.user(), ""),
                    "jdbc/WSO2IdentityDB", throughProxy);
            long start = System.nanoTime();
            try (StatementWatchdog watchdog = StatementWatchdog.start(watch, 500, 1500, line -> { });
                 Statement statement = connection.createStatement()) {
                new Thread(() -> {
                    sleep(700);
                    proxy.freeze();
                }).start();
                assertThrows(SQLException.class, () -> statement.executeQuery("SELECT pg_sleep(60)"));
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 15, "ended within the check time, not after the 60 s statement: " + seconds + " s");
            assertNotNull(watch.lostServer());
            assertTrue(watch.lostServer().startsWith("Lost the database server of jdbc/WSO2IdentityDB: "),
                    watch.lostServer());
            assertTrue(watch.lostServer().contains("[5.8.0#4:OAuthDataMigrator]")
                    && watch.lostServer().contains("SELECT pg_sleep(60)"), watch.lostServer());
        }
    }

    @Test
    void afterAStopRequestNoNewStatementStarts() throws Exception {
        TestDatabase database = PostgresEngine.instance().newDatabase();
        StopRequest stop = new StopRequest();
        RunWatch watch = new RunWatch(stop);
        try (Connection connection = watch.watch(database.connect(), "jdbc/WSO2IdentityDB", answers(database));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE T1 (ID INTEGER)");
            stop.request("SIGTERM or Ctrl-C");
            SQLException refused = assertThrows(SQLException.class,
                    () -> statement.execute("CREATE TABLE T2 (ID INTEGER)"));
            assertTrue(refused.getMessage().contains("the run is stopping (SIGTERM or Ctrl-C)"), refused.getMessage());
        }
        try (Connection connection = database.connect();
             ResultSet tables = connection.getMetaData().getTables(null, null, "t2", null)) {
            assertTrue(!tables.next(), "the refused statement never reached the server");
        }
    }

    private static ServerCheck answers(TestDatabase database) {
        return () -> {
            try (Connection check = database.connect()) {
                check.isValid(2);
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

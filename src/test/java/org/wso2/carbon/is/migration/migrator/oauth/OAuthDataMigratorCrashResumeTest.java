package org.wso2.carbon.is.migration.migrator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.cli.MigrationCli;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.KilledMigrationRun;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * A migration killed (SIGKILL, no shutdown hook, no clean-up) in the middle of the IDP_ID backfill, and re-run: the
 * second run takes over the dead process's lock, continues after the last checkpoint, and the two runs together
 * change every row that needed it exactly once. The first run is a real child JVM running the command line against
 * MariaDB, watched through IS_MIGRATION_CHECKPOINT: a walk by key, with the helper index on the audit table left
 * behind by the dead run and dropped by the next one. (The walk by heap pages is killed and resumed in
 * KilledBackfillResumesExactlyOnceTest, on PostgreSQL.)
 */
class OAuthDataMigratorCrashResumeTest {

    private static final int COPIES = 400; // 4,400 rows per table, 13,200 in all
    private static final int BATCH = 7;
    private static final String AUDIT = "IDN_OAUTH2_ACCESS_TOKEN_AUDIT";

    @Test
    void aMigrationKilledInTheMiddleOfTheBackfillIsFinishedExactlyByTheNextRun() throws Exception {
        TestDatabase database = MariaDbEngine.instance().newDatabase();
        OAuthTokenFixture fixture;
        Map<String, List<Object>> before;
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("mysql", "5.8.0", false));
            fixture = OAuthTokenFixture.fill(connection, COPIES);
            before = OAuthTokenFixture.current(connection);
        }
        IsHome home = IsHome.create("crash-resume")
                .withDeploymentToml(IsHome.databaseSection("identity_db", "mysql", database.url(), database.user(),
                        database.password()) + IsHome.databaseSection("shared_db", "mysql", database.url(),
                        database.user(), database.password()))
                .withDriverInLib("mariadb-java-client-3.4.1.jar")
                .withConfig("""
                        migrationEnable: true
                        currentVersion: "5.7.0"
                        migrateVersion: "5.8.0"
                        # The fallback if the dead holder were not recognised: a short lease.
                        lockStaleAfterSeconds: 3
                        # The OAuth data step alone, on the schema the 5.8.0 step1 script leaves: no 5.7.0
                        # schema to find, and no ledger of step1 to show that the chain is under way.
                        skipVersionCheck: "true"
                        versions:
                          - version: "5.8.0"
                            migratorConfigs:
                              - name: OAuthDataMigrator
                                order: 1
                                parameters:
                                  schema: identity
                                  batchSize: %d
                        """.formatted(BATCH));

        // Run 1: a child JVM, killed once the audit table's checkpoint has moved on several times.
        Path log = home.path().resolve("killed-run.log");
        try (Connection watcher = database.connect()) {
            KilledMigrationRun.killAfterCheckpoints(home.path(), log, watcher, AUDIT, 10, Duration.ofSeconds(120),
                    "MariaDB");
        }

        String killedAt;
        long changedByRun1;
        try (Connection connection = database.connect()) {
            killedAt = OAuthTokenFixture.checkpoint(connection, AUDIT);
            assertNotNull(killedAt);
            assertNotNull(OAuthTokenFixture.checkpoint(connection, "IDN_OAUTH2_ACCESS_TOKEN"),
                    "the first table was done by run 1");
            assertEquals(null, OAuthTokenFixture.checkpoint(connection, "IDN_OAUTH2_AUTHORIZATION_CODE"),
                    "the last was not started");
            changedByRun1 = differing(before, OAuthTokenFixture.current(connection));
            assertTrue(changedByRun1 > fixture.changing(OAuthTokenFixture.TABLES[0])
                    && changedByRun1 < fixture.changing(), "killed in the middle: " + changedByRun1 + " rows changed");
            assertEquals(1, count(connection, "SELECT COUNT(*) FROM IS_MIGRATION_LOCK"), "the dead run's lock remains");
            assertEquals(1, count(connection, "SELECT COUNT(*) FROM IS_MIGRATION_HISTORY WHERE OUTCOME = 'RUNNING'"));
            assertTrue(!CatalogLookup.indexesLeadingWith(connection, AUDIT, "TOKEN_ID").isEmpty(),
                    "the helper index stays behind");
        }
        long auditChunksLeft;
        try (Connection connection = database.connect()) {
            auditChunksLeft = OAuthTokenFixture.expectedChunks(connection, AUDIT, "TOKEN_ID", killedAt, BATCH);
        }

        // Run 2, in this JVM: another process on the same host.
        StringWriter out = new StringWriter();
        Path reportFile = home.path().resolve("resumed-run.json");
        long started = System.nanoTime();
        int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), "migrate",
                "--is-home", home.path().toString(), "--report", reportFile.toString());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String report = Files.readString(reportFile);
        assertEquals(0, exit, out + report);

        try (Connection connection = database.connect()) {
            assertEquals(fixture.expectedAfter(), OAuthTokenFixture.current(connection), "every row migrated");
            assertTrue(CatalogLookup.indexesLeadingWith(connection, AUDIT, "TOKEN_ID").isEmpty(), "helper dropped");
            assertEquals(0, count(connection, "SELECT COUNT(*) FROM IS_MIGRATION_LOCK"));
        }
        assertEquals(fixture.changing() - changedByRun1, rowsOf(report),
                "run 2 changed exactly the rows run 1 had not: no chunk was done twice, none skipped\n" + report);
        assertTrue(report.contains("IDN_OAUTH2_ACCESS_TOKEN: IDP_ID set on 0 rows in 0 chunks by ranges of TOKEN_ID,"
                + " continuing after the checkpoint of an interrupted run"), report);
        String auditNote = AUDIT + ": IDP_ID set on " + (fixture.changing(AUDIT)
                - (changedByRun1 - fixture.changing(OAuthTokenFixture.TABLES[0]))) + " rows in " + auditChunksLeft
                + " chunks by ranges of TOKEN_ID, continuing after the checkpoint of an interrupted run";
        assertTrue(report.contains(auditNote), auditNote + " in " + report);
        assertTrue(report.contains("was interrupted; running the step again"), report);
        // Run 2 walked none of the token table, part of the audit table: the rows left are counted over each whole
        // table, not summed from its own chunks, so those of run 1's chunks are reported too.
        fixture.leftPerReason().forEach((tableAndReason, count) -> {
            int colon = tableAndReason.indexOf(": ");
            String warning = tableAndReason.substring(0, colon) + ": " + count + " rows left unchanged, IDP_ID not set: "
                    + tableAndReason.substring(colon + 2);
            assertTrue(report.contains(warning), warning + " in " + report);
        });
        System.out.printf("crash-resume: run 1 changed %d rows before it was killed, run 2 changed %d in %d ms"
                + " (%d audit chunks after the checkpoint)%n", changedByRun1, rowsOf(report), millis, auditChunksLeft);
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long differing(Map<String, List<Object>> before, Map<String, List<Object>> now) {
        return before.entrySet().stream().filter(e -> !e.getValue().equals(now.get(e.getKey()))).count();
    }

    private static long rowsOf(String reportJson) {
        Matcher rows = Pattern.compile("\"rows\"\\s*:\\s*(\\d+)").matcher(reportJson);
        assertTrue(rows.find(), reportJson);
        return Long.parseLong(rows.group(1));
    }
}

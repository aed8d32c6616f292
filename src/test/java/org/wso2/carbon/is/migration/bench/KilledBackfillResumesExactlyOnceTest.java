package org.wso2.carbon.is.migration.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.cli.MigrationCli;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.KilledMigrationRun;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * Issue 4's crash test at benchmark scale, with the adaptive chunks: a 5.7.0 database with 50,000 access tokens
 * (plus 5,000 codes and 5,000 audit rows, {@link TokenDataSet}) is migrated to 5.8.0 by a child JVM that is killed
 * (SIGKILL) after a random number of the token table's chunks; a second run finishes it. Every row ends with the IdP
 * the rule gives it, the rows of the tenant without LOCAL IdP are left alone, and the rows the second run changed are
 * exactly those the first had not: none twice, none skipped. Not timed.
 */
class KilledBackfillResumesExactlyOnceTest {

    private static final long TOKENS = 50_000;
    private static final String TOKEN_TABLE = TokenDataSet.TOKEN_TABLE;

    @Test
    void aBackfillKilledAtARandomChunkAndRunAgainMigratesEveryRowExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        int killAfterChunks = 1 + new Random(seed).nextInt(20);
        String context = "seed " + seed + ", killed after " + killAfterChunks + " chunks";
        BenchEngine engine = BenchEngine.POSTGRESQL;
        TokenDataSet data = new TokenDataSet(engine, TOKENS);
        try (BenchDatabases databases = BenchDatabases.create(engine, data)) {
            TestDatabase identity = databases.identity();
            IsHome home = IsHome.create("killed-backfill").withProjectResources()
                    .withDeploymentToml(IsHome.databaseSection("identity_db", engine.isType(), identity.url(),
                            identity.user(), identity.password()) + IsHome.databaseSection("shared_db",
                            engine.isType(), databases.shared().url(), identity.user(), identity.password()))
                    .withConfig("""
                            currentVersion: "5.7.0"
                            migrateVersion: "5.8.0"
                            lockStaleAfterSeconds: 3
                            versions:
                              - version: "5.8.0"
                                migratorConfigs:
                                  - {name: SchemaMigrator, order: 1, parameters: {location: step1, schema: identity}}
                                  - name: OAuthDataMigrator
                                    order: 2
                                    parameters: {schema: identity, chunkTargetMillis: "20", batchSize: "200",
                                                 minChunkSize: "50", maxChunkSize: "2000"}
                            """);
            engine.provideDriver(home);

            Path log = home.path().resolve("killed-run.log");
            try (Connection watcher = identity.connect()) {
                KilledMigrationRun.killAfterCheckpoints(home.path(), log, watcher, TOKEN_TABLE, killAfterChunks,
                        Duration.ofSeconds(180), context);
            }

            long needing;
            long doneByRun1;
            try (Connection connection = identity.connect()) {
                needing = count(connection, "SELECT COUNT(*) FROM " + TOKEN_TABLE + " WHERE TENANT_ID <> "
                        + TokenDataSet.TENANT_WITHOUT_LOCAL)
                        + count(connection, "SELECT COUNT(*) FROM " + TokenDataSet.AUDIT_TABLE + " WHERE TENANT_ID <> "
                        + TokenDataSet.TENANT_WITHOUT_LOCAL)
                        + count(connection, "SELECT COUNT(*) FROM " + TokenDataSet.CODE_TABLE + " WHERE TENANT_ID <> "
                        + TokenDataSet.TENANT_WITHOUT_LOCAL);
                doneByRun1 = withIdpId(connection);
            }
            assertTrue(doneByRun1 > 0 && doneByRun1 < needing, context + ": killed in the middle, but run 1 changed "
                    + doneByRun1 + " of " + needing + " rows\n" + Files.readString(log));

            StringWriter out = new StringWriter();
            Path report = home.path().resolve("resumed.json");
            int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), "migrate",
                    "--is-home", home.path().toString(), "--report", report.toString());
            assertEquals(0, exit, context + "\n" + out);

            JsonNode dataStep = null;
            for (JsonNode step : new ObjectMapper().readTree(report.toFile()).path("steps")) {
                if (step.path("migrator").asText().equals(OAuthDataStep.MIGRATOR)) {
                    dataStep = step;
                }
            }
            assertTrue(dataStep != null, context + ": the data step is in the report\n" + out);
            assertEquals(needing - doneByRun1, dataStep.path("rows").asLong(),
                    context + ": run 2 changed exactly the rows run 1 had not\n" + dataStep);
            try (Connection connection = identity.connect()) {
                assertEquals(needing, withIdpId(connection), context + ": every row that has an IdP got one");
                for (String table : new String[] {TOKEN_TABLE, TokenDataSet.AUDIT_TABLE, TokenDataSet.CODE_TABLE}) {
                    assertEquals(0, count(connection, "SELECT COUNT(*) FROM " + table + " T WHERE T.IDP_ID IS NOT NULL"
                            + " AND T.IDP_ID <> (SELECT I.ID FROM IDP I WHERE I.TENANT_ID = T.TENANT_ID AND I.NAME ="
                            + " CASE WHEN T.USER_DOMAIN = 'FEDERATED' THEN 'google' ELSE 'LOCAL' END)"),
                            context + ": " + table + " rows with another IdP than the rule's");
                    assertEquals(0, count(connection, "SELECT COUNT(*) FROM " + table + " WHERE USER_DOMAIN LIKE"
                            + " 'FEDERATED:%' AND TENANT_ID <> " + TokenDataSet.TENANT_WITHOUT_LOCAL), context);
                    assertEquals(0, count(connection, "SELECT COUNT(*) FROM " + table + " WHERE TENANT_ID = "
                            + TokenDataSet.TENANT_WITHOUT_LOCAL + " AND IDP_ID IS NOT NULL"), context
                            + ": the tenant without LOCAL IdP is left alone");
                }
                assertEquals(TOKENS, count(connection, "SELECT COUNT(*) FROM " + TOKEN_TABLE), "no row lost");
            }
        }
    }

    private static long withIdpId(Connection connection) throws Exception {
        long rows = 0;
        for (String table : new String[] {TOKEN_TABLE, TokenDataSet.AUDIT_TABLE, TokenDataSet.CODE_TABLE}) {
            rows += count(connection, "SELECT COUNT(*) FROM " + table + " WHERE IDP_ID IS NOT NULL");
        }
        return rows;
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

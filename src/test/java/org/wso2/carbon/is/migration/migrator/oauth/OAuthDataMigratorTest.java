package org.wso2.carbon.is.migration.migrator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.StepProgress;
import org.wso2.carbon.is.migration.chunk.KeysSetAside;
import org.wso2.carbon.is.migration.chunk.PageRangeSlicer;
import org.wso2.carbon.is.migration.chunk.TableKey;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.engine.MigrationEngine;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.ledger.Ledger;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.ledger.LedgerTables;
import org.wso2.carbon.is.migration.migrator.MemoryProgress;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.migrator.StepChunkProgress;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.StepReport.Outcome;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The 5.8.0 data step through the engine, on real engines: a 5.8.0 identity database (from the facts) holding tokens,
 * audit rows and codes of every kind ({@link OAuthTokenFixture}), walked in chunks of 7 keys.
 */
class OAuthDataMigratorTest {

    private static final int COPIES = 6; // 66 rows per table: about ten chunks each

    @TempDir
    Path resources;

    static Stream<TestEngine> engines() {
        return TestEngine.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void everyRowGetsTheIdpOfTheRuleTheRestIsReportedAndASecondRunChangesNothing(TestEngine engine) throws Exception {
        TestDatabase database = engine.newDatabase();
        OAuthTokenFixture fixture;
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(engine.factsDialects().get(0), "5.8.0", false));
            fixture = OAuthTokenFixture.fill(connection, COPIES);
        }
        Map<String, Long> chunks = new HashMap<>();
        try (Connection connection = database.connect()) {
            for (String table : OAuthTokenFixture.TABLES) {
                chunks.put(table, OAuthTokenFixture.expectedChunks(connection, engine.dialect(), table, 7));
            }
        }

        MigrationReport report = run(database, RunMode.MIGRATE, "7");
        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        StepReport step = report.steps().get(0);
        assertEquals(Outcome.APPLIED, step.outcome());
        try (Connection connection = database.connect()) {
            assertEquals(fixture.expectedAfter(), OAuthTokenFixture.current(connection));
            assertTrue(CatalogLookup.indexesLeadingWith(connection, "IDN_OAUTH2_ACCESS_TOKEN_AUDIT", "TOKEN_ID")
                    .isEmpty(), "the helper index is dropped after the walk");
        }
        assertEquals(fixture.changing(), step.rows(), "the report counts exactly the rows changed");
        assertLeftRowsReported(fixture, step.warnings());
        for (String table : OAuthTokenFixture.TABLES) {
            assertTrue(step.notes().contains(table + ": IDP_ID set on " + fixture.changing(table) + " rows in "
                    + chunks.get(table) + " chunks by ranges of " + walkedBy(engine.dialect(), table)),
                    step.notes().toString());
        }

        MigrationReport again = run(database, RunMode.MIGRATE, "7");
        assertEquals(MigrationReport.Status.SUCCEEDED, again.status(), again.summary());
        assertEquals(Outcome.ALREADY_APPLIED, again.steps().get(0).outcome());
        try (Connection connection = database.connect()) {
            assertEquals(fixture.expectedAfter(), OAuthTokenFixture.current(connection));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aDryRunCountsPerTableWhatWouldChangeAndChangesNothingNotEvenTheLedger(TestEngine engine) throws Exception {
        TestDatabase database = engine.newDatabase();
        OAuthTokenFixture fixture;
        Map<String, List<Object>> before;
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(engine.factsDialects().get(0), "5.8.0", false));
            fixture = OAuthTokenFixture.fill(connection, 2);
            before = OAuthTokenFixture.current(connection);
        }

        MigrationReport report = run(database, RunMode.DRY_RUN, "7");
        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        StepReport step = report.steps().get(0);
        assertEquals(Outcome.WOULD_APPLY, step.outcome());
        assertEquals(fixture.changing(), step.rows(), "rows that would change");
        // Per table: 2 copies of 5 kinds to LOCAL (one already set does not count), 4 kinds federated, 2 left.
        for (String table : OAuthTokenFixture.TABLES) {
            assertTrue(step.actions().contains(table + ": would set 6 rows to their tenant's LOCAL identity"
                    + " provider, 8 federated rows to their identity provider (USER_DOMAIN FEDERATED:<name> becomes"
                    + " FEDERATED), 4 rows left unchanged for lack of an identity provider"), step.actions().toString());
        }
        assertLeftRowsReported(fixture, step.warnings());
        try (Connection connection = database.connect()) {
            assertEquals(before, OAuthTokenFixture.current(connection));
            assertTrue(CatalogLookup.indexesLeadingWith(connection, "IDN_OAUTH2_ACCESS_TOKEN_AUDIT", "TOKEN_ID")
                    .isEmpty(), "no helper index in a dry run");
            assertFalse(CatalogLookup.tableExists(connection, "IS_MIGRATION_HISTORY"), "no ledger in a dry run");
        }
    }

    @Test
    void aDryRunBeforeStep1AddedTheColumnCountsEveryRowAsNeedingIt() throws Exception {
        TestDatabase database = H2Engines.CURRENT.newDatabase();
        OAuthTokenFixture fixture;
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.7.0", false));
            fixture = OAuthTokenFixture.fill(connection, 1, false);
        }
        MigrationReport report = run(database, RunMode.DRY_RUN, "7");
        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        // As step1 leaves them: every row NULL, so the rows written by 5.8.0 (2 kinds) need it too; the bare
        // FEDERATED one names no IdP and is left.
        String audit = report.steps().get(0).actions().stream()
                .filter(a -> a.startsWith("IDN_OAUTH2_ACCESS_TOKEN_AUDIT: would set")).findFirst().orElseThrow();
        assertTrue(audit.contains("would set 4 rows to their tenant's LOCAL identity provider, 4 federated rows"), audit);
        assertTrue(audit.contains("3 rows left unchanged") && audit.contains("step1 script adds it"), audit);
        assertEquals(3 * 8, report.steps().get(0).rows(), fixture.expected().size() + " rows in all");
    }

    private static void assertLeftRowsReported(OAuthTokenFixture fixture, List<String> warnings) {
        fixture.leftPerReason().forEach((tableAndReason, count) -> {
            int colon = tableAndReason.indexOf(": ");
            String line = tableAndReason.substring(0, colon) + ": " + count + " rows left unchanged, IDP_ID not set: "
                    + tableAndReason.substring(colon + 2);
            assertTrue(warnings.contains(line), line + " in " + warnings);
        });
        assertEquals(fixture.leftPerReason().size(), warnings.size(), warnings.toString());
    }

    /**
     * A PostgreSQL walk by heap pages covers the pages the table had when it started, each once. Rows that another
     * session writes meanwhile into pages already walked, and that still need IDP_ID (here: inserted in the pause after
     * the walk's last chunk), are found by the count after the walk and set by a second pass.
     */
    @Test
    void rowsWrittenBehindAPageWalkAreSetByASecondPass() throws Exception {
        TestDatabase database = PostgresEngine.instance().newDatabase();
        OAuthTokenFixture fixture;
        long pages;
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("postgresql", "5.8.0", false));
            fixture = OAuthTokenFixture.fill(connection, 20);
            pages = OAuthTokenFixture.expectedChunks(connection, Dialect.POSTGRESQL, "IDN_OAUTH2_ACCESS_TOKEN", 7);
        }
        String lastChunk = PageRangeSlicer.CHECKPOINT_PREFIX + pages;
        int late = 3;
        Thread writer = new Thread(() -> {
            try (Connection connection = database.connect()) {
                while (!lastChunk.equals(OAuthTokenFixture.checkpoint(connection, "IDN_OAUTH2_ACCESS_TOKEN"))) {
                    Thread.sleep(5);
                }
                try (Statement statement = connection.createStatement()) {
                    for (int row = 1; row <= late; row++) {
                        statement.executeUpdate("INSERT INTO IDN_OAUTH2_ACCESS_TOKEN (TOKEN_ID, CONSUMER_KEY_ID,"
                                + " AUTHZ_USER, TENANT_ID, USER_DOMAIN, USER_TYPE, TIME_CREATED,"
                                + " REFRESH_TOKEN_TIME_CREATED, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID)"
                                + " SELECT 'late-" + row + "', ID, 'late-user-" + row + "', -1234, 'PRIMARY',"
                                + " 'APPLICATION_USER', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'hash', 'ACTIVE', 'NONE'"
                                + " FROM IDN_OAUTH_CONSUMER_APPS WHERE TENANT_ID = -1234");
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        MigrationReport report = run(database, RunMode.MIGRATE,
                Map.of("schema", "identity", "batchSize", "7", "pauseMillis", "300"));
        writer.join(10_000);
        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        StepReport step = report.steps().get(0);
        assertTrue(step.notes().stream().anyMatch(note -> note.equals("IDN_OAUTH2_ACCESS_TOKEN: " + late + " rows still"
                + " needed IDP_ID after the walk (moved by another session meanwhile); a second pass set " + late)),
                step.notes().toString());
        assertEquals(fixture.changing() + late, step.rows());
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM IDN_OAUTH2_ACCESS_TOKEN T"
                     + " WHERE T.TOKEN_ID LIKE 'late-%' AND T.IDP_ID = (SELECT I.ID FROM IDP I"
                     + " WHERE I.TENANT_ID = -1234 AND I.NAME = 'LOCAL')")) {
            rows.next();
            assertEquals(late, rows.getLong(1), "the late rows got their tenant's LOCAL IdP");
        }
    }

    static Stream<H2Engines> h2Engines() {
        return Stream.of(H2Engines.CURRENT, H2Engines.V1_4_199);
    }

    /**
     * On H2 the primary key of each walked table and the foreign keys on it and to it are away while the walk runs
     * (seen from another session after the token table's first chunk) and back after it, with the names, columns and
     * rules they had; the ledger's record of them is then empty.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("h2Engines")
    void onH2TheKeysAreAwayDuringTheWalkAndBackAfterItAsTheyWere(H2Engines engine) throws Exception {
        TestDatabase database = engine.newDatabase();
        OAuthTokenFixture fixture;
        Map<String, List<TableKey>> before = new HashMap<>();
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", false));
            fixture = OAuthTokenFixture.fill(connection, 3);
            for (String table : List.of("IDN_OAUTH2_ACCESS_TOKEN", "IDN_OAUTH2_AUTHORIZATION_CODE")) {
                before.put(table, KeysSetAside.read(connection, table).keys());
            }
        }
        assertEquals(4, before.get("IDN_OAUTH2_ACCESS_TOKEN").size(), before.toString());
        Map<String, Object> seen = new HashMap<>();
        Thread watcher = new Thread(() -> {
            try (Connection connection = database.connect()) {
                while (OAuthTokenFixture.checkpoint(connection, "IDN_OAUTH2_ACCESS_TOKEN") == null) {
                    Thread.sleep(5);
                }
                seen.put("primary key", CatalogLookup.primaryKey(connection, "IDN_OAUTH2_ACCESS_TOKEN"));
                seen.put("keys to it", CatalogLookup.foreignKeys(connection, "IDN_OAUTH2_ACCESS_TOKEN", false));
            } catch (Exception e) {
                seen.put("failure", e);
            }
        });
        watcher.start();
        MigrationReport report = run(database, RunMode.MIGRATE,
                Map.of("schema", "identity", "batchSize", "7", "pauseMillis", "100"));
        watcher.join(10_000);
        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        assertEquals(Optional.empty(), seen.get("primary key"), seen.toString());
        assertEquals(List.of(), seen.get("keys to it"), seen.toString());
        try (Connection connection = database.connect()) {
            for (String table : before.keySet()) {
                assertEquals(before.get(table), KeysSetAside.read(connection, table).keys(), table);
                assertEquals("", OAuthTokenFixture.checkpoint(connection, KeysSetAside.checkpointKey(table)), table);
            }
            assertEquals(fixture.expectedAfter(), OAuthTokenFixture.current(connection));
        }
        assertTrue(report.steps().get(0).notes().stream().anyMatch(note -> note.startsWith("IDN_OAUTH2_ACCESS_TOKEN:"
                + " the primary key and 3 foreign keys (") && note.contains(" added back in ")),
                report.steps().get(0).notes().toString());
    }

    /**
     * A run killed after it dropped the keys (here: the keys dropped and recorded in the ledger as the step does, and
     * nothing more) leaves them only in the ledger; the next run takes them from there and adds them back.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("h2Engines")
    void keysLeftDroppedByAKilledRunAreAddedBackFromTheLedgerByTheNext(H2Engines engine) throws Exception {
        TestDatabase database = engine.newDatabase();
        OAuthTokenFixture fixture;
        List<TableKey> before;
        String table = "IDN_OAUTH2_ACCESS_TOKEN";
        DriverDataSource dataSource = new DriverDataSource(database.driver(), database.url(), database.user(),
                database.password());
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", false));
            fixture = OAuthTokenFixture.fill(connection, 2);
            LedgerTables.ensure(connection, Dialect.H2);
            connection.setAutoCommit(false);
            StepProgress killedRun = new LedgerProgress(new Ledger(dataSource, Dialect.H2),
                    "5.8.0/" + OAuthDataMigrator.NAME + "/identity");
            KeysSetAside keys = KeysSetAside.of(connection, table, new StepChunkProgress(killedRun));
            before = keys.keys();
            keys.drop(connection, new StepChunkProgress(killedRun));
            assertEquals(Optional.empty(), CatalogLookup.primaryKey(connection, table));
        }

        MigrationReport report = run(database, RunMode.MIGRATE, "7");
        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        assertTrue(report.steps().get(0).notes().contains(table + ": the primary key and 3 foreign keys ("
                + String.join(", ", before.stream().filter(key -> key.kind() == TableKey.Kind.FOREIGN)
                .map(key -> key.table() + "." + key.name()).toList()) + ") were set aside by an interrupted run"
                + " (recorded in the ledger); they are added back after the walk"), report.steps().get(0).notes()
                .toString());
        try (Connection connection = database.connect()) {
            assertEquals(before, KeysSetAside.read(connection, table).keys());
            assertEquals(fixture.expectedAfter(), OAuthTokenFixture.current(connection));
        }
    }

    /** The ledger's checkpoints of one step, as the engine gives them to a step. */
    private static final class LedgerProgress extends MemoryProgress {
        private final Ledger ledger;
        private final String stepKey;

        LedgerProgress(Ledger ledger, String stepKey) {
            this.ledger = ledger;
            this.stepKey = stepKey;
        }

        @Override
        public Optional<String> checkpoint(String key) {
            try {
                return ledger.checkpoint(stepKey, key);
            } catch (LedgerException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void saveCheckpoint(String key, String value) {
            try {
                ledger.saveCheckpoint(stepKey, key, value);
            } catch (LedgerException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** PostgreSQL 14+ and H2 are walked in storage order, the others by key (see TableSlicer). */
    private static String walkedBy(Dialect dialect, String table) {
        return switch (dialect) {
            case POSTGRESQL -> "ctid";
            case H2 -> "_ROWID_";
            default -> table.endsWith("CODE") ? "CODE_ID" : "TOKEN_ID";
        };
    }

    private MigrationReport run(TestDatabase database, RunMode mode, String batchSize) throws Exception {
        return run(database, mode, Map.of("schema", "identity", "batchSize", batchSize));
    }

    private MigrationReport run(TestDatabase database, RunMode mode, Map<String, String> parameters) throws Exception {
        MigrationConfig config = MigrationConfig.builder(resources.resolve("migration-config.yaml"), "5.7.0", "5.8.0")
                // The OAuth data step alone, on the schema the 5.8.0 step1 script leaves (built from the 5.8.0
                // facts): no 5.7.0 schema to find, and no ledger of step1 to show that the chain is under way.
                .skipVersionCheck(true)
                .addVersion(new VersionConfig("5.8.0", List.of(new MigratorConfig(OAuthDataMigrator.NAME, 1,
                        parameters, 5)), 3))
                .build();
        DriverDataSource dataSource = new DriverDataSource(database.driver(), database.url(), database.user(),
                database.password());
        return new MigrationEngine(config, List.of(), resources, name -> {
            if (!name.equals(MigrationConfig.IDENTITY_DATA_SOURCE)) {
                throw new DataSourceException("no " + name);
            }
            return dataSource;
        }, MigratorRegistry.builtIn()).run(mode);
    }
}

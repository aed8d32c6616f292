package org.wso2.carbon.is.migration.migrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.internal.MigrationEngine;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.MigrationReport.Mode;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.report.StepReport.Outcome;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.SchemaFacts;
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

        MigrationReport report = run(database, Mode.MIGRATE, "7");
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
                    + chunks(database, table) + " chunks"), step.notes().toString());
        }

        MigrationReport again = run(database, Mode.MIGRATE, "7");
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

        MigrationReport report = run(database, Mode.DRY_RUN, "7");
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
        MigrationReport report = run(database, Mode.DRY_RUN, "7");
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

    private static long chunks(TestDatabase database, String table) throws Exception {
        try (Connection connection = database.connect()) {
            return OAuthTokenFixture.expectedChunks(connection, table, table.endsWith("CODE") ? "CODE_ID" : "TOKEN_ID",
                    null, 7);
        }
    }

    private MigrationReport run(TestDatabase database, Mode mode, String batchSize) throws Exception {
        MigrationConfig config = MigrationConfig.builder(resources.resolve("migration-config.yaml"), "5.7.0", "5.8.0")
                .addVersion(new VersionConfig("5.8.0", List.of(new MigratorConfig(OAuthDataMigrator.NAME, 1,
                        Map.of("schema", "identity", "batchSize", batchSize), 5)), 3))
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

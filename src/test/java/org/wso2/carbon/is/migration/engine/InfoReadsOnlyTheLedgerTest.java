package org.wso2.carbon.is.migration.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.StepReport.Outcome;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.DataFingerprint;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.NamedDataSources;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.SampleData;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * {@code info} answers "what has run?" from the ledger alone. On identity and shared databases created by 5.7.0,
 * with rows in nearly every table and many access tokens, every SQL statement and catalog lookup it sends names
 * none of the Identity Server's tables (planning would count the tokens, check the preconditions and read every
 * tenant's claims), and it finds each shipped step under the key that migrate recorded it with.
 */
class InfoReadsOnlyTheLedgerTest {

    private static final int TOKENS = 20_000;

    @TempDir
    Path work;

    private final TestDatabase identity = H2Engines.CURRENT.newDatabase();
    private final TestDatabase shared = H2Engines.CURRENT.newDatabase();
    private final RecordingDataSource recorder = new RecordingDataSource();

    @BeforeEach
    void databasesCreatedBy570WithManyTokens() throws Exception {
        try (Connection connection = identity.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.7.0", false));
            SampleData.fill(connection, 3);
            addTokens(connection);
        }
        try (Connection connection = shared.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.7.0", true));
            SampleData.fill(connection, 3);
        }
    }

    @Test
    void infoOnAPartlyMigratedDatabaseSendsNothingToAnIdentityServerTable() throws Exception {
        MigrationReport to580 = run("5.8.0", RunMode.MIGRATE, Function.identity());
        assertEquals(MigrationReport.Status.SUCCEEDED, to580.status(), to580.summary());

        MigrationReport info = run("5.9.0", RunMode.INFO, recorder::wrap);
        assertEquals(MigrationReport.Status.SUCCEEDED, info.status(), info.summary());
        for (StepReport step : info.steps()) {
            if (step.version().equals("5.8.0")) {
                assertEquals(Outcome.ALREADY_APPLIED, step.outcome(), info.summary());
                assertEquals(sameStep(to580, step).checksum(), step.checksum(), "the checksum the ledger recorded");
                assertEquals(sameStep(to580, step).description(), step.description());
            } else {
                assertEquals(Outcome.PENDING, step.outcome(), info.summary());
                assertNull(step.checksum(), "nothing recorded yet");
            }
        }
        assertTrue(info.summary().contains("SchemaMigrator {location: step2, schema: um}"),
                "a pending step is described by its config entry:\n" + info.summary());
        assertTrue(info.summary().contains("run 5.8.0/dbscripts/step1/identity/h2.sql"),
                "an applied one by what it ran:\n" + info.summary());
        assertSentOnlyToTheLedger();
    }

    @Test
    void infoFindsEveryShippedStepUnderTheKeyMigrateRecordedIt() throws Exception {
        MigrationReport migrated = run("5.9.0", RunMode.MIGRATE, Function.identity());
        assertEquals(MigrationReport.Status.SUCCEEDED, migrated.status(), migrated.summary());

        MigrationReport info = run("5.9.0", RunMode.INFO, recorder::wrap);
        assertEquals(migrated.steps().size(), info.steps().size());
        for (StepReport step : info.steps()) {
            assertEquals(Outcome.ALREADY_APPLIED, step.outcome(), info.summary());
            StepReport ran = sameStep(migrated, step);
            assertEquals(ran.database(), step.database(), step.stepKey());
            assertEquals(ran.checksum(), step.checksum(), step.stepKey());
        }
        assertSentOnlyToTheLedger();
    }

    /** Many tokens of the super tenant, enough that counting or walking them is real work. */
    private static void addTokens(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO IDN_OAUTH2_ACCESS_TOKEN (TOKEN_ID, AUTHZ_USER, CONSUMER_KEY_ID,"
                    + " TENANT_ID, USER_DOMAIN, USER_TYPE, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID, TIME_CREATED,"
                    + " REFRESH_TOKEN_TIME_CREATED) SELECT 'info-token-' || X, 'user-' || X, (SELECT MIN(ID) FROM"
                    + " IDN_OAUTH_CONSUMER_APPS), -1234, 'PRIMARY', 'APPLICATION_USER', 'h', 'ACTIVE', 'NONE',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, " + TOKENS + ")");
        }
    }

    /** The shipped config from 5.7.0 to {@code migrateVersion}, run on both databases seen through {@code view}. */
    private MigrationReport run(String migrateVersion, RunMode mode, Function<DataSource, DataSource> view)
            throws Exception {
        String shipped = Files.readString(IsHome.projectResources().resolve("migration-config.yaml"));
        assertTrue(shipped.contains("currentVersion: \"5.8.0\"") && shipped.contains("migrateVersion: \"5.9.0\""));
        Path config = work.resolve("migration-config-" + migrateVersion + ".yaml");
        Files.writeString(config, shipped.replace("currentVersion: \"5.8.0\"", "currentVersion: \"5.7.0\"")
                .replace("migrateVersion: \"5.9.0\"", "migrateVersion: \"" + migrateVersion + "\""));
        Map<String, DataSource> byName = Map.of("jdbc/WSO2IdentityDB", view.apply(dataSource(identity)),
                "jdbc/SHARED_DB", view.apply(dataSource(shared)));
        MigrationRun.Result result = MigrationRun.of(config, IsHome.projectResources())
                .dataSources(loaded -> NamedDataSources.of(byName))
                .reportTo(work.resolve(mode + "-" + System.nanoTime() + ".json")).run(mode);
        assertNotNull(result.report(), result.summary());
        return result.report();
    }

    private static DataSource dataSource(TestDatabase database) {
        return new DriverDataSource(database.driver(), database.url(), database.user(), database.password());
    }

    private static StepReport sameStep(MigrationReport report, StepReport step) {
        return report.steps().stream().filter(s -> s.stepKey().equals(step.stepKey())).findFirst()
                .orElseThrow(() -> new AssertionError(step.stepKey() + " is not in\n" + report.summary()));
    }

    /** Nothing sent names a table of either database but the tool's own, and the ledger reads were seen. */
    private void assertSentOnlyToTheLedger() throws Exception {
        Set<String> serverTables = new TreeSet<>();
        for (TestDatabase database : List.of(identity, shared)) {
            try (Connection connection = database.connect()) {
                serverTables.addAll(DataFingerprint.columns(connection).keySet());
            }
        }
        serverTables.removeIf(table -> table.startsWith("IS_MIGRATION_"));
        assertTrue(serverTables.containsAll(List.of("IDN_OAUTH2_ACCESS_TOKEN", "IDN_CLAIM", "UM_TENANT")),
                serverTables.toString());
        List<String> sent = recorder.sent();
        assertTrue(sent.stream().anyMatch(text -> text.contains("FROM IS_MIGRATION_HISTORY")),
                "the recorder sees the ledger reads: " + sent);
        List<String> offending = sent.stream().filter(text -> serverTables.stream().anyMatch(table -> Pattern
                .compile("\\b" + Pattern.quote(table) + "\\b", Pattern.CASE_INSENSITIVE).matcher(text).find()))
                .toList();
        assertEquals(List.of(), offending, "info sent these to the Identity Server's tables");
    }
}

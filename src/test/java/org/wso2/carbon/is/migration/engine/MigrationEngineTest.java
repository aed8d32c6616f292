package org.wso2.carbon.is.migration.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.StepReport.Outcome;
import org.wso2.carbon.is.migration.watch.StopRequest;

/** The engine's promises, on H2 with small scripts written for each case. */
class MigrationEngineTest {

    @TempDir
    Path resources;

    private JdbcDataSource identity;

    @BeforeEach
    void database() {
        identity = new JdbcDataSource();
        identity.setURL("jdbc:h2:mem:engine-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private void script(String location, String sql) throws Exception {
        Path file = resources.resolve("5.9.0/dbscripts").resolve(location).resolve("identity/h2.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    private MigrationConfig config(boolean continueOnError, String... locations) {
        List<MigratorConfig> migrators = new java.util.ArrayList<>();
        for (int i = 0; i < locations.length; i++) {
            migrators.add(new MigratorConfig("SchemaMigrator", i + 1,
                    Map.of("location", locations[i], "schema", "identity"), 10 + i));
        }
        return MigrationConfig.builder(resources.resolve("migration-config.yaml"), "5.8.0", "5.9.0")
                .continueOnError(continueOnError)
                .addVersion(new VersionConfig("5.9.0", migrators, 9))
                .build();
    }

    private MigrationReport run(MigrationConfig config, RunMode mode) throws ConfigException {
        return new MigrationEngine(config, List.of(), resources, name -> {
            if (!name.equals("jdbc/WSO2IdentityDB")) {
                throw new DataSourceException("no " + name);
            }
            return identity;
        }, MigratorRegistry.builtIn()).run(mode);
    }

    private boolean tableExists(String table) throws Exception {
        try (Connection c = identity.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = identity.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSecondRunSkipsWhatTheLedgerRecordsAsDone() throws Exception {
        script("step1", "CREATE TABLE T1 (ID INTEGER);\nINSERT INTO T1 VALUES (1);\n");
        MigrationReport first = run(config(false, "step1"), RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.SUCCEEDED, first.status(), first.summary());
        assertEquals(Outcome.APPLIED, first.steps().get(0).outcome());
        assertEquals(1, first.steps().get(0).rows());

        MigrationReport second = run(config(false, "step1"), RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.SUCCEEDED, second.status(), second.summary());
        assertEquals(Outcome.ALREADY_APPLIED, second.steps().get(0).outcome());
        assertEquals(1, count("SELECT COUNT(*) FROM T1"), "the script did not run twice");
        assertEquals(1, count("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY"), "a skipped step is not recorded again");
    }

    @Test
    void aDryRunShowsEveryStatementAndChangesNothingNotEvenTheLedger() throws Exception {
        script("step1", "CREATE TABLE T1 (ID INTEGER);\nCREATE INDEX T1_ID ON T1 (ID);\n");
        MigrationReport report = run(config(false, "step1"), RunMode.DRY_RUN);

        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        assertEquals(Outcome.WOULD_APPLY, report.steps().get(0).outcome());
        assertEquals(List.of("CREATE TABLE T1 (ID INTEGER)", "CREATE INDEX T1_ID ON T1 (ID)"),
                report.steps().get(0).actions());
        assertTrue(report.summary().contains("CREATE INDEX T1_ID ON T1 (ID)"), report.summary());
        assertFalse(tableExists("T1"));
        assertFalse(tableExists("IS_MIGRATION_HISTORY"));
        assertTrue(report.toJson().contains("\"actions\""));
    }

    @Test
    void aMissingScriptStopsTheRunBeforeAnythingChanges() throws Exception {
        script("step1", "CREATE TABLE T1 (ID INTEGER);\n");
        MigrationReport report = run(config(false, "step1", "step2"), RunMode.MIGRATE);

        assertEquals(MigrationReport.Status.FAILED, report.status());
        assertEquals(Outcome.FAILED, report.steps().get(1).outcome());
        assertTrue(report.steps().get(1).error().contains("step2/identity/h2.sql"), report.steps().get(1).error());
        assertFalse(tableExists("T1"), "step1 must not run when step2 cannot");
        assertFalse(tableExists("IS_MIGRATION_HISTORY"));
    }

    @Test
    void aFailedStatementIsRecordedWithItsLocationAndTheFixedScriptCompletesOnReRun() throws Exception {
        script("step1", "CREATE TABLE T1 (ID INTEGER);\n\nINSERT INTO NO_SUCH_TABLE VALUES (1);\n");
        MigrationReport failed = run(config(false, "step1"), RunMode.MIGRATE);

        assertEquals(MigrationReport.Status.FAILED, failed.status());
        String error = failed.steps().get(0).error();
        assertTrue(error.contains("5.9.0/dbscripts/step1/identity/h2.sql:3"), error);
        assertTrue(error.contains("NO_SUCH_TABLE"), error);
        assertEquals(1, count("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY WHERE OUTCOME = 'FAILED'"
                + " AND DETAIL LIKE '%h2.sql:3%'"));

        script("step1", "CREATE TABLE IF NOT EXISTS T1 (ID INTEGER);\nINSERT INTO T1 VALUES (1);\n");
        MigrationReport fixed = run(config(false, "step1"), RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.SUCCEEDED, fixed.status(), fixed.summary());
        assertEquals(Outcome.APPLIED, fixed.steps().get(0).outcome());
        assertTrue(fixed.steps().get(0).notes().stream().anyMatch(n -> n.contains("previous attempt")));
    }

    @Test
    void aScriptChangedAfterItSucceededStopsMigrateAndDryRunBeforeAnythingRuns() throws Exception {
        script("step1", "CREATE TABLE T1 (ID INTEGER);\n");
        run(config(false, "step1"), RunMode.MIGRATE);
        script("step1", "CREATE TABLE T1 (ID INTEGER);\nDROP TABLE T1;\n");
        script("step2", "CREATE TABLE T2 (ID INTEGER);\n");

        for (RunMode mode : List.of(RunMode.MIGRATE, RunMode.DRY_RUN)) {
            MigrationReport report = run(config(false, "step1", "step2"), mode);
            assertEquals(MigrationReport.Status.FAILED, report.status(), report.summary());
            assertEquals(ErrorCode.APPLIED_STEP_CHANGED, report.errorCode());
            assertEquals(2, report.errorCode().exitCode());
            assertEquals(Outcome.CHANGED_SINCE_APPLIED, report.steps().get(0).outcome());
            String error = report.steps().get(0).error();
            assertTrue(error.contains("5.9.0#1:SchemaMigrator") && error.contains("step1/identity/h2.sql"), error);
            assertTrue(error.contains("with checksum " + recordedChecksum() + ", its content now has checksum "
                    + report.steps().get(0).checksum()), error);
            assertTrue(report.error().contains("repair"), report.error());
        }
        assertTrue(tableExists("T1"), "the edited step1 did not run");
        assertFalse(tableExists("T2"), "nothing ran, not even the new step2");
        assertEquals(1, count("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY"), "the refused runs recorded no step");
    }

    @Test
    void repairAcceptsTheChangedContentAndMigrateThenGoesOnWithoutRunningIt() throws Exception {
        script("step1", "CREATE TABLE T1 (ID INTEGER);\n");
        run(config(false, "step1"), RunMode.MIGRATE);
        String applied = recordedChecksum();
        script("step1", "-- a comment added after the fact\nCREATE TABLE T1 (ID INTEGER);\n");
        script("step2", "CREATE TABLE T2 (ID INTEGER);\n");

        MigrationReport preview = run(config(false, "step1", "step2"), RunMode.REPAIR_DRY_RUN);
        assertEquals(MigrationReport.Status.SUCCEEDED, preview.status(), preview.summary());
        assertEquals(Outcome.WOULD_ACCEPT, preview.steps().get(0).outcome());
        assertEquals(1, count("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY"), "a repair dry run records nothing");

        MigrationReport repair = run(config(false, "step1", "step2"), RunMode.REPAIR);
        assertEquals(MigrationReport.Status.SUCCEEDED, repair.status(), repair.summary());
        assertEquals(Outcome.ACCEPTED, repair.steps().get(0).outcome());
        assertTrue(repair.steps().get(0).notes().stream().anyMatch(n -> n.contains("replaces checksum " + applied)),
                repair.steps().get(0).notes().toString());
        assertFalse(tableExists("T2"), "repair runs no step");
        assertEquals(0, count("SELECT COUNT(*) FROM IS_MIGRATION_LOCK"), "repair took the lock and released it");

        MigrationReport migrate = run(config(false, "step1", "step2"), RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.SUCCEEDED, migrate.status(), migrate.summary());
        assertEquals(Outcome.ALREADY_APPLIED, migrate.steps().get(0).outcome());
        assertEquals(Outcome.APPLIED, migrate.steps().get(1).outcome());
        assertEquals(2, count("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY WHERE STEP_KEY LIKE '%step1%'"),
                "the applied row stays, the accepted one is added");
    }

    /** The checksum of step1's last success in the ledger. */
    private String recordedChecksum() throws Exception {
        try (Connection connection = identity.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT CHECKSUM FROM IS_MIGRATION_HISTORY"
                     + " WHERE OUTCOME = 'SUCCESS' AND STEP_KEY LIKE '%step1%' ORDER BY ID DESC")) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    @Test
    void continueOnErrorRunsTheRemainingStepsButTheRunStillFails() throws Exception {
        script("step1", "INSERT INTO NO_SUCH_TABLE VALUES (1);\n");
        script("step2", "CREATE TABLE T2 (ID INTEGER);\n");

        MigrationReport stopping = run(config(false, "step1", "step2"), RunMode.MIGRATE);
        assertEquals(Outcome.NOT_RUN, stopping.steps().get(1).outcome());
        assertFalse(tableExists("T2"));

        MigrationReport continuing = run(config(true, "step1", "step2"), RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.FAILED, continuing.status());
        assertEquals(Outcome.APPLIED, continuing.steps().get(1).outcome());
        assertTrue(tableExists("T2"));
    }

    private void preconditions(String location, String yaml) throws Exception {
        Files.writeString(resources.resolve("5.9.0/dbscripts").resolve(location).resolve("identity/preconditions.yaml"),
                yaml);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = identity.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void rowsBreakingAPreconditionStopTheRunBeforeAnyStepAndAreListedWithTheirResolution() throws Exception {
        execute("CREATE TABLE ROLES (NAME VARCHAR(10), TENANT INTEGER)");
        execute("INSERT INTO ROLES VALUES ('admin', 1), ('admin', 1), ('user', 1)");
        script("step1", "CREATE TABLE T1 (ID INTEGER);\n");
        script("step2", "ALTER TABLE ROLES ADD CONSTRAINT ROLES_UNIQUE UNIQUE (NAME, TENANT);\n");
        preconditions("step2", String.join("\n",
                "checks:",
                "  - rule: \"ROLES: a name appears once per tenant\"",
                "    query: \"SELECT NAME, TENANT, COUNT(*) AS N FROM ROLES GROUP BY NAME, TENANT HAVING COUNT(*) > 1\"",
                "    resolve: \"Rename one of the duplicates.\"",
                "  - rule: \"only on PostgreSQL\"",
                "    dialects: [postgresql]",
                "    query: \"SELECT 1 FROM NO_SUCH_TABLE\"",
                "    resolve: \"n/a\"",
                ""));

        for (RunMode mode : List.of(RunMode.DRY_RUN, RunMode.MIGRATE)) {
            MigrationReport report = run(config(false, "step1", "step2"), mode);
            assertEquals(MigrationReport.Status.FAILED, report.status(), mode.name());
            String error = report.steps().get(1).error();
            assertTrue(error.contains("ROLES: a name appears once per tenant"), error);
            assertTrue(error.contains("NAME=admin, TENANT=1, N=2"), error);
            assertTrue(error.contains("Rename one of the duplicates."), error);
            assertFalse(error.contains("only on PostgreSQL"), error);
        }
        assertFalse(tableExists("T1"), "no step ran: the check stops the run before the first step");
        assertEquals(3, count("SELECT COUNT(*) FROM ROLES"), "no row deleted");

        execute("UPDATE ROLES SET NAME = 'admin2' WHERE NAME = 'admin' AND ROWNUM() = 1");
        MigrationReport resolved = run(config(false, "step1", "step2"), RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.SUCCEEDED, resolved.status(), resolved.summary());
        assertTrue(resolved.steps().get(1).actions().contains("-- precondition: ROLES: a name appears once per tenant"));
        assertTrue(resolved.steps().get(1).notes().stream().anyMatch(note -> note.matches(
                "checked 1 precondition of preconditions.yaml in \\d+ ms: no row breaks them")),
                "the one check that applies to H2 is counted and timed: " + resolved.steps().get(1).notes());
        assertTrue(resolved.steps().get(0).notes().stream().noneMatch(note -> note.contains("precondition")),
                "a step without checks notes none: " + resolved.steps().get(0).notes());
    }

    @Test
    void anUnknownMigratorIsAConfigurationError() {
        MigrationConfig config = MigrationConfig.builder(resources.resolve("migration-config.yaml"), "5.8.0", "5.9.0")
                .addVersion(new VersionConfig("5.9.0", List.of(new MigratorConfig("NoSuchMigrator", 1, Map.of(), 12)),
                        11))
                .build();
        ConfigException error = assertThrows(ConfigException.class, () -> run(config, RunMode.MIGRATE));
        assertTrue(error.getMessage().contains("NoSuchMigrator"), error.getMessage());
        assertTrue(error.getMessage().contains(":12"), error.getMessage());
    }

    @Test
    void infoListsPendingAndAppliedStepsWithoutChangingAnything() throws Exception {
        script("step1", "CREATE TABLE T1 (ID INTEGER);\n");
        script("step2", "CREATE TABLE T2 (ID INTEGER);\n");
        run(config(false, "step1"), RunMode.MIGRATE);

        MigrationReport info = run(config(false, "step1", "step2"), RunMode.INFO);
        assertEquals(Outcome.ALREADY_APPLIED, info.steps().get(0).outcome());
        assertEquals(Outcome.PENDING, info.steps().get(1).outcome());
        assertFalse(tableExists("T2"));
    }

    @Test
    void aStopAskedDuringTheLastStepEndsTheRunInterruptedNotSucceeded() throws Exception {
        StopRequest stop = new StopRequest();
        Migrator stopsMidway = new Migrator() {
            @Override
            public String name() {
                return "StopsMidway";
            }

            @Override
            public StepIdentity identify(Map<String, String> parameters) {
                return StepIdentity.of("identity");
            }

            @Override
            public StepPlan plan(MigrationContext context) throws MigrationException {
                context.database("identity");
                return new StepPlan("identity", "asks the run to stop, then writes", "stops:1",
                        List.of("CREATE TABLE NEVER_WRITTEN (ID INTEGER)"));
            }

            @Override
            public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
                stop.request("SIGTERM in a test");
                try (Connection connection = context.database("identity").connect();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE NEVER_WRITTEN (ID INTEGER)");
                } catch (java.sql.SQLException e) {
                    throw new MigrationException(e.getMessage(), e);
                }
            }
        };
        MigrationConfig config = MigrationConfig.builder(resources.resolve("migration-config.yaml"), "5.8.0", "5.9.0")
                .addVersion(new VersionConfig("5.9.0", List.of(new MigratorConfig("StopsMidway", 1, Map.of(), 10)), 9))
                .build();

        MigrationReport report = new MigrationEngine(config, List.of(), resources, name -> identity,
                MigratorRegistry.builtIn().add(stopsMidway)).stoppableBy(stop).run(RunMode.MIGRATE);

        assertEquals(MigrationReport.Status.INTERRUPTED, report.status(), report.summary());
        assertEquals(ErrorCode.INTERRUPTED, report.errorCode());
        assertEquals(Outcome.INTERRUPTED, report.steps().get(0).outcome());
        assertFalse(tableExists("NEVER_WRITTEN"), "the statement after the stop was refused");
        assertEquals(1, count("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY WHERE OUTCOME = 'INTERRUPTED'"));
    }

    @Test
    void infoShowsAFailedOrUnfinishedLastAttemptAsTheLedgerRecordedIt() throws Exception {
        script("step1", "CREATE TABLE T1 (ID INTEGER);\nINSERT INTO NO_SUCH_TABLE VALUES (1);\n");
        MigrationReport failed = run(config(false, "step1"), RunMode.MIGRATE);
        assertEquals(Outcome.FAILED, failed.steps().get(0).outcome());

        MigrationReport info = run(config(false, "step1"), RunMode.INFO);
        assertEquals(MigrationReport.Status.SUCCEEDED, info.status(), "reading the ledger worked: " + info.summary());
        assertEquals(Outcome.ATTEMPT_FAILED, info.steps().get(0).outcome(), info.summary());
        assertEquals(failed.steps().get(0).checksum(), info.steps().get(0).checksum());
        assertEquals(failed.steps().get(0).description(), info.steps().get(0).description());
        assertTrue(info.summary().contains("NO_SUCH_TABLE"), "the recorded error is shown: " + info.summary());
        assertTrue(info.summary().contains(failed.steps().get(0).checksum()), info.summary());

        // What a process killed in the middle of the step leaves behind.
        execute("UPDATE IS_MIGRATION_HISTORY SET OUTCOME = 'RUNNING', FINISHED_AT = NULL, DETAIL = NULL");
        MigrationReport unfinished = run(config(false, "step1"), RunMode.INFO);
        assertEquals(Outcome.ATTEMPT_UNFINISHED, unfinished.steps().get(0).outcome(), unfinished.summary());
        assertTrue(unfinished.summary().contains("not finished"), unfinished.summary());
    }
}

package org.wso2.carbon.is.migration.migrator.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.migrator.SingleStepRun;
import org.wso2.carbon.is.migration.migrator.claim.ClaimInstallation;
import org.wso2.carbon.is.migration.migrator.claim.TestDataSource;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The 5.6.0 session step on real engines: an identity database as 5.6.0 creates it, holding sessions stored before
 * 5.6.0 (EXPIRY_TIME NULL, as the 5.6.0 step1 script leaves them: STORE and DELETE rows, several per session) and
 * rows written by a 5.6.0 server (EXPIRY_TIME set), walked in fixed chunks of 100.
 */
class SessionExpiryMigratorTest {

    private static final long NANOS_1970_TO_2019 = TimeUnit.DAYS.toNanos(365L * 49);
    private static final int OLD_ROWS = 250;

    @TempDir
    Path reports;

    static Stream<TestEngine> engines() {
        return Stream.of(H2Engines.CURRENT, PostgresEngine.instance(), MariaDbEngine.instance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void sessionsWithoutExpiryGetTimeCreatedPlusTheCleanUpTimeoutInNanosecondsAndOthersKeepTheirs(TestEngine engine)
            throws Exception {
        ClaimInstallation installation = ClaimInstallation.create(engine, "5.6.0");
        insertSessions(installation, OLD_ROWS, true);
        Map<String, String> parameters = new HashMap<>();
        parameters.put("cleanUpTimeoutMinutes", "60");
        parameters.put("batchSize", "100");

        MigrationReport dryRun = run(installation, parameters, RunMode.DRY_RUN);
        assertEquals(MigrationReport.Status.SUCCEEDED, dryRun.status(), dryRun.toJson());
        assertTrue(dryRun.steps().get(0).actions().contains("IDN_AUTH_SESSION_STORE: would set EXPIRY_TIME of "
                + OLD_ROWS + " rows"), String.join("\n", dryRun.steps().get(0).actions()));
        assertEquals(OLD_ROWS, count(installation, "EXPIRY_TIME IS NULL"), "a dry run changes nothing");

        MigrationReport migrate = run(installation, parameters, RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.SUCCEEDED, migrate.status(), migrate.toJson());
        assertEquals(OLD_ROWS, migrate.steps().get(0).rows());
        long hour = TimeUnit.MINUTES.toNanos(60);
        assertEquals(OLD_ROWS, count(installation, "EXPIRY_TIME = TIME_CREATED + " + hour), "every old row");
        assertEquals(1, count(installation, "EXPIRY_TIME = 42"), "a row with an expiry keeps it");
        assertEquals(0, count(installation, "EXPIRY_TIME IS NULL"));

        MigrationReport again = run(installation, parameters, RunMode.MIGRATE);
        assertEquals(StepReport.Outcome.ALREADY_APPLIED, again.steps().get(0).outcome(), again.toJson());
        // Another timeout after the step was applied is refused as a changed step, and changes nothing.
        parameters.put("cleanUpTimeoutMinutes", "120");
        MigrationReport other = run(installation, parameters, RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.FAILED, other.status(), other.toJson());
        assertTrue(other.toJson().contains("java:SessionDataMigrator:1:60"), other.toJson());
        assertEquals(OLD_ROWS, count(installation, "EXPIRY_TIME = TIME_CREATED + " + hour));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRunThatFailsMidTableKeepsItsCommittedChunksAndTheNextRunContinuesAfterThem(TestEngine engine)
            throws Exception {
        ClaimInstallation installation = ClaimInstallation.create(engine, "5.6.0");
        int rows = 2000;
        insertSessions(installation, rows, false);
        Map<String, String> parameters = Map.of("batchSize", "200");

        MigrationReport failed = SingleStepRun.run("5.5.0", "5.6.0", SessionExpiryMigrator.NAME, parameters,
                TestDataSource.failingNth(installation.identity,
                        "UPDATE " + SessionExpiryMigrator.TABLE, 2), TestDataSource.of(installation.shared), reports,
                RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.FAILED, failed.status(), failed.toJson());
        long doneBefore = count(installation, "EXPIRY_TIME IS NOT NULL");
        assertTrue(doneBefore > 0 && doneBefore < rows, "the first chunk stays committed: " + doneBefore);

        MigrationReport resumed = run(installation, parameters, RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.SUCCEEDED, resumed.status(), resumed.toJson());
        String notes = String.join("\n", resumed.steps().get(0).notes());
        assertTrue(notes.contains("continuing after the checkpoint of an interrupted run"), notes);
        assertEquals(rows - doneBefore, resumed.steps().get(0).rows(), notes);
        assertEquals(rows, count(installation, "EXPIRY_TIME = TIME_CREATED + "
                + TimeUnit.MINUTES.toNanos(SessionExpiryMigrator.DEFAULT_CLEAN_UP_TIMEOUT_MINUTES)));
    }

    /** Sessions as stored before 5.6.0 (EXPIRY_TIME NULL), and with {@code withNewRow} one a 5.6.0 server wrote. */
    private static void insertSessions(ClaimInstallation installation, int rows, boolean withNewRow)
            throws Exception {
        try (Connection connection = installation.identity.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO IDN_AUTH_SESSION_STORE (SESSION_ID,"
                     + " SESSION_TYPE, OPERATION, SESSION_OBJECT, TIME_CREATED, TENANT_ID, EXPIRY_TIME)"
                     + " VALUES (?, 'AppAuthFrameworkSessionContextCache', ?, NULL, ?, -1234, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                insert.setString(1, "session-" + (i / 2));
                insert.setString(2, i % 2 == 0 ? "STORE" : "DELETE");
                insert.setLong(3, NANOS_1970_TO_2019 + i);
                insert.setNull(4, java.sql.Types.BIGINT);
                insert.addBatch();
            }
            if (withNewRow) {
                insert.setString(1, "written-by-5.6.0");
                insert.setString(2, "STORE");
                insert.setLong(3, NANOS_1970_TO_2019);
                insert.setLong(4, 42L);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private MigrationReport run(ClaimInstallation installation, Map<String, String> parameters, RunMode mode)
            throws Exception {
        return SingleStepRun.run("5.5.0", "5.6.0", SessionExpiryMigrator.NAME, parameters,
                TestDataSource.of(installation.identity), TestDataSource.of(installation.shared), reports, mode);
    }

    private static long count(ClaimInstallation installation, String condition) throws Exception {
        try (Connection connection = installation.identity.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM IDN_AUTH_SESSION_STORE WHERE " + condition);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

package org.wso2.carbon.is.migration.migrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.engine.MigrationEngine;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.migrator.oauth.IdpIdColumnCheckMigrator;
import org.wso2.carbon.is.migration.migrator.script.SchemaMigrator;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/** The old tool's 5.8.0 migrator names, as operators' configs still write them, work here. */
class LegacyNamedMigratorsTest {

    @TempDir
    Path resources;

    @Test
    void idpIdColumnAdditionInH2MigratorConfirmsTheColumnsStep1Added() throws Exception {
        TestDatabase database = database("5.8.0");
        MigrationReport report = run(database, IdpIdColumnCheckMigrator.NAME, Map.of("schema", "identity"));
        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        assertEquals(List.of("IDP_ID is present on 3 tables: added by step1"), report.steps().get(0).notes());
    }

    @Test
    void idpIdColumnAdditionInH2MigratorFailsNamingTheTablesWithoutTheColumn() throws Exception {
        TestDatabase database = database("5.7.0");
        MigrationReport report = run(database, IdpIdColumnCheckMigrator.NAME, Map.of("schema", "identity"));
        assertEquals(MigrationReport.Status.FAILED, report.status());
        String error = report.steps().get(0).error();
        assertTrue(error.contains("IDP_ID is missing on IDN_OAUTH2_ACCESS_TOKEN, IDN_OAUTH2_ACCESS_TOKEN_AUDIT,"
                + " IDN_OAUTH2_AUTHORIZATION_CODE") && error.contains("location step1"), error);
    }

    @Test
    void umaPermissionTicketSchemaMigratorRunsItsScriptAsSchemaMigratorDoes() throws Exception {
        TestDatabase database = H2Engines.CURRENT.newDatabase();
        Path script = resources.resolve("5.8.0/dbscripts/step2/uma/h2.sql");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "CREATE TABLE UMA_PROBE (ID INTEGER);\nINSERT INTO UMA_PROBE VALUES (1);\n");

        MigrationReport report = run(database, SchemaMigrator.UMA_PERMISSION_TICKET_NAME,
                Map.of("location", "step2", "schema", "uma"));
        assertEquals(MigrationReport.Status.SUCCEEDED, report.status(), report.summary());
        StepReport step = report.steps().get(0);
        assertEquals(List.of("CREATE TABLE UMA_PROBE (ID INTEGER)", "INSERT INTO UMA_PROBE VALUES (1)"),
                step.actions());
        assertEquals(1, step.rows());
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM UMA_PROBE")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }

        MigrationReport missing = run(database, SchemaMigrator.UMA_PERMISSION_TICKET_NAME, Map.of("schema", "uma"));
        assertTrue(missing.steps().get(0).error().contains(
                "UMAPermissionTicketSchemaMigrator needs the parameter 'location'"), missing.steps().get(0).error());
    }

    private static TestDatabase database(String version) throws Exception {
        TestDatabase database = H2Engines.CURRENT.newDatabase();
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", version, false));
        }
        return database;
    }

    private MigrationReport run(TestDatabase database, String migrator, Map<String, String> parameters)
            throws Exception {
        MigrationConfig config = MigrationConfig.builder(resources.resolve("migration-config.yaml"), "5.7.0", "5.8.0")
                // One 5.8.0 step alone, on a database built at the release each case needs (5.8.0 for the check of
                // the columns step1 adds), with no ledger of the steps before it: the release check would refuse it.
                .skipVersionCheck(true)
                .addVersion(new VersionConfig("5.8.0", List.of(new MigratorConfig(migrator, 1, parameters, 5)), 3))
                .build();
        DriverDataSource dataSource = new DriverDataSource(database.driver(), database.url(), database.user(),
                database.password());
        return new MigrationEngine(config, List.of(), resources, name -> dataSource, MigratorRegistry.builtIn())
                .run(RunMode.MIGRATE);
    }
}

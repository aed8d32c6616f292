package org.wso2.carbon.is.migration.migrator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.engine.MigrationEngine;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport.Mode;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/** PostgreSQL builds an index without blocking writes only outside a transaction block. */
class NoTransactionScriptTest {

    @TempDir
    Path resources;

    private MigrationReport migrate(TestDatabase database, String script) throws Exception {
        Path file = resources.resolve("5.9.0/dbscripts/step1/identity/postgresql.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(file, script);
        MigrationConfig config = MigrationConfig.builder(resources.resolve("migration-config.yaml"), "5.8.0", "5.9.0")
                .addVersion(new VersionConfig("5.9.0", List.of(new MigratorConfig("SchemaMigrator", 1,
                        Map.of("location", "step1", "schema", "identity"), 1)), 1))
                .build();
        DriverDataSource dataSource = new DriverDataSource(database.driver(), database.url(), database.user(),
                database.password());
        return new MigrationEngine(config, List.of(), resources, name -> dataSource, MigratorRegistry.builtIn())
                .run(Mode.MIGRATE);
    }

    @Test
    void aConcurrentIndexBuildRunsWhenTheScriptDeclaresNoTransaction() throws Exception {
        TestDatabase database = PostgresEngine.instance().newDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE TOKENS (ID INTEGER, HASH VARCHAR(64))");
        }
        String index = "CREATE INDEX CONCURRENTLY IF NOT EXISTS IDX_HASH ON TOKENS (HASH);\n";

        MigrationReport inTransaction = migrate(database, "-- builds the index\n" + index);
        assertEquals(MigrationReport.Status.FAILED, inTransaction.status());
        assertTrue(inTransaction.steps().get(0).error().contains("transaction block"),
                inTransaction.steps().get(0).error());

        MigrationReport outside = migrate(database, "-- builds the index without blocking writers\n"
                + "-- @no-transaction\n" + index);
        assertEquals(MigrationReport.Status.SUCCEEDED, outside.status(), outside.summary());
    }
}

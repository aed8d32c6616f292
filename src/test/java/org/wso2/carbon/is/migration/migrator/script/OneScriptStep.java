package org.wso2.carbon.is.migration.migrator.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.engine.MigrationEngine;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/** A migration of one SchemaMigrator step (5.9.0, step1, identity) running {@code script} on {@code database}. */
final class OneScriptStep {

    private OneScriptStep() {
    }

    static MigrationReport migrate(Path resources, TestDatabase database, String script) throws Exception {
        Path file = resources.resolve("5.9.0/dbscripts/step1/identity/" + database.dialect().scriptFileName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, script);
        MigrationConfig config = MigrationConfig.builder(resources.resolve("migration-config.yaml"), "5.8.0", "5.9.0")
                .addVersion(new VersionConfig("5.9.0", List.of(new MigratorConfig("SchemaMigrator", 1,
                        Map.of("location", "step1", "schema", "identity"), 1)), 1))
                .build();
        DriverDataSource dataSource = new DriverDataSource(database.driver(), database.url(), database.user(),
                database.password());
        return new MigrationEngine(config, List.of(), resources, name -> dataSource, MigratorRegistry.builtIn())
                .run(RunMode.MIGRATE);
    }
}

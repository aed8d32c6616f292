package org.wso2.carbon.is.migration.migrator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.engine.MigrationEngine;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.report.MigrationReport;

/**
 * One data step run through the engine (plan, ledger, report) on an identity and a shared database, without the
 * release's scripts: the databases are built from the release's facts, so the release check is skipped.
 */
public final class SingleStepRun {

    public static final Path RESOURCES =
            Path.of(System.getProperty("migration.resources.dir", "migration-resources"));

    private SingleStepRun() {
    }

    /** Runs {@code migrator} with {@code parameters} as the step of {@code version} (from the release before it). */
    public static MigrationReport run(String from, String version, String migrator, Map<String, String> parameters,
                                      DataSource identity, DataSource shared, Path reports, RunMode mode)
            throws Exception {
        MigrationConfig config = MigrationConfig.builder(RESOURCES.resolve("migration-config.yaml"), from, version)
                .skipVersionCheck(true)
                .addVersion(new VersionConfig(version, List.of(new MigratorConfig(migrator, 1, parameters, 1)), 1))
                .build();
        return new MigrationEngine(config, List.of(), RESOURCES, name -> switch (name) {
            case MigrationConfig.IDENTITY_DATA_SOURCE -> identity;
            case MigrationConfig.SHARED_DATA_SOURCE -> shared;
            default -> throw new DataSourceException("no DataSource " + name);
        }, MigratorRegistry.builtIn()).reportTo(reports.resolve(mode + "-" + System.nanoTime() + ".json")).run(mode);
    }
}

package org.wso2.carbon.is.migration.cli;

import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.LoadedConfig;
import org.wso2.carbon.is.migration.datasource.StandaloneDataSources;
import org.wso2.carbon.is.migration.verify.PreMigrationCheck;
import org.wso2.carbon.is.migration.verify.VerificationReport;
import picocli.CommandLine.Command;

/** {@code check}: before a migration, each database: reachable, its engine and release, big tables, DB2 indexes. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Before migrating: connect to each database, find its release (is it currentVersion?), size the"
                + " big tables, and on DB2 check the token tables' index tablespace; change nothing.")
final class CheckCommand extends DatabaseReportCommand {

    @Override
    VerificationReport report(LoadedConfig loaded, StandaloneOptions options, StandaloneDataSources dataSources)
            throws ConfigException {
        return new PreMigrationCheck(loaded.config(), loaded.warnings(), dataSources::dataSource).run();
    }
}

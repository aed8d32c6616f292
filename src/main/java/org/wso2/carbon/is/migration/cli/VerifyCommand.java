package org.wso2.carbon.is.migration.cli;

import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.LoadedConfig;
import org.wso2.carbon.is.migration.datasource.StandaloneDataSources;
import org.wso2.carbon.is.migration.verify.Verification;
import org.wso2.carbon.is.migration.verify.VerificationReport;
import picocli.CommandLine.Command;

/** {@code verify}: after a migration, each database against migrateVersion (schema, ledger, data). */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "After migrating: compare each database with migrateVersion's schema, check the ledger and the"
                + " release's data; exit 1 on any difference.")
final class VerifyCommand extends DatabaseReportCommand {

    @Override
    VerificationReport report(LoadedConfig loaded, StandaloneOptions options, StandaloneDataSources dataSources)
            throws ConfigException {
        return new Verification(loaded.config(), loaded.warnings(), options.resourcesDirectory(),
                dataSources::dataSource).run();
    }
}

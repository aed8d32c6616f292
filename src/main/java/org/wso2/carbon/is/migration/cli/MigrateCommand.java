package org.wso2.carbon.is.migration.cli;

import org.wso2.carbon.is.migration.engine.RunMode;
import picocli.CommandLine.Command;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Migrate the databases (skips steps the ledger records as done).")
final class MigrateCommand extends RunCommand {
    @Override
    RunMode mode() {
        return RunMode.MIGRATE;
    }
}

package org.wso2.carbon.is.migration.cli;

import org.wso2.carbon.is.migration.engine.RunMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Migrate the databases (skips steps the ledger records as done).")
final class MigrateCommand extends RunCommand {

    @Mixin
    VersionCheckOption versionCheck;

    @Override
    boolean skipVersionCheck() {
        return versionCheck.skip;
    }

    @Override
    RunMode mode() {
        return RunMode.MIGRATE;
    }
}

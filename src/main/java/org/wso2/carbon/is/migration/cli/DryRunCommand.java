package org.wso2.carbon.is.migration.cli;

import org.wso2.carbon.is.migration.engine.RunMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "dry-run", mixinStandardHelpOptions = true, description = "Show every step and statement the migration would run; change nothing.")
final class DryRunCommand extends RunCommand {

    @Mixin
    VersionCheckOption versionCheck;

    @Override
    boolean skipVersionCheck() {
        return versionCheck.skip;
    }

    @Override
    RunMode mode() {
        return RunMode.DRY_RUN;
    }
}

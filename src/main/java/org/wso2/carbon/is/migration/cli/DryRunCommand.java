package org.wso2.carbon.is.migration.cli;

import org.wso2.carbon.is.migration.engine.RunMode;
import picocli.CommandLine.Command;

@Command(name = "dry-run", mixinStandardHelpOptions = true, description = "Show every step and statement the migration would run; change nothing.")
final class DryRunCommand extends RunCommand {
    @Override
    RunMode mode() {
        return RunMode.DRY_RUN;
    }
}

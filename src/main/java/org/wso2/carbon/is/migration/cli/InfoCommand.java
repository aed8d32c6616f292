package org.wso2.carbon.is.migration.cli;

import org.wso2.carbon.is.migration.engine.RunMode;
import picocli.CommandLine.Command;

@Command(name = "info", mixinStandardHelpOptions = true, description = "List each step and its state from the ledger, without reading the data.")
final class InfoCommand extends RunCommand {
    @Override
    RunMode mode() {
        return RunMode.INFO;
    }
}

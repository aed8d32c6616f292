package org.wso2.carbon.is.migration.cli;

import org.wso2.carbon.is.migration.report.MigrationReport.Mode;

import picocli.CommandLine.Command;

@Command(name = "info", mixinStandardHelpOptions = true, description = "List each step and its state from the ledger, without reading the data.")
final class InfoCommand extends RunCommand {
    @Override
    Mode mode() {
        return Mode.INFO;
    }
}

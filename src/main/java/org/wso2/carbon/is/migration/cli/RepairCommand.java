package org.wso2.carbon.is.migration.cli;

import org.wso2.carbon.is.migration.engine.RunMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Accepts, on purpose, the current content of steps that changed after they were applied (which stops migrate), by
 * recording it in the ledger as applied. Nothing is run against the Identity Server tables.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Record the current content of applied steps that changed since (an edited script) as the "
                + "applied content, without running them; migrate refuses to run while such a step exists.",
                "Use it only when the change is meant and its effect is already in the database (or it has none, "
                        + "like a comment). The old ledger rows stay; each new row says what it replaces."})
final class RepairCommand extends RunCommand {

    @Option(names = "--dry-run", description = "Show what would be recorded; change nothing.")
    boolean dryRun;

    @Override
    RunMode mode() {
        return dryRun ? RunMode.REPAIR_DRY_RUN : RunMode.REPAIR;
    }
}

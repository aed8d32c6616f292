package org.wso2.carbon.is.migration.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar org.wso2.carbon.is.migration-<version>.jar <command> --is-home DIR}: the same migration the
 * server runs with {@code -Dmigrate}, without starting the server. Exit codes: 0 success, 1 a migration step failed,
 * 2 bad usage or configuration.
 */
@Command(name = "migration", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Migrates WSO2 Identity Server databases between releases.",
        subcommands = {MigrateCommand.class, DryRunCommand.class, InfoCommand.class},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
public final class MigrationCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line in this JVM and returns its exit code. */
    public static int execute(String... args) {
        StandaloneLogging.configure();
        return new CommandLine(new MigrationCli()).execute(args);
    }

    /** Runs with output sent to the given writers (tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        StandaloneLogging.configure();
        return new CommandLine(new MigrationCli()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public void run() {
        // No sub-command: say what there is, and count it as bad usage.
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: use migrate, dry-run or info");
    }
}

package org.wso2.carbon.is.migration.cli;

import java.io.PrintWriter;

import org.wso2.carbon.is.migration.api.ErrorCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar org.wso2.carbon.is.migration-<version>.jar <command> --is-home DIR}: the same migration the
 * server runs with {@code -Dmigrate}, without starting the server. Exit codes are those of {@link ErrorCode}: 0
 * success, 1 the migration failed, 2 bad usage or configuration.
 */
@Command(name = "migration", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Migrates WSO2 Identity Server databases between releases.",
        subcommands = {MigrateCommand.class, DryRunCommand.class, InfoCommand.class, RepairCommand.class,
                UnlockCommand.class, PrepareCommand.class, CheckCommand.class, VerifyCommand.class,
                SyncCommand.class})
public final class MigrationCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line in this JVM and returns its exit code. */
    public static int execute(String... args) {
        StandaloneLogging.configure();
        return commandLine().execute(args);
    }

    /** Runs with output sent to the given writers (tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        StandaloneLogging.configure();
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    /**
     * The commands, with picocli's exit codes taken from {@link ErrorCode}: bad usage (a
     * {@link CommandLine.ParameterException}, whichever command it concerns) is bad configuration; anything
     * unexpected that escapes a command means the run failed. The commands return the other codes themselves.
     */
    private static CommandLine commandLine() {
        return new CommandLine(new MigrationCli()).setExitCodeExceptionMapper(escaped ->
                escaped instanceof CommandLine.ParameterException ? ErrorCode.BAD_CONFIGURATION.exitCode()
                        : ErrorCode.STEP_FAILED.exitCode());
    }

    @Override
    public void run() {
        // No sub-command: say what there is, and count it as bad usage.
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: use prepare, check, dry-run, migrate, info, verify, repair, unlock or sync");
    }
}

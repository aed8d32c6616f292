package org.wso2.carbon.is.migration.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.sync.SyncCleanup;
import org.wso2.carbon.is.migration.sync.SyncPrepare;
import org.wso2.carbon.is.migration.sync.SyncProgress;
import org.wso2.carbon.is.migration.sync.SyncRun;
import org.wso2.carbon.is.migration.sync.SyncSchema;
import org.wso2.carbon.is.migration.sync.SyncSettings;
import org.wso2.carbon.is.migration.sync.SyncVerify;
import org.wso2.carbon.is.migration.sync.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code java -jar <jar> sync prepare|run|status|verify|cleanup --config sync.properties --old-is-home OLD
 * --new-is-home NEW}: the zero-downtime data sync, standalone. Exit codes as everywhere ({@link ErrorCode}); verify
 * ends with 1 when anything differs.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Carries the rows the old server writes into the migrated databases (zero-downtime switch-over).")
final class SyncCommand {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "sync.properties (the old sync tool's file: sourceVersion, targetVersion, syncTables, ...)")
    Path config;

    @Option(names = "--old-is-home", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The old Identity Server's home: repository/conf/datasources/master-datasources.xml names"
                    + " the source databases")
    Path oldIsHome;

    @Option(names = "--new-is-home", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "The new Identity Server's home: repository/conf/deployment.toml names the targets")
    Path newIsHome;

    @Option(names = "--lib", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Another folder of JDBC driver jars (repeatable)")
    List<Path> libDirs = new ArrayList<>();

    @Command(name = "prepare", description = "Create the journals and triggers on the source databases.")
    int prepare(@Option(names = "--ddl-only", paramLabel = "FILE",
            description = "Write the DDL to FILE for a DBA instead of running it") Path ddlOnly) {
        return withHomes(homes -> {
            SyncPrepare prepare = new SyncPrepare(settings(), homes.databases());
            if (ddlOnly == null) {
                prepare.run();
                out().println("Prepared: changes to " + settings().tables() + " are journalled.");
                return ErrorCode.SUCCESS_EXIT_CODE;
            }
            StringBuilder ddl = new StringBuilder();
            for (Map.Entry<SyncSchema, String> script : prepare.scripts().entrySet()) {
                ddl.append("-- On the source database of ").append(script.getKey().propertyKey()).append('\n')
                        .append(script.getValue()).append('\n');
            }
            try {
                Files.write(ddlOnly, ddl.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new MigrationException(ErrorCode.BAD_CONFIGURATION, "Cannot write " + ddlOnly + ": " + e, e);
            }
            out().println("Wrote the DDL to " + ddlOnly + "; nothing was changed.");
            return ErrorCode.SUCCESS_EXIT_CODE;
        });
    }

    @Command(name = "run", description = "Apply the journalled changes until stopped (Ctrl-C or SIGTERM).")
    int run(@Option(names = "--until-drained", description = "Stop when no table has a backlog") boolean drained) {
        return withHomes(homes -> {
            PrintWriter out = out();
            SyncRun run = new SyncRun(settings(), homes.databases(), new SyncProgress(line -> {
                out.println(line);
                out.flush();
            }));
            AtomicBoolean stop = new AtomicBoolean();
            Thread hook = new Thread(() -> stop.set(true), "sync-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                if (drained) {
                    run.runUntilDrained(stop::get);
                } else {
                    run.run(stop::get);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                removeHook(hook);
            }
            return ErrorCode.SUCCESS_EXIT_CODE;
        });
    }

    @Command(name = "status", description = "Print each table's backlog, lag and parked rows.")
    int status(@Option(names = "--json", description = "As JSON") boolean json) {
        return withHomes(homes -> {
            SyncRun run = new SyncRun(settings(), homes.databases(), new SyncProgress(line -> { }));
            out().print(json ? run.syncStatus().json() : run.syncStatus().table());
            return ErrorCode.SUCCESS_EXIT_CODE;
        });
    }

    @Command(name = "verify", description = "Compare source and target per key range; exit 0 only if equal.")
    int verify(@Option(names = "--repair", description = "Queue the differing keys for the next run") boolean repair,
               @Option(names = "--chunk-rows", defaultValue = "10000",
                       description = "Rows per chunk (${DEFAULT-VALUE})")
               int chunkRows,
               @Option(names = "--json", description = "As JSON") boolean json) {
        return withHomes(homes -> {
            VerifyReport report = new SyncVerify(settings(), homes.databases(), chunkRows).run(repair);
            out().println(json ? report.json() : report.text());
            return report.differences() == 0 ? ErrorCode.SUCCESS_EXIT_CODE : ErrorCode.STEP_FAILED.exitCode();
        });
    }

    @Command(name = "cleanup", description = "Remove the triggers, journals and dead letters from the sources.")
    int cleanup() {
        return withHomes(homes -> {
            List<String> removed = new SyncCleanup(settings(), homes.databases()).run();
            for (String drop : removed) {
                out().println("removed: " + drop);
            }
            out().println(removed.isEmpty() ? "Nothing of the sync tool was left." : "Removed " + removed.size()
                    + " objects.");
            return ErrorCode.SUCCESS_EXIT_CODE;
        });
    }

    private interface Action {
        int run(SyncHomes homes) throws MigrationException;
    }

    private int withHomes(Action action) {
        if (oldIsHome == null || newIsHome == null) {
            spec.commandLine().getErr().println("Give --old-is-home and --new-is-home: the source databases are read"
                    + " from the old home's master-datasources.xml, the targets from the new home's deployment.toml");
            return ErrorCode.BAD_CONFIGURATION.exitCode();
        }
        try (SyncHomes homes = new SyncHomes(settings(), oldIsHome, newIsHome, libDirs)) {
            int exit = action.run(homes);
            out().flush();
            return exit;
        } catch (MigrationException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.errorCode().exitCode();
        }
    }

    private SyncSettings settings() throws MigrationException {
        return SyncSettings.load(config);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is stopping: the hook has run.
        }
    }
}

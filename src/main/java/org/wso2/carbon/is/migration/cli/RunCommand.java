package org.wso2.carbon.is.migration.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.StandaloneDataSources;
import org.wso2.carbon.is.migration.engine.MigrationRun;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.watch.StopOnShutdown;
import org.wso2.carbon.is.migration.watch.StopRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs the engine in one mode against the databases of a standalone IS home. */
abstract class RunCommand implements Callable<Integer> {

    @Mixin
    StandaloneOptions options;

    @Spec
    CommandSpec spec;

    abstract RunMode mode();

    /** True when the operator switched the check that each database is at currentVersion off. */
    boolean skipVersionCheck() {
        return false;
    }

    @Override
    public Integer call() {
        StandaloneDataSources dataSources = open(options, spec);
        if (dataSources == null) {
            return ErrorCode.BAD_CONFIGURATION.exitCode();
        }
        StopRequest stop = new StopRequest();
        PrintWriter err = spec.commandLine().getErr();
        StopOnShutdown onSignal = StopOnShutdown.install(stop, "SIGTERM or Ctrl-C", line -> {
            err.println(line);
            err.flush();
        });
        MigrationRun.Result result;
        try {
            MigrationRun run = MigrationRun.of(options.configFile(), options.resourcesDirectory())
                    .dataSources(config -> dataSources::dataSource).reportTo(options.report).stoppableBy(stop);
            if (skipVersionCheck()) {
                run.skippingVersionCheck();
            }
            result = run.run(mode());
            spec.commandLine().getOut().println(result.summary());
            spec.commandLine().getOut().flush();
        } finally {
            closeQuietly(dataSources, spec);
            stop.runEnded();
            onSignal.remove();
        }
        return result.exitCode();
    }

    /**
     * The databases of the IS home; null when the paths given or its deployment.toml do not allow it, which has
     * been said on stderr (both are bad usage or configuration: exit 2).
     */
    static StandaloneDataSources open(StandaloneOptions options, CommandSpec spec) {
        String problem = options.problem();
        if (problem != null) {
            spec.commandLine().getErr().println(problem);
            return null;
        }
        try {
            return new StandaloneDataSources(options.isHome, options.libDirs);
        } catch (DataSourceException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return null;
        }
    }

    /** Closing the drivers' class loader can fail; the run has ended and been reported, so its exit code stands. */
    static void closeQuietly(StandaloneDataSources dataSources, CommandSpec spec) {
        try {
            dataSources.close();
        } catch (IOException e) {
            spec.commandLine().getErr().println("warning: " + e.getMessage());
        }
    }
}

package org.wso2.carbon.is.migration.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.StandaloneDataSources;
import org.wso2.carbon.is.migration.engine.MigrationRun;
import org.wso2.carbon.is.migration.engine.RunMode;
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

    @Override
    public Integer call() {
        String problem = options.problem();
        if (problem != null) {
            spec.commandLine().getErr().println(problem);
            return ErrorCode.BAD_CONFIGURATION.exitCode();
        }
        StandaloneDataSources dataSources;
        try {
            dataSources = new StandaloneDataSources(options.isHome, options.libDirs);
        } catch (DataSourceException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.errorCode().exitCode();
        }
        StopRequest stop = new StopRequest();
        StopOnSignal onSignal = StopOnSignal.install(stop, spec.commandLine().getErr());
        MigrationRun.Result result;
        try {
            result = MigrationRun.of(options.configFile(), options.resourcesDirectory())
                    .dataSources(config -> dataSources::dataSource).reportTo(options.report).stoppableBy(stop)
                    .run(mode());
            spec.commandLine().getOut().println(result.summary());
            spec.commandLine().getOut().flush();
        } finally {
            closeQuietly(dataSources);
            stop.runEnded();
            onSignal.remove();
        }
        return result.exitCode();
    }

    /** Closing the drivers' class loader can fail; the run has ended and been reported, so its exit code stands. */
    private void closeQuietly(StandaloneDataSources dataSources) {
        try {
            dataSources.close();
        } catch (IOException e) {
            spec.commandLine().getErr().println("warning: " + e.getMessage());
        }
    }
}

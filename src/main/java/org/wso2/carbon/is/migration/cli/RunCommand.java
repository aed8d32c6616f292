package org.wso2.carbon.is.migration.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.StandaloneDataSources;
import org.wso2.carbon.is.migration.engine.MigrationRun;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport.Mode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that runs the engine in one mode against the databases of a standalone IS home. */
abstract class RunCommand implements Callable<Integer> {

    @Mixin
    StandaloneOptions options;

    @Spec
    CommandSpec spec;

    abstract Mode mode();

    @Override
    public Integer call() {
        String problem = options.problem();
        if (problem != null) {
            spec.commandLine().getErr().println(problem);
            return ErrorCode.BAD_CONFIGURATION.exitCode();
        }
        try (StandaloneDataSources dataSources = new StandaloneDataSources(options.isHome, options.libDirs)) {
            MigrationRun.Result result = MigrationRun.run(options.configFile(), options.resourcesDirectory(),
                    config -> dataSources::dataSource, MigratorRegistry.builtIn(), mode(), options.report, false);
            spec.commandLine().getOut().println(result.summary());
            spec.commandLine().getOut().flush();
            return result.exitCode();
        } catch (DataSourceException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.errorCode().exitCode();
        } catch (IOException e) {
            // Closing the drivers' class loader failed; the run itself has ended and been reported.
            spec.commandLine().getErr().println("warning: " + e.getMessage());
            return ErrorCode.SUCCESS_EXIT_CODE;
        }
    }
}

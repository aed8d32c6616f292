package org.wso2.carbon.is.migration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.ConfigLoader;
import org.wso2.carbon.is.migration.config.LoadedConfig;
import org.wso2.carbon.is.migration.datasource.StandaloneDataSources;
import org.wso2.carbon.is.migration.report.HtmlPage;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.verify.VerificationPage;
import org.wso2.carbon.is.migration.verify.VerificationReport;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that checks the databases of a standalone IS home and reports a verdict per database
 * ({@link VerificationReport}): the summary printed, the JSON report written next to migrate's. Exit 0 when every
 * database passes, 1 when one does not, 2 when the configuration or a database cannot be used.
 */
abstract class DatabaseReportCommand implements Callable<Integer> {

    @Mixin
    StandaloneOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        StandaloneDataSources dataSources = RunCommand.open(options, spec);
        if (dataSources == null) {
            return ErrorCode.BAD_CONFIGURATION.exitCode();
        }
        try {
            LoadedConfig loaded = ConfigLoader.load(options.configFile());
            VerificationReport report = report(loaded, options, dataSources);
            Path page = write(report);
            spec.commandLine().getOut().println(report.summary());
            if (page != null) {
                spec.commandLine().getOut().println("  page: " + page);
            }
            spec.commandLine().getOut().flush();
            return report.passed() ? ErrorCode.SUCCESS_EXIT_CODE : ErrorCode.STEP_FAILED.exitCode();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println(Secrets.mask(e.getMessage()));
            return e.errorCode().exitCode();
        } finally {
            RunCommand.closeQuietly(dataSources, spec);
        }
    }

    /** Runs the checks. */
    abstract VerificationReport report(LoadedConfig loaded, StandaloneOptions options,
                                       StandaloneDataSources dataSources) throws ConfigException;

    /** Next to migrate's reports unless --report names the file. */
    /** Writes the JSON report and the HTML page next to it; returns the page, or null when it was not written. */
    private Path write(VerificationReport report) {
        Path file = options.report != null ? options.report
                : options.resourcesDirectory().resolve("reports").resolve(spec.name() + "-" + report.runId() + ".json");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, report.toJson().getBytes(StandardCharsets.UTF_8));
            report.reportFile(file);
        } catch (IOException e) {
            spec.commandLine().getErr().println("warning: could not write the report to " + file + ": "
                    + e.getMessage());
            return null;
        }
        Path page = HtmlPage.besideJson(file);
        try {
            VerificationPage.of(report).write(page);
            return page;
        } catch (IOException e) {
            spec.commandLine().getErr().println("warning: could not write the page to " + page + ": "
                    + e.getMessage());
            return null;
        }
    }
}

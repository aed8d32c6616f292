package org.wso2.carbon.is.migration.engine;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.ConfigLoader;
import org.wso2.carbon.is.migration.config.LoadedConfig;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.watch.StopRequest;

/**
 * What the server component and the command line share: load the config, run the engine, log one summary, and
 * tell the caller how it went, as the command line's exit code ({@link ErrorCode}).
 */
public final class MigrationRun {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);

    /** How a run ended: the report when it got that far, the config (null when it could not be read). */
    public static final class Result {
        private final int exitCode;
        private final MigrationReport report;
        private final MigrationConfig config;
        private final String summary;

        public Result(int exitCode, MigrationReport report, MigrationConfig config, String summary) {
            this.exitCode = exitCode;
            this.report = report;
            this.config = config;
            this.summary = summary;
        }

        public int exitCode() {
            return exitCode;
        }

        public MigrationReport report() {
            return report;
        }

        public MigrationConfig config() {
            return config;
        }

        public String summary() {
            return summary;
        }

        public boolean succeeded() {
            return exitCode == ErrorCode.SUCCESS_EXIT_CODE;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Result)) {
                return false;
            }
            Result that = (Result) other;
            return exitCode == that.exitCode && Objects.equals(report, that.report)
                    && Objects.equals(config, that.config) && Objects.equals(summary, that.summary);
        }

        @Override
        public int hashCode() {
            return Objects.hash(exitCode, report, config, summary);
        }

        @Override
        public String toString() {
            return "Result[exitCode=" + exitCode + ", report=" + report + ", config=" + config + ", summary="
                    + summary + "]";
        }
    }

    private final Path configFile;
    private final Path resourcesDirectory;
    private Function<MigrationConfig, DataSourceLocator> locators;
    private MigratorRegistry migrators;
    private Path reportFile;
    private boolean logSummary;
    private StopRequest stop = new StopRequest();
    private boolean skipVersionCheck;

    private MigrationRun(Path configFile, Path resourcesDirectory) {
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.resourcesDirectory = Objects.requireNonNull(resourcesDirectory, "resourcesDirectory");
    }

    /** A run of {@code configFile} with the scripts and data of {@code resourcesDirectory}. */
    public static MigrationRun of(Path configFile, Path resourcesDirectory) {
        return new MigrationRun(configFile, resourcesDirectory);
    }

    /** How DataSources are found, made once the config is known (it holds e.g. the wait time). Required. */
    public MigrationRun dataSources(Function<MigrationConfig, DataSourceLocator> locatorFromConfig) {
        this.locators = Objects.requireNonNull(locatorFromConfig, "locatorFromConfig");
        return this;
    }

    /** The migrators a config may name; the built-in ones unless set. */
    public MigrationRun migrators(MigratorRegistry registry) {
        this.migrators = Objects.requireNonNull(registry, "registry");
        return this;
    }

    /** Where the JSON report goes instead of the config's {@code reportPath}. */
    public MigrationRun reportTo(Path file) {
        this.reportFile = file;
        return this;
    }

    /** Lets a shutdown hook stop the run at a safe point. */
    public MigrationRun stoppableBy(StopRequest request) {
        this.stop = Objects.requireNonNull(request, "request");
        return this;
    }

    /** Plans without checking that each database is at currentVersion (the command line's --skip-version-check). */
    public MigrationRun skippingVersionCheck() {
        this.skipVersionCheck = true;
        return this;
    }

    /** Logs the summary (the server); the command line prints it instead. */
    public MigrationRun loggingSummary() {
        this.logSummary = true;
        return this;
    }

    public Result run(RunMode mode) {
        if (locators == null) {
            throw new IllegalStateException("a run needs dataSources(...)");
        }
        MigrationConfig config = null;
        try {
            LoadedConfig loaded = ConfigLoader.load(configFile);
            config = loaded.config();
            MigrationEngine engine = new MigrationEngine(config, loaded.warnings(), resourcesDirectory,
                    locators.apply(config), migrators == null ? MigratorRegistry.builtIn() : migrators)
                    .reportTo(reportFile).stoppableBy(stop);
            if (skipVersionCheck) {
                engine.skippingVersionCheck();
            }
            MigrationReport report = engine.run(mode);
            String summary = report.summary();
            if (report.status() == MigrationReport.Status.SUCCEEDED) {
                if (logSummary) {
                    LOG.info("\n{}", summary);
                }
                return new Result(ErrorCode.SUCCESS_EXIT_CODE, report, config, summary);
            }
            if (logSummary) {
                LOG.error("\n{}", summary);
            }
            return new Result(report.errorCode().exitCode(), report, config, summary);
        } catch (ConfigException e) {
            String summary = "Migration NOT started: the configuration is invalid.\n  " + Secrets.mask(e.getMessage());
            if (logSummary) {
                LOG.error(summary);
            }
            return new Result(e.errorCode().exitCode(), null, config, summary);
        } catch (RuntimeException e) {
            String summary = "Migration FAILED unexpectedly: " + Secrets.mask(MigrationEngine.describe(e));
            LOG.error(summary, e);
            return new Result(ErrorCode.STEP_FAILED.exitCode(), null, config, summary);
        }
    }
}

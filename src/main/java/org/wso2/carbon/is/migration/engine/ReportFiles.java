package org.wso2.carbon.is.migration.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.report.HtmlPage;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.MigrationReportPage;

/**
 * Where a run's report goes: the file given on the command line, else the config's {@code reportPath} (a file, or a
 * folder; relative to the IS home), else {@code migration-resources/reports}, named after the mode and the run.
 */
final class ReportFiles {

    /** The engine's logger: an operator follows a run, and filters its log, by one name. */
    private static final Logger LOG = LoggerFactory.getLogger(MigrationEngine.class);

    private final Path override;
    private final String reportPath;
    private final Path resourcesDirectory;

    ReportFiles(Path override, String reportPath, Path resourcesDirectory) {
        this.override = override;
        this.reportPath = reportPath;
        this.resourcesDirectory = resourcesDirectory;
    }

    /** Writes the JSON report and, beside it, its HTML page; a failure to write is a warning, the run stands. */
    void write(MigrationReport report) {
        Path file = reportFile(report);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, report.toJson().getBytes(StandardCharsets.UTF_8));
            report.reportFile(file);
        } catch (IOException e) {
            LOG.warn("Could not write the report to {}: {}", file, e.getMessage());
            return;
        }
        Path page = HtmlPage.besideJson(file);
        try {
            MigrationReportPage.of(report).write(page);
            report.pageFile(page);
        } catch (IOException e) {
            LOG.warn("Could not write the HTML report to {}: {}", page, e.getMessage());
        }
    }

    private Path reportFile(MigrationReport report) {
        if (override != null) {
            return override;
        }
        String name = "migration-" + report.mode().name().toLowerCase().replace('_', '-') + "-" + report.runId()
                + ".json";
        if (reportPath != null && !reportPath.trim().isEmpty()) {
            Path configured = Paths.get(reportPath);
            if (!configured.isAbsolute()) {
                configured = resourcesDirectory.toAbsolutePath().getParent().resolve(configured);
            }
            return configured.toString().endsWith(".json") ? configured : configured.resolve(name);
        }
        return resourcesDirectory.resolve("reports").resolve(name);
    }
}

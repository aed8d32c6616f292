package org.wso2.carbon.is.migration.verify;

import java.util.ArrayList;
import java.util.List;

import org.wso2.carbon.is.migration.report.DatabaseCard;
import org.wso2.carbon.is.migration.report.Finding;
import org.wso2.carbon.is.migration.report.FindingSection;
import org.wso2.carbon.is.migration.report.HtmlPage;
import org.wso2.carbon.is.migration.report.Tone;
import org.wso2.carbon.is.migration.schema.SchemaDifference;

/**
 * The HTML page of {@code check} and {@code verify}, next to their JSON report: what failed outside any database,
 * then each database's verdict with every schema difference (expected and found) and every failed check, then the
 * warnings. Built from the same {@link VerificationReport} as the JSON, with the report package's view objects.
 */
public final class VerificationPage {

    private VerificationPage() {
    }

    public static HtmlPage of(VerificationReport report) {
        HtmlPage page = new HtmlPage(report.command() + " against " + report.targetRelease(),
                report.passed() ? "PASSED" : "FAILED", report.passed() ? Tone.GOOD : Tone.BAD)
                .fact("Run", report.runId())
                .fact("Configuration", report.configFile())
                .fact("JSON report", report.reportFile() == null ? null : report.reportFile().toString());
        List<Finding> elsewhere = new ArrayList<>();
        if (report.error() != null) {
            elsewhere.add(Finding.of("The " + report.command(), Tone.BAD, report.error()));
        }
        page.add(new FindingSection("Failures", elsewhere));
        List<DatabaseCard> verdicts = new ArrayList<>();
        for (DatabaseVerdict database : report.databases()) {
            verdicts.add(verdict(database));
        }
        page.add(new org.wso2.carbon.is.migration.report.VerdictSection("Databases", "No database was checked.",
                verdicts));
        List<Finding> warnings = new ArrayList<>();
        report.warnings().forEach(warning -> warnings.add(Finding.of("Warning", Tone.WARN, warning)));
        page.add(new FindingSection("Warnings", warnings));
        return page;
    }

    private static DatabaseCard verdict(DatabaseVerdict database) {
        List<Finding> findings = new ArrayList<>();
        for (SchemaDifference difference : database.differences()) {
            findings.add(Finding.of(difference.key(), Tone.BAD, "expected: " + difference.expected()
                    + "\nfound: " + difference.actual()));
        }
        int failedChecks = 0;
        for (CheckResult check : database.checks()) {
            if (!check.passed()) {
                failedChecks++;
            }
            for (String failure : check.failures()) {
                findings.add(Finding.of(check.name(), Tone.BAD, failure));
            }
        }
        String verdict = database.passed() ? "PASSED" : "FAILED: " + database.differences().size()
                + " schema difference(s), " + failedChecks + " failed check(s)";
        String description = String.join(", ", database.logicalDatabases()) + " \u00b7 " + database.dialect()
                + " \u00b7 " + database.location()
                + (database.comparedWith() == null ? "" : " \u00b7 compared with " + database.comparedWith());
        return new DatabaseCard(database.dataSource(), description, verdict,
                database.passed() ? Tone.GOOD : Tone.BAD, findings);
    }
}

package org.wso2.carbon.is.migration.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.report.StepReport.Outcome;

/**
 * The HTML page of a migration, dry run or info report: what went wrong first (failures outside any database), then
 * each database's verdict with its failed steps (cause and failed statement), the steps on a timeline, and the
 * warnings. Written next to the JSON report, from the same {@link MigrationReport}.
 */
public final class MigrationReportPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private MigrationReportPage() {
    }

    public static HtmlPage of(MigrationReport report) {
        HtmlPage page = new HtmlPage(report.title(), report.verdict(),
                report.status() == MigrationReport.Status.SUCCEEDED ? Tone.GOOD
                        : report.status() == MigrationReport.Status.INTERRUPTED ? Tone.WARN : Tone.BAD)
                .fact("Run", report.runId())
                .fact("Started", TIME.format(report.startedAt()))
                .fact("Finished", report.finishedAt() == null ? null : TIME.format(report.finishedAt()))
                .fact("Took", report.durationMillis() == null ? null
                        : TimelineSection.duration(report.durationMillis()))
                .fact("Configuration", report.configFile())
                .fact("JSON report", report.reportFile() == null ? null : report.reportFile().toString());

        List<Finding> elsewhere = new ArrayList<>();
        if (report.error() != null) {
            elsewhere.add(Finding.of("The run", Tone.BAD, report.error()));
        }
        List<DatabaseCard> verdicts = new ArrayList<>();
        Set<StepReport> placed = new HashSet<>();
        for (Map<String, Object> database : report.databases()) {
            Collection<?> logicalNames = (Collection<?>) database.get("logicalDatabases");
            List<StepReport> steps = new ArrayList<>();
            for (StepReport step : report.steps()) {
                if (step.database() != null && logicalNames.contains(step.database())) {
                    steps.add(step);
                }
            }
            placed.addAll(steps);
            verdicts.add(verdict(report.mode(), String.valueOf(database.get("dataSource")),
                    join(logicalNames) + " \u00b7 " + database.get("dialect") + " \u00b7 " + database.get("location"),
                    steps));
        }
        List<TimelineEntry> timeline = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        for (String warning : report.warnings()) {
            warnings.add(Finding.of("The run", Tone.WARN, warning));
        }
        for (StepReport step : report.steps()) {
            if (!placed.contains(step) && failed(step)) {
                elsewhere.add(failure(step));
            }
            timeline.add(entry(report, step));
            for (String warning : step.warnings()) {
                warnings.add(Finding.of(step.stepKey(), Tone.WARN, warning));
            }
        }
        long runMillis = report.durationMillis() == null ? 0 : report.durationMillis();
        return page.add(new FindingSection("Failures outside any database", elsewhere))
                .add(new VerdictSection("Databases", "No database was reached.", verdicts))
                .add(new TimelineSection("Steps", "The run starts by connecting to each database and planning every"
                        + " step (reading scripts, checking preconditions); the bars start after that.", runMillis,
                        timeline))
                .add(new FindingSection("Warnings", warnings));
    }

    private static DatabaseCard verdict(RunMode mode, String name, String description, List<StepReport> steps) {
        List<Finding> failures = new ArrayList<>();
        for (StepReport step : steps) {
            if (failed(step)) {
                failures.add(failure(step));
            }
        }
        int all = steps.size();
        String verdict;
        Tone tone;
        if (!failures.isEmpty()) {
            verdict = "FAILED: " + failures.size() + " of " + all + " steps";
            tone = Tone.BAD;
        } else if (count(steps, Outcome.NOT_RUN, Outcome.PENDING, Outcome.ATTEMPT_UNFINISHED) > 0) {
            verdict = "NOT COMPLETE: " + count(steps, Outcome.NOT_RUN, Outcome.PENDING, Outcome.ATTEMPT_UNFINISHED)
                    + " of " + all + " steps not applied";
            tone = Tone.WARN;
        } else if (count(steps, Outcome.WOULD_APPLY) > 0) {
            verdict = count(steps, Outcome.WOULD_APPLY) + " of " + all + " steps would run";
            tone = Tone.NEUTRAL;
        } else if (count(steps, Outcome.CHANGED_SINCE_APPLIED) > 0) {
            verdict = "APPLIED, " + count(steps, Outcome.CHANGED_SINCE_APPLIED) + " steps changed since";
            tone = Tone.WARN;
        } else {
            verdict = mode == RunMode.MIGRATE ? "MIGRATED" : "UP TO DATE";
            tone = Tone.GOOD;
        }
        return new DatabaseCard(name, description, verdict, tone, failures);
    }

    /** Failed in this run, or (info) in its last recorded attempt. */
    private static boolean failed(StepReport step) {
        return step.outcome() == Outcome.FAILED || step.outcome() == Outcome.ATTEMPT_FAILED;
    }

    private static Finding failure(StepReport step) {
        String cause = step.error() != null ? step.error() : String.join("\n", step.notes());
        Finding finding = Finding.of(step.stepKey() + (step.description() == null ? "" : ": " + step.description()),
                Tone.BAD, cause);
        return step.failedStatement() == null ? finding
                : finding.withEvidence("The statement, at " + step.failedStatementLocation(), step.failedStatement());
    }

    private static TimelineEntry entry(MigrationReport report, StepReport step) {
        Instant started = step.startedAt();
        List<String> notes = new ArrayList<>();
        if (step.description() != null) {
            notes.add(step.description());
        }
        notes.addAll(step.notes());
        return new TimelineEntry(step.stepKey(), step.database(), step.outcome().name(), tone(step.outcome()),
                started == null ? null : Duration.between(report.startedAt(), started).toMillis(),
                step.durationMillis(), step.rows(), notes,
                report.mode() == RunMode.DRY_RUN ? step.actions() : Collections.<String>emptyList());
    }

    private static Tone tone(Outcome outcome) {
        switch (outcome) {
            case APPLIED:
                return Tone.GOOD;
            case FAILED:
            case ATTEMPT_FAILED:
                return Tone.BAD;
            case CHANGED_SINCE_APPLIED:
            case ATTEMPT_UNFINISHED:
            case NOT_RUN:
                return Tone.WARN;
            default:
                return Tone.NEUTRAL;
        }
    }

    private static long count(List<StepReport> steps, Outcome... outcomes) {
        long count = 0;
        for (StepReport step : steps) {
            for (Outcome outcome : outcomes) {
                if (step.outcome() == outcome) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String join(Collection<?> names) {
        List<String> texts = new ArrayList<>();
        for (Object name : names) {
            texts.add(String.valueOf(name));
        }
        return String.join(", ", texts);
    }
}

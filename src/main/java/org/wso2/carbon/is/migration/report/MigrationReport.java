package org.wso2.carbon.is.migration.report;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.engine.RunMode;

/** The whole run: databases, steps, outcome. Renders the logged summary and the JSON report. */
public final class MigrationReport {

    public enum Status { SUCCEEDED, FAILED, INTERRUPTED }

    private final String runId;
    private final RunMode mode;
    private final Instant startedAt = Instant.now();
    private Instant finishedAt;
    private String currentVersion;
    private String migrateVersion;
    private String configFile;
    private String error;
    private ErrorCode errorCode;
    private String interruption;
    private Path reportFile;
    private Path pageFile;
    private final List<Map<String, Object>> databases = new ArrayList<>();
    private final List<StepReport> steps = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    public MigrationReport(String runId, RunMode mode) {
        this.runId = runId;
        this.mode = mode;
    }

    public void versions(String current, String migrate) {
        this.currentVersion = current;
        this.migrateVersion = migrate;
    }

    public void configFile(String file) {
        this.configFile = file;
    }

    public void addDatabase(String dataSourceName, List<String> logicalNames, String dialect, String description) {
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("dataSource", dataSourceName);
        database.put("logicalDatabases", immutableCopy(logicalNames));
        database.put("dialect", dialect);
        database.put("location", Secrets.mask(description));
        databases.add(database);
    }

    public StepReport addStep(StepReport step) {
        steps.add(step);
        return step;
    }

    public void warn(String warning) {
        warnings.add(Secrets.mask(warning));
    }

    /** A failure outside any one step (lock, ledger) that is not the operator's setup: exit code 1. */
    public void fail(String message) {
        fail(ErrorCode.STEP_FAILED, message);
    }

    /** A failure outside any one step, of the given kind: configuration, data source, changed script, lock. */
    public void fail(ErrorCode code, String message) {
        this.error = Secrets.mask(message);
        this.errorCode = Objects.requireNonNull(code, "code");
    }

    /** The run stopped at a safe point because it was asked to (the reason: SIGTERM, the server shutting down). */
    public void interrupted(String reason) {
        this.interruption = Secrets.mask(reason);
    }

    /**
     * What kind of failure ended the run, and so its exit code: the one given to {@link #fail(ErrorCode, String)},
     * else {@link ErrorCode#STEP_FAILED} (a step failed). Meaningless while {@link #status()} is SUCCEEDED.
     */
    public ErrorCode errorCode() {
        if (errorCode == null && interruption != null) {
            return ErrorCode.INTERRUPTED;
        }
        return errorCode == null ? ErrorCode.STEP_FAILED : errorCode;
    }

    public void finish() {
        this.finishedAt = Instant.now();
    }

    public void reportFile(Path file) {
        this.reportFile = file;
    }

    /** Where the JSON report was written, or null. */
    public Path reportFile() {
        return reportFile;
    }

    /** Where the HTML page of the report was written; the summary names it. */
    public void pageFile(Path file) {
        this.pageFile = file;
    }

    public String runId() {
        return runId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** When the run ended, or null while it runs. */
    public Instant finishedAt() {
        return finishedAt;
    }

    /** How long the run took, or null while it runs. */
    public Long durationMillis() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt).toMillis();
    }

    public String configFile() {
        return configFile;
    }

    /** The databases the run opened, as the JSON report lists them: dataSource, logicalDatabases, dialect, location. */
    List<Map<String, Object>> databases() {
        return immutableCopy(databases);
    }

    public RunMode mode() {
        return mode;
    }

    public String error() {
        return error;
    }

    public List<StepReport> steps() {
        return immutableCopy(steps);
    }

    public List<String> warnings() {
        return immutableCopy(warnings);
    }

    /** What {@code List.copyOf} gives: an unmodifiable copy, refusing null elements. */
    private static <T> List<T> immutableCopy(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        copy.forEach(Objects::requireNonNull);
        return Collections.unmodifiableList(copy);
    }

    public Status status() {
        if (interruption != null && error == null) {
            return Status.INTERRUPTED;
        }
        if (error != null || steps.stream().anyMatch(s -> s.outcome() == StepReport.Outcome.FAILED)) {
            return Status.FAILED;
        }
        return Status.SUCCEEDED;
    }

    public long count(StepReport.Outcome outcome) {
        return steps.stream().filter(s -> s.outcome() == outcome).count();
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "org.wso2.carbon.is.migration");
        root.put("runId", runId);
        root.put("mode", mode.name());
        root.put("status", status().name());
        if (status() != Status.SUCCEEDED) {
            root.put("errorCode", errorCode().name());
            root.put("exitCode", errorCode().exitCode());
        }
        root.put("currentVersion", currentVersion);
        root.put("migrateVersion", migrateVersion);
        root.put("config", configFile);
        root.put("startedAt", startedAt.toString());
        root.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        root.put("durationMillis", durationMillis());
        root.put("error", error);
        root.put("warnings", warnings);
        root.put("databases", databases);
        List<Object> stepMaps = new ArrayList<>();
        for (StepReport step : steps) {
            stepMaps.add(step.toMap(mode == RunMode.DRY_RUN));
        }
        root.put("steps", stepMaps);
        return Json.write(root);
    }

    /** What ran, from which release to which: the start of the summary and the HTML page's title. */
    public String title() {
        String what;
        switch (mode) {
            case DRY_RUN:
                what = "Migration dry run";
                break;
            case INFO:
                what = "Migration info";
                break;
            case MIGRATE:
                what = "Migration";
                break;
            case REPAIR:
                what = "Migration repair";
                break;
            case REPAIR_DRY_RUN:
                what = "Migration repair dry run";
                break;
            default:
                throw new AssertionError(mode);
        }
        return what + ' ' + (currentVersion == null ? "?" : currentVersion) + " -> "
                + (migrateVersion == null ? "?" : migrateVersion);
    }

    /** How the run ended, as the summary and the HTML page state it. */
    public String verdict() {
        return mode.changesNothing() && status() == Status.SUCCEEDED ? "COMPLETED (nothing changed)"
                : status().name();
    }

    /** The few lines an operator reads at the end of the log. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(title()).append(": ").append(verdict()).append(" (run ").append(runId).append(")\n");
        for (StepReport step : steps) {
            out.append(String.format("  %-22s %-28s %-10s %s%s%n", step.outcome(), step.stepKey(),
                    step.database() == null ? "" : step.database(),
                    step.rows() > 0 ? step.rows() + " rows, " : "",
                    step.durationMillis() + " ms"));
            if (mode == RunMode.DRY_RUN && step.outcome() == StepReport.Outcome.WOULD_APPLY) {
                out.append("      ").append(step.description()).append(" on ").append(step.database()).append('\n');
                for (String action : step.actions()) {
                    out.append("        > ").append(action.replace("\n", "\n          ")).append('\n');
                }
            }
            if ((mode == RunMode.INFO || mode == RunMode.REPAIR || mode == RunMode.REPAIR_DRY_RUN)
                    && step.description() != null) {
                out.append("      ").append(step.description()).append('\n');
                for (String note : step.notes()) {
                    out.append("      ").append(note.replace("\n", "\n        ")).append('\n');
                }
            }
            if (step.error() != null) {
                out.append("      ").append(step.error().replace("\n", "\n      ")).append('\n');
            }
            for (String warning : step.warnings()) {
                out.append("      warning: ").append(warning).append('\n');
            }
        }
        if (reportFile != null) {
            out.append("  report: ").append(reportFile).append('\n');
        }
        if (pageFile != null) {
            out.append("  page:   ").append(pageFile).append('\n');
        }
        for (String warning : warnings) {
            out.append("  warning: ").append(warning).append('\n');
        }
        if (interruption != null) {
            out.append("  interrupted (").append(interruption)
                    .append("): run the same command again to continue\n");
        }
        if (error != null) {
            out.append("  ERROR: ").append(error.replace("\n", "\n    ")).append('\n');
        }
        return out.toString();
    }
}

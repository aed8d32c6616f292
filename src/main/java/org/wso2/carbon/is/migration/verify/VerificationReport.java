package org.wso2.carbon.is.migration.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.wso2.carbon.is.migration.report.Json;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.schema.SchemaDifference;

/**
 * The outcome of {@code check} (before migrating) or {@code verify} (after): databases, each with its verdict and what failed it ({@link DatabaseVerdict}), and
 * a failure outside any database (the config, a database that could not be reached). A plain model: the JSON
 * report and the summary are two renderings of it, and others can render it too.
 */
public final class VerificationReport {

    private final String command;
    private final String runId;
    private final String currentVersion;
    private final String targetRelease;
    private final String configFile;
    private final Instant startedAt = Instant.now();
    private Instant finishedAt;
    private final List<DatabaseVerdict> databases = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private String error;
    private Path reportFile;

    /**
     * @param command       {@code check} or {@code verify}
     * @param targetRelease the release the databases should be at: currentVersion before migrating, migrateVersion
     *                      after
     */
    public VerificationReport(String command, String runId, String currentVersion, String targetRelease,
                              String configFile) {
        this.command = Objects.requireNonNull(command, "command");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.currentVersion = currentVersion;
        this.targetRelease = Objects.requireNonNull(targetRelease, "targetRelease");
        this.configFile = configFile;
    }

    public void add(DatabaseVerdict database) {
        databases.add(Objects.requireNonNull(database, "database"));
    }

    public void warn(String warning) {
        warnings.add(Secrets.mask(warning));
    }

    /** A failure outside any one database's checks; the verification fails. */
    public void fail(String message) {
        error = error == null ? Secrets.mask(message) : error + "\n" + Secrets.mask(message);
    }

    public void finish() {
        finishedAt = Instant.now();
    }

    public void reportFile(Path file) {
        this.reportFile = file;
    }

    /** {@code check} or {@code verify}. */
    public String command() {
        return command;
    }

    public String configFile() {
        return configFile;
    }

    /** Where the JSON report was written, or null. */
    public Path reportFile() {
        return reportFile;
    }

    public String runId() {
        return runId;
    }

    public String targetRelease() {
        return targetRelease;
    }

    public List<DatabaseVerdict> databases() {
        return Collections.unmodifiableList(new ArrayList<>(databases));
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(new ArrayList<>(warnings));
    }

    public String error() {
        return error;
    }

    /** True when every database passed and nothing else failed. */
    public boolean passed() {
        return error == null && !databases.isEmpty() && databases.stream().allMatch(DatabaseVerdict::passed);
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "org.wso2.carbon.is.migration");
        root.put("runId", runId);
        root.put("mode", command.toUpperCase(Locale.ROOT));
        root.put("verdict", passed() ? "PASSED" : "FAILED");
        root.put("currentVersion", currentVersion);
        root.put("targetRelease", targetRelease);
        root.put("config", configFile);
        root.put("startedAt", startedAt.toString());
        root.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
        root.put("durationMillis", finishedAt == null ? null : Duration.between(startedAt, finishedAt).toMillis());
        root.put("error", error);
        root.put("warnings", warnings);
        List<Object> databaseMaps = new ArrayList<>();
        databases.forEach(database -> databaseMaps.add(database.toMap()));
        root.put("databases", databaseMaps);
        return Json.write(root);
    }

    /** What an operator reads: the verdict, each database's, and every difference and failure. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(Character.toUpperCase(command.charAt(0))).append(command.substring(1)).append(' ')
                .append(targetRelease).append(": ").append(passed() ? "PASSED" : "FAILED")
                .append(" (run ").append(runId).append(")\n");
        for (DatabaseVerdict database : databases) {
            out.append("  ").append(database.dataSource()).append(" (")
                    .append(String.join(", ", database.logicalDatabases())).append(") [").append(database.dialect())
                    .append("] ").append(database.passed() ? "PASSED" : "FAILED").append('\n');
            if (database.comparedWith() != null) {
                out.append("    schema compared with ").append(database.comparedWith()).append(": ")
                        .append(database.differences().isEmpty() ? "no difference"
                                : database.differences().size() + (database.differences().size() == 1
                                        ? " difference" : " differences")).append('\n');
            }
            for (SchemaDifference difference : database.differences()) {
                out.append("      ").append(difference).append('\n');
            }
            for (CheckResult check : database.checks()) {
                out.append("    ").append(check.name()).append(": ").append(check.passed() ? "passed" : "FAILED")
                        .append(" (").append(check.checked()).append(")\n");
                for (String note : check.notes()) {
                    out.append("      ").append(note.replace("\n", "\n        ")).append('\n');
                }
                for (String failure : check.failures()) {
                    out.append("      ").append(failure.replace("\n", "\n        ")).append('\n');
                }
            }
        }
        if (reportFile != null) {
            out.append("  report: ").append(reportFile).append('\n');
        }
        for (String warning : warnings) {
            out.append("  warning: ").append(warning).append('\n');
        }
        if (error != null) {
            out.append("  ERROR: ").append(error.replace("\n", "\n    ")).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "VerificationReport[command=" + command + ", runId=" + runId + ", targetRelease=" + targetRelease + ", databases=" + databases
                + ", error=" + error + "]";
    }
}

package org.wso2.carbon.is.migration.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What happened to one step. Filled in as the step runs; read by the summary and the JSON report. */
public final class StepReport {

    public enum Outcome {
        /** Ran and succeeded in this run. */
        APPLIED,
        /** The ledger says it succeeded before with the same content: skipped. */
        ALREADY_APPLIED,
        /**
         * It succeeded before, but its script or migrator changed since: the run stops before anything runs, until
         * the content is restored or accepted with {@code repair}.
         */
        CHANGED_SINCE_APPLIED,
        /** Repair: its changed content is now recorded as applied; it was not run. */
        ACCEPTED,
        /** Repair dry run: its changed content would be recorded as applied. */
        WOULD_ACCEPT,
        /** Dry run: it would run. */
        WOULD_APPLY,
        /** Info: not applied yet. */
        PENDING,
        /** Info: not applied; its last attempt failed. The next migrate runs it again. */
        ATTEMPT_FAILED,
        /** Info: not applied; its last attempt started and has no end: running now, or its process died. */
        ATTEMPT_UNFINISHED,
        /** Info: not applied; its last attempt was interrupted (SIGTERM, Ctrl-C). The next migrate continues it. */
        ATTEMPT_INTERRUPTED,
        /** Ran and failed. */
        FAILED,
        /** Stopped during this run at a safe point because the run was asked to stop; the next run continues it. */
        INTERRUPTED,
        /** Not reached: an earlier step failed or validation stopped the run. */
        NOT_RUN
    }

    private final String stepKey;
    private final String version;
    private final int order;
    private final String migrator;
    private final String configLocation;
    private String database;
    private String description;
    private String checksum;
    private Outcome outcome = Outcome.NOT_RUN;
    private Instant startedAt;
    private long durationMillis;
    private long rows;
    private String error;
    private String failedStatementLocation;
    private String failedStatement;
    private final List<String> notes = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> actions = new ArrayList<>();

    public StepReport(String stepKey, String version, int order, String migrator, String configLocation) {
        this.stepKey = stepKey;
        this.version = version;
        this.order = order;
        this.migrator = migrator;
        this.configLocation = configLocation;
    }

    public void planned(String database, String description, String checksum, List<String> actions) {
        this.database = database;
        this.description = description;
        this.checksum = checksum;
        this.actions.clear();
        this.actions.addAll(actions);
    }

    public void started(Instant at) {
        this.startedAt = at;
    }

    public void ended(Outcome outcome, long durationMillis) {
        this.outcome = outcome;
        this.durationMillis = durationMillis;
    }

    public void outcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public synchronized void addRows(long count) {
        rows += count;
    }

    public synchronized void note(String message) {
        notes.add(Secrets.mask(message));
    }

    public synchronized void warn(String message) {
        warnings.add(Secrets.mask(message));
    }

    public void error(String message) {
        this.error = Secrets.mask(message);
    }

    /** The statement the database refused, whole (the error quotes an excerpt), and where it is: file:line. */
    public void failedStatement(String location, String sql) {
        this.failedStatementLocation = location;
        this.failedStatement = Secrets.mask(sql);
    }

    public String stepKey() {
        return stepKey;
    }

    public String version() {
        return version;
    }

    public int order() {
        return order;
    }

    public String migrator() {
        return migrator;
    }

    public String configLocation() {
        return configLocation;
    }

    public String database() {
        return database;
    }

    public String description() {
        return description;
    }

    public String checksum() {
        return checksum;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** When it started in this run, or null when it did not run. */
    public Instant startedAt() {
        return startedAt;
    }

    public long durationMillis() {
        return durationMillis;
    }

    public synchronized long rows() {
        return rows;
    }

    public String error() {
        return error;
    }

    /** Where the failed statement is ({@code file:line}), or null. */
    public String failedStatementLocation() {
        return failedStatementLocation;
    }

    /** The statement the database refused, or null. */
    public String failedStatement() {
        return failedStatement;
    }

    public synchronized List<String> notes() {
        return immutableCopy(notes);
    }

    public synchronized List<String> warnings() {
        return immutableCopy(warnings);
    }

    public List<String> actions() {
        return immutableCopy(actions);
    }

    /** What {@code List.copyOf} gives: an unmodifiable copy, refusing null elements. */
    private static <T> List<T> immutableCopy(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        copy.forEach(Objects::requireNonNull);
        return Collections.unmodifiableList(copy);
    }

    Map<String, Object> toMap(boolean withActions) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("step", stepKey);
        map.put("version", version);
        map.put("order", order);
        map.put("migrator", migrator);
        map.put("config", configLocation);
        map.put("database", database);
        map.put("description", description);
        map.put("checksum", checksum);
        map.put("outcome", outcome.name());
        map.put("startedAt", startedAt == null ? null : startedAt.toString());
        map.put("durationMillis", durationMillis);
        map.put("rows", rows());
        map.put("rowsPerSecond", durationMillis > 0 ? rows() * 1000 / durationMillis : null);
        map.put("notes", notes());
        map.put("warnings", warnings());
        map.put("error", error);
        if (failedStatement != null) {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("location", failedStatementLocation);
            statement.put("sql", failedStatement);
            map.put("failedStatement", statement);
        }
        if (withActions) {
            map.put("actions", actions());
        }
        return map;
    }
}

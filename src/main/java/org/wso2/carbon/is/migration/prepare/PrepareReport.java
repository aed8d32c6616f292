package org.wso2.carbon.is.migration.prepare;

import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.prepare.keystore.KeystoreInspection;
import org.wso2.carbon.is.migration.report.Json;

/**
 * What {@code prepare} did or, in a dry run, would do: every file action, every keystore's entries, the keystore
 * sections for deployment.toml (passwords masked), and a verdict per item. Renders the console summary and the JSON
 * report; neither ever holds a password.
 */
public final class PrepareReport {

    private final File oldHome;
    private final File newHome;
    private final boolean dryRun;
    private final Instant startedAt = Instant.now();
    private final List<FileAction> actions;
    private final List<KeystoreInspection> keystores;
    private final List<String> keystoreSections;
    private final List<String> configChanges;
    private final List<String> notes;
    private final List<Verdict> verdicts;
    private File reportFile;

    PrepareReport(File oldHome, File newHome, boolean dryRun, List<FileAction> actions,
            List<KeystoreInspection> keystores, List<String> keystoreSections, List<String> configChanges,
            List<String> notes, List<Verdict> verdicts) {
        this.oldHome = oldHome;
        this.newHome = newHome;
        this.dryRun = dryRun;
        this.actions = Collections.unmodifiableList(new ArrayList<>(actions));
        this.keystores = Collections.unmodifiableList(new ArrayList<>(keystores));
        this.keystoreSections = Collections.unmodifiableList(new ArrayList<>(keystoreSections));
        this.configChanges = Collections.unmodifiableList(new ArrayList<>(configChanges));
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
        this.verdicts = Collections.unmodifiableList(new ArrayList<>(verdicts));
    }

    public List<FileAction> actions() {
        return actions;
    }

    public List<KeystoreInspection> keystores() {
        return keystores;
    }

    public List<Verdict> verdicts() {
        return verdicts;
    }

    /** The guide's keystore sections proposed for deployment.toml, passwords masked; empty when none is needed. */
    public List<String> keystoreSections() {
        return keystoreSections;
    }

    /** The files carried from the old home that may need a build for the new release. */
    public List<String> mayNeedUpdating() {
        List<String> paths = new ArrayList<>();
        for (FileAction action : actions) {
            if (action.mayNeedUpdating()) {
                paths.add(action.path());
            }
        }
        return paths;
    }

    /** 1 when a verdict failed, else 0 (a usage error never gets this far: it is a {@link PrepareException}). */
    public int exitCode() {
        for (Verdict verdict : verdicts) {
            if (verdict.status() == Verdict.Status.FAILED) {
                return ErrorCode.STEP_FAILED.exitCode();
            }
        }
        return ErrorCode.SUCCESS_EXIT_CODE;
    }

    void reportFile(File file) {
        this.reportFile = file;
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "org.wso2.carbon.is.migration");
        root.put("command", "prepare");
        root.put("dryRun", dryRun);
        root.put("oldIsHome", oldHome.getPath());
        root.put("newIsHome", newHome.getPath());
        root.put("startedAt", startedAt.toString());
        root.put("exitCode", exitCode());
        List<Object> verdictMaps = new ArrayList<>();
        for (Verdict verdict : verdicts) {
            verdictMaps.add(verdict.toMap());
        }
        root.put("verdicts", verdictMaps);
        List<Object> fileMaps = new ArrayList<>();
        for (FileAction action : actions) {
            fileMaps.add(action.toMap());
        }
        root.put("files", fileMaps);
        root.put("mayNeedUpdating", mayNeedUpdating());
        List<Object> keystoreMaps = new ArrayList<>();
        for (KeystoreInspection keystore : keystores) {
            keystoreMaps.add(keystore.toMap());
        }
        root.put("keystores", keystoreMaps);
        root.put("keystoreSections", keystoreSections);
        root.put("deploymentTomlChanges", configChanges);
        root.put("notes", notes);
        return Json.write(root);
    }

    /** What the operator reads: each action, each keystore, the sections, the verdicts. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Prepare (dry run: nothing changed) " : "Prepare ").append(oldHome).append(" -> ")
                .append(newHome).append('\n');
        out.append("Files:\n");
        for (FileAction action : actions) {
            out.append("  ").append(action.describe(dryRun)).append('\n');
        }
        List<String> review = mayNeedUpdating();
        if (!review.isEmpty()) {
            out.append("Custom bundles and JARs that may need updating for 5.9.0:\n");
            for (String path : review) {
                out.append("  ").append(path).append('\n');
            }
        }
        if (!keystores.isEmpty()) {
            out.append("Keystores:\n");
            for (KeystoreInspection keystore : keystores) {
                for (String line : keystore.describe()) {
                    out.append("  ").append(line).append('\n');
                }
            }
        }
        if (!keystoreSections.isEmpty()) {
            out.append("deployment.toml sections for the weak key (the 5.9.0 migration guide; passwords masked):\n");
            for (String section : keystoreSections) {
                out.append(indent(section));
            }
        }
        for (String change : configChanges) {
            out.append("deployment.toml: ").append(change).append('\n');
        }
        for (String note : notes) {
            out.append("note: ").append(note).append('\n');
        }
        out.append("Verdicts:\n");
        for (Verdict verdict : verdicts) {
            out.append(String.format("  %-7s %-28s %s%n", verdict.status(), verdict.item(), verdict.detail()));
        }
        if (reportFile != null) {
            out.append("report: ").append(reportFile).append('\n');
        }
        return out.toString();
    }

    private static String indent(String block) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n")) {
            out.append("    ").append(line).append('\n');
        }
        return out.append('\n').toString();
    }
}

package org.wso2.carbon.is.migration.prepare;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code prepare} does, or would do in a dry run, with one file of the old home. */
public final class FileAction {

    public enum Kind {
        /** The new home has no such file: copied. */
        COPY,
        /** The new home has a different file: that one is kept aside (a backup next to it), then replaced. */
        REPLACE,
        /** The new home has the same content already: nothing to do (a re-run finds every copied file here). */
        ALREADY_THERE,
        /** The new home has a different file of its own distribution, which stays; the old one is listed. */
        KEPT_NEW
    }

    private final CarryOverRule rule;
    private final String path;
    private final File source;
    private final File target;
    private final File backup;
    private final Kind kind;

    FileAction(CarryOverRule rule, String path, File source, File target, File backup, Kind kind) {
        this.rule = rule;
        this.path = path;
        this.source = source;
        this.target = target;
        this.backup = backup;
        this.kind = kind;
    }

    public CarryOverRule rule() {
        return rule;
    }

    /** The file's path relative to either home, with {@code /} separators. */
    public String path() {
        return path;
    }

    public File source() {
        return source;
    }

    public File target() {
        return target;
    }

    /** Where the new home's file is kept aside before it is replaced; null unless {@link Kind#REPLACE}. */
    public File backup() {
        return backup;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether this changes the new home. */
    public boolean changes() {
        return kind == Kind.COPY || kind == Kind.REPLACE;
    }

    /**
     * Whether it is a custom bundle or JAR that may need updating for the new release: anything of the old dropins,
     * and a lib JAR unless the new distribution ships its own of that name.
     */
    public boolean mayNeedUpdating() {
        return rule.carriesCustomBundles() && kind != Kind.KEPT_NEW;
    }

    /** One line for the console. */
    public String describe(boolean dryRun) {
        switch (kind) {
            case COPY:
                return (dryRun ? "would copy   " : "copied       ") + path;
            case REPLACE:
                return (dryRun ? "would replace " : "replaced     ") + path + " (differs; the new home's file "
                        + (dryRun ? "would be" : "is") + " kept as " + backup.getName() + ")";
            case ALREADY_THERE:
                return "unchanged    " + path + " (already the same)";
            case KEPT_NEW:
                return "not copied   " + path + " (the new distribution ships its own, different file of that name)";
            default:
                throw new AssertionError(kind);
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rule", rule.name());
        map.put("path", path);
        map.put("action", kind.name());
        map.put("backup", backup == null ? null : backup.getName());
        map.put("mayNeedUpdating", mayNeedUpdating());
        return map;
    }
}

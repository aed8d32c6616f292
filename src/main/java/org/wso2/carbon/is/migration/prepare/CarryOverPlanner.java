package org.wso2.carbon.is.migration.prepare;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.io.FileUtils;
import org.apache.commons.io.FilenameUtils;

/**
 * Compares the two homes, rule by rule, and decides each file's {@link FileAction}. It reads both homes and changes
 * neither, so a dry run is this plan and nothing else.
 */
public final class CarryOverPlanner {

    /**
     * Appended to a kept-aside file's name. The servers' deployers pick files by their extension ({@code .jar} in
     * dropins, {@code .xml} in userstores), so a file kept aside is never deployed next to the one that replaced it.
     */
    static final String BACKUP_SUFFIX = ".before-prepare";

    private final File oldHome;
    private final File newHome;

    public CarryOverPlanner(File oldHome, File newHome) {
        this.oldHome = oldHome;
        this.newHome = newHome;
    }

    public List<FileAction> plan(List<CarryOverRule> rules) throws PrepareException {
        List<FileAction> actions = new ArrayList<>();
        for (CarryOverRule rule : rules) {
            File oldFolder = new File(oldHome, rule.folder());
            for (File source : rule.filesUnder(oldHome)) {
                String relative = FilenameUtils.separatorsToUnix(
                        oldFolder.toPath().relativize(source.toPath()).toString());
                String path = rule.folder() + "/" + relative;
                File target = new File(newHome, path);
                actions.add(actionFor(rule, path, source, target));
            }
        }
        return actions;
    }

    private static FileAction actionFor(CarryOverRule rule, String path, File source, File target)
            throws PrepareException {
        if (!target.exists()) {
            return new FileAction(rule, path, source, target, null, FileAction.Kind.COPY);
        }
        if (sameContent(source, target)) {
            return new FileAction(rule, path, source, target, null, FileAction.Kind.ALREADY_THERE);
        }
        if (rule.whenDifferent() == CarryOverRule.WhenDifferent.KEEP_NEW) {
            return new FileAction(rule, path, source, target, null, FileAction.Kind.KEPT_NEW);
        }
        return new FileAction(rule, path, source, target, freeBackupName(target), FileAction.Kind.REPLACE);
    }

    private static boolean sameContent(File source, File target) throws PrepareException {
        try {
            return FileUtils.contentEquals(source, target);
        } catch (IOException e) {
            throw new PrepareException("Cannot compare " + source + " with " + target + ": " + e.getMessage(), e);
        }
    }

    /** {@code <name>.before-prepare}, or {@code -2}, {@code -3}... when an earlier run left one already. */
    private static File freeBackupName(File target) {
        File backup = new File(target.getParentFile(), target.getName() + BACKUP_SUFFIX);
        for (int n = 2; backup.exists(); n++) {
            backup = new File(target.getParentFile(), target.getName() + BACKUP_SUFFIX + "-" + n);
        }
        return backup;
    }
}

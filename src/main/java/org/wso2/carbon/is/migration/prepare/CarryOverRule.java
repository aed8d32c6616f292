package org.wso2.carbon.is.migration.prepare;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.apache.commons.io.FileUtils;
import org.apache.commons.io.IOCase;
import org.apache.commons.io.filefilter.IOFileFilter;
import org.apache.commons.io.filefilter.SuffixFileFilter;
import org.apache.commons.io.filefilter.TrueFileFilter;

/**
 * One step of the 5.9.0 guide's "copy from the old home" list: the files of one folder of {@code <OLD_IS_HOME>} that
 * go to the same folder of {@code <NEW_IS_HOME>}, and what to do when the new home already has a different file of
 * that name.
 */
public final class CarryOverRule {

    /** What a file of the new home that differs from the old one means for this folder. */
    public enum WhenDifferent {
        /** The old file is what the operator's deployment needs: keep the new one aside, then replace it. */
        REPLACE_KEEPING_ASIDE,
        /** The new distribution ships its own file of that name: it stays, and the old one is only listed. */
        KEEP_NEW
    }

    private final String name;
    private final String folder;
    private final boolean wholeTree;
    private final IOFileFilter files;
    private final WhenDifferent whenDifferent;
    private final boolean customBundles;

    CarryOverRule(String name, String folder, boolean wholeTree, String[] suffixes, WhenDifferent whenDifferent,
            boolean customBundles) {
        this.name = name;
        this.folder = folder;
        this.wholeTree = wholeTree;
        this.files = suffixes == null ? TrueFileFilter.INSTANCE : new SuffixFileFilter(suffixes, IOCase.INSENSITIVE);
        this.whenDifferent = whenDifferent;
        this.customBundles = customBundles;
    }

    /** A short name for reports: {@code dropins}, {@code lib}, {@code keystores}, {@code tenants}, {@code userstores}. */
    public String name() {
        return name;
    }

    /** The folder, relative to an IS home, with {@code /} separators. */
    public String folder() {
        return folder;
    }

    public WhenDifferent whenDifferent() {
        return whenDifferent;
    }

    /** Whether the files it carries are custom OSGi bundles or JARs that may need updating for the new release. */
    public boolean carriesCustomBundles() {
        return customBundles;
    }

    /** The files of this rule under a home, sorted by path; none when the folder does not exist. */
    List<File> filesUnder(File home) {
        File dir = new File(home, folder);
        if (!dir.isDirectory()) {
            return Collections.emptyList();
        }
        Collection<File> found = FileUtils.listFiles(dir, files, wholeTree ? TrueFileFilter.INSTANCE : null);
        List<File> sorted = new ArrayList<>(found);
        Collections.sort(sorted);
        return sorted;
    }
}

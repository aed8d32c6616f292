package org.wso2.carbon.is.migration.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An Identity Server release number such as 5.9.0, ordered numerically (5.10.0 comes after 5.9.0, which text
 * comparison gets wrong).
 */
public final class ReleaseVersion implements Comparable<ReleaseVersion> {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /** The releases this client knows, oldest first; a migration walks through each one between two versions. */
    public static final List<ReleaseVersion> KNOWN_RELEASES = Collections.unmodifiableList(Arrays.asList(
            of(5, 0, 0), of(5, 1, 0), of(5, 2, 0), of(5, 3, 0), of(5, 4, 0), of(5, 4, 1), of(5, 5, 0), of(5, 6, 0),
            of(5, 7, 0), of(5, 8, 0), of(5, 9, 0), of(5, 10, 0), of(5, 11, 0)));

    private final int major;
    private final int minor;
    private final int patch;

    public ReleaseVersion(int major, int minor, int patch) {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("Version parts must not be negative: " + major + "." + minor + "."
                    + patch);
        }
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    public int patch() {
        return patch;
    }

    private static ReleaseVersion of(int major, int minor, int patch) {
        return new ReleaseVersion(major, minor, patch);
    }

    /**
     * @param text three numbers separated by dots, e.g. "5.9.0"
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static ReleaseVersion parse(String text) {
        Matcher matcher = text == null ? null : FORM.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a release version such as 5.9.0");
        }
        try {
            return new ReleaseVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3)));
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("'" + text + "' has a part too large for a release version",
                    tooLarge);
        }
    }

    /** True when this is one of {@link #KNOWN_RELEASES}. */
    public boolean isKnown() {
        return KNOWN_RELEASES.contains(this);
    }

    /** The known releases as text, oldest first, for messages: "5.0.0, 5.1.0, ...". */
    public static String knownReleasesText() {
        return KNOWN_RELEASES.stream().map(ReleaseVersion::toString).collect(Collectors.joining(", "));
    }

    @Override
    public int compareTo(ReleaseVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    public boolean isNewerThan(ReleaseVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ReleaseVersion)) {
            return false;
        }
        ReleaseVersion that = (ReleaseVersion) other;
        return major == that.major && minor == that.minor && patch == that.patch;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}

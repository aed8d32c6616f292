package org.wso2.carbon.is.migration.datasource;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Makes H2 file URLs independent of the working directory. The server starts in IS_HOME, so IS configures
 * {@code jdbc:h2:./repository/database/WSO2IDENTITY_DB;...}; a standalone run starts anywhere, and the same URL would
 * open (or worse, silently create) a database elsewhere.
 */
final class H2FileUrls {

    private static final String H2_PREFIX = "jdbc:h2:";
    private static final String FILE_PREFIX = "file:";

    private H2FileUrls() {
    }

    /**
     * The URL with a relative database path resolved against {@code baseDir}; in-memory, remote ({@code tcp:},
     * {@code ssl:}), home-relative ({@code ~}) and absolute URLs, and non-H2 URLs, are returned unchanged.
     */
    static String resolveAgainst(String url, Path baseDir) {
        if (!url.regionMatches(true, 0, H2_PREFIX, 0, H2_PREFIX.length())) {
            return url;
        }
        String rest = url.substring(H2_PREFIX.length());
        String filePrefix = "";
        if (rest.toLowerCase(Locale.ROOT).startsWith(FILE_PREFIX)) {
            filePrefix = rest.substring(0, FILE_PREFIX.length());
            rest = rest.substring(FILE_PREFIX.length());
        }
        int settingsStart = rest.indexOf(';');
        String location = settingsStart < 0 ? rest : rest.substring(0, settingsStart);
        String settings = settingsStart < 0 ? "" : rest.substring(settingsStart);
        if (!isRelativeFilePath(location)) {
            return url;
        }
        String absolute = baseDir.toAbsolutePath().resolve(location).normalize().toString();
        return url.substring(0, H2_PREFIX.length()) + filePrefix + absolute + settings;
    }

    private static boolean isRelativeFilePath(String location) {
        if (location.isEmpty() || location.startsWith("~")) {
            return false;
        }
        // Another H2 prefix (mem:, tcp:, ssl:, zip:, split:, nio:, ...) needs no rewriting; a single letter is a
        // Windows drive, which Path treats as absolute on Windows.
        int colon = location.indexOf(':');
        if (colon > 1 && location.substring(0, colon).chars().allMatch(Character::isLetter)) {
            return false;
        }
        return !Paths.get(location).isAbsolute() && !location.startsWith("/") && !location.startsWith("\\");
    }
}

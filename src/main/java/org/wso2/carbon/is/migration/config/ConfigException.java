package org.wso2.carbon.is.migration.config;

import java.nio.file.Path;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;

/**
 * {@code migration-config.yaml} cannot be used as written. The message always names the file and, where there is
 * one, the line (and column) and the key, so the operator can go straight to what must change:
 * {@code <file>:<line>: <key>: <reason>}.
 */
public class ConfigException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String key;

    /**
     * @param file   the configuration file
     * @param line   1-based line of the offending entry, 0 when the problem has no single place (e.g. a missing key)
     * @param column 1-based column, 0 when not known
     * @param key    the key (as a path such as {@code versions[1].migratorConfigs[0].order}), or null when none
     * @param reason what is wrong and, where it helps, what to write instead
     */
    public ConfigException(Path file, int line, int column, String key, String reason) {
        this(file, line, column, key, reason, null);
    }

    public ConfigException(Path file, int line, int column, String key, String reason, Throwable cause) {
        super(ErrorCode.BAD_CONFIGURATION, format(file, line, column, key, reason), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.key = key;
    }

    /** A problem with one key at one line. */
    public ConfigException(Path file, int line, String key, String reason) {
        this(file, line, 0, key, reason, null);
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem has no single place in the file. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when not known. */
    public int column() {
        return column;
    }

    /** The key concerned, or null when the problem is not about one key (unreadable file, YAML syntax). */
    public String key() {
        return key;
    }

    static String format(Path file, int line, int column, String key, String reason) {
        StringBuilder text = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (key != null) {
            text.append(key).append(": ");
        }
        return text.append(reason).toString();
    }
}

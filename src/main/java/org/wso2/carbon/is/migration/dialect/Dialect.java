package org.wso2.carbon.is.migration.dialect;

import java.util.Locale;

/**
 * The database engines the Identity Server supports. Each knows its script file name and how its scripts separate
 * statements; anything engine-specific beyond that lives in the scripts under {@code migration-resources}.
 */
public enum Dialect {
    H2("h2", Delimiters.SEMICOLON),
    MYSQL("mysql", Delimiters.SEMICOLON_WITH_DELIMITER_COMMAND),
    MARIADB("mariadb", Delimiters.SEMICOLON_WITH_DELIMITER_COMMAND),
    POSTGRESQL("postgresql", Delimiters.SEMICOLON),
    ORACLE("oracle", Delimiters.SEMICOLON_OR_SLASH_LINE),
    MSSQL("mssql", Delimiters.SEMICOLON_OR_GO_LINE),
    DB2("db2", Delimiters.SEMICOLON_OR_SLASH_LINE);

    /** How a dialect's scripts end statements. */
    public enum Delimiters {
        /** {@code ;} only (dollar-quoted bodies on PostgreSQL are kept whole). */
        SEMICOLON,
        /** {@code ;}, changeable with the MySQL client's {@code DELIMITER} command. */
        SEMICOLON_WITH_DELIMITER_COMMAND,
        /** {@code ;}, or {@code /} alone on a line, which also ends PL/SQL or SQL PL blocks. */
        SEMICOLON_OR_SLASH_LINE,
        /** {@code ;}, or {@code GO} alone on a line, which ends a T-SQL batch. */
        SEMICOLON_OR_GO_LINE
    }

    private final String scriptName;
    private final Delimiters delimiters;

    Dialect(String scriptName, Delimiters delimiters) {
        this.scriptName = scriptName;
        this.delimiters = delimiters;
    }

    /** The file name stem of this dialect's scripts: {@code <location>/<schema>/<scriptName>.sql}. */
    public String scriptName() {
        return scriptName;
    }

    public String scriptFileName() {
        return scriptName + ".sql";
    }

    public Delimiters delimiters() {
        return delimiters;
    }

    /** The dialect whose script name is given ({@code "postgresql"}), case-insensitive. */
    public static Dialect fromScriptName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (dialect.scriptName.equals(wanted)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("Unknown database dialect '" + name + "'");
    }
}

package org.wso2.carbon.is.migration.sql;

import java.util.Objects;

/**
 * One statement (or, for MSSQL, one batch) of a script, exactly as it will be sent to the database.
 *
 * @param sql    the text to execute, without a trailing terminator where the dialect's driver rejects one
 * @param source the script it came from, as shown to the operator in messages (a path or a short name)
 * @param line   the 1-based line in {@code source} of the statement's first SQL token (comments before it are not
 *               part of the statement)
 */
public record SqlStatement(String sql, String source, int line) {

    /** Longest excerpt shown in messages; enough to recognise a statement without flooding a log. */
    static final int EXCERPT_LIMIT = 200;

    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(source, "source");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
    }

    /** The statement on one line, whitespace collapsed, cut to about 200 characters: for logs and error messages. */
    public String excerpt() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        if (oneLine.length() <= EXCERPT_LIMIT) {
            return oneLine;
        }
        return oneLine.substring(0, EXCERPT_LIMIT - 3) + "...";
    }

    /** Where the statement is, as {@code source:line}, the prefix of every message about it. */
    public String location() {
        return source + ":" + line;
    }
}

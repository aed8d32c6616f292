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
public final class SqlStatement {

    /** Longest excerpt shown in messages; enough to recognise a statement without flooding a log. */
    static final int EXCERPT_LIMIT = 200;

    private final String sql;
    private final String source;
    private final int line;

    public SqlStatement(String sql, String source, int line) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(source, "source");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more, was " + line);
        }
        this.sql = sql;
        this.source = source;
        this.line = line;
    }

    public String sql() {
        return sql;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    /** The statement on one line, whitespace collapsed, cut to about 200 characters: for logs and error messages. */
    public String excerpt() {
        String oneLine = StatementSplitter.strip(sql).replaceAll("\\s+", " ");
        if (oneLine.length() <= EXCERPT_LIMIT) {
            return oneLine;
        }
        return oneLine.substring(0, EXCERPT_LIMIT - 3) + "...";
    }

    /** Where the statement is, as {@code source:line}, the prefix of every message about it. */
    public String location() {
        return source + ":" + line;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SqlStatement)) {
            return false;
        }
        SqlStatement that = (SqlStatement) other;
        return Objects.equals(sql, that.sql) && Objects.equals(source, that.source) && line == that.line;
    }

    @Override
    public int hashCode() {
        // The combination a record uses: 31 * h + the hash of each component, in order, starting from 0.
        int hash = Objects.hashCode(sql);
        hash = 31 * hash + Objects.hashCode(source);
        return 31 * hash + Integer.hashCode(line);
    }

    @Override
    public String toString() {
        return "SqlStatement[sql=" + sql + ", source=" + source + ", line=" + line + "]";
    }
}

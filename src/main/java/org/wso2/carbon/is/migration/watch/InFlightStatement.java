package org.wso2.carbon.is.migration.watch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;

/**
 * A statement being executed now: which step runs it on which database, its text, since when, and how to stop it
 * and to ask its server whether it still answers.
 */
public final class InFlightStatement {

    private final String step;
    private final String database;
    private final String sql;
    private final long startedNanos;
    private final Statement statement;
    private final Connection connection;
    private final ServerCheck serverCheck;

    InFlightStatement(String step, String database, String sql, long startedNanos, Statement statement,
                      Connection connection, ServerCheck serverCheck) {
        this.step = step;
        this.database = database;
        this.sql = sql;
        this.startedNanos = startedNanos;
        this.statement = statement;
        this.connection = connection;
        this.serverCheck = serverCheck;
    }

    /** The DataSource name of the database it runs on. */
    public String database() {
        return database;
    }

    ServerCheck serverCheck() {
        return serverCheck;
    }

    public String step() {
        return step;
    }

    public String sql() {
        return sql;
    }

    /** How long it has been running, in milliseconds. */
    public long elapsedMillis(long nowNanos) {
        return (nowNanos - startedNanos) / 1_000_000L;
    }

    /** Asks the database to cancel it (the driver sends the cancel on another connection where it can). */
    void cancel() throws SQLException {
        statement.cancel();
    }

    /**
     * Closes its connection without waiting for the server (JDBC's abort), for a server that no longer answers: the
     * statement's thread then gets an error instead of waiting for ever.
     */
    void abort(Executor executor) throws SQLException {
        connection.abort(executor);
    }

    /** The statement's first line, cut to a length a log line can hold. */
    public String shortSql() {
        String oneLine = sql.trim().replaceAll("\\s+", " ");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}

package org.wso2.carbon.is.migration.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes statements one by one on a connection the caller owns. It neither commits nor rolls back: the caller
 * decides the transaction boundaries (and knows which engines commit DDL implicitly).
 */
public final class StatementRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StatementRunner.class);

    /** Told about each statement that succeeded, so the caller can record progress (e.g. in a ledger). */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param index       0-based position of the statement in the list
         * @param updateCount rows changed, summed over every result of the statement (an MSSQL batch can have
         *                    several), or -1 if it reported none (DDL, queries)
         * @param millis      how long it took
         */
        void executed(int index, SqlStatement statement, long updateCount, long millis);
    }

    /** A listener that ignores progress. */
    public static final Listener NO_LISTENER = (index, statement, updateCount, millis) -> { };

    private final Listener listener;

    public StatementRunner(Listener listener) {
        this.listener = listener;
    }

    /** Runs every statement, in order. */
    public void run(Connection connection, List<SqlStatement> statements) throws StatementFailedException {
        run(connection, statements, 0);
    }

    /**
     * Runs the statements from {@code firstIndex} on (to resume after the ones a previous run completed); indexes
     * passed to the listener and in errors stay positions in the whole list.
     */
    public void run(Connection connection, List<SqlStatement> statements, int firstIndex)
            throws StatementFailedException {
        if (firstIndex < 0 || firstIndex > statements.size()) {
            throw new IllegalArgumentException("first statement index " + firstIndex + " is outside 0.."
                    + statements.size());
        }
        for (int index = firstIndex; index < statements.size(); index++) {
            SqlStatement statement = statements.get(index);
            LOG.debug("{}: running statement {}: {}", statement.location(), index + 1, statement.excerpt());
            long started = System.nanoTime();
            long updateCount;
            try (Statement jdbc = connection.createStatement()) {
                updateCount = executeAll(jdbc, statement.sql());
            } catch (SQLException e) {
                throw new StatementFailedException(statement, index, e);
            }
            listener.executed(index, statement, updateCount, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Executes and walks through every result: some drivers (SQL Server's) report an error in a later statement of a
     * batch only when its result is reached.
     */
    private static long executeAll(Statement jdbc, String sql) throws SQLException {
        long total = -1;
        boolean isResultSet = jdbc.execute(sql);
        while (true) {
            if (isResultSet) {
                jdbc.getResultSet().close();
            } else {
                long count = jdbc.getUpdateCount();
                if (count == -1) {
                    return total;
                }
                total = Math.max(total, 0) + count;
            }
            isResultSet = jdbc.getMoreResults();
        }
    }
}

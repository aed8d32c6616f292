package org.wso2.carbon.is.migration.sql;

import java.sql.SQLException;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;

/**
 * A script statement the database refused. The message names the script, line and statement number, the database's
 * SQLState, error code and message, and an excerpt of the statement; the {@link SQLException} is the cause.
 */
public class StatementFailedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    private final transient SqlStatement statement;
    private final int index;

    public StatementFailedException(SqlStatement statement, int index, SQLException cause) {
        super(ErrorCode.STATEMENT_FAILED, statement.location() + ": statement " + (index + 1) + " failed: [SQLState "
                + cause.getSQLState() + ", code " + cause.getErrorCode() + "] " + cause.getMessage() + "\n  "
                + statement.excerpt(), cause);
        this.statement = statement;
        this.index = index;
    }

    /** The statement failure behind {@code failure}, itself or among its causes (a migrator may wrap it). */
    public static Optional<StatementFailedException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatementFailedException) {
                return Optional.of((StatementFailedException) cause);
            }
        }
        return Optional.empty();
    }

    /** The statement that failed. */
    public SqlStatement statement() {
        return statement;
    }

    /** Its 0-based position in the list that was run (the message shows it 1-based). */
    public int index() {
        return index;
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}

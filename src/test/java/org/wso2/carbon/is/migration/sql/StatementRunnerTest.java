package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.Dialect;

class StatementRunnerTest {

    private Connection connection;
    private final List<String> progress = new ArrayList<>();
    private final StatementRunner runner = new StatementRunner(
            (index, statement, updateCount, millis) -> progress.add(index + ":" + updateCount));

    @BeforeEach
    void openDatabase() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:runner-" + System.nanoTime());
        connection.setAutoCommit(false);
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.close();
    }

    private static List<SqlStatement> statements(String script) throws SqlScriptException {
        return StatementSplitter.split(script, "runner.sql", Dialect.H2);
    }

    @Test
    void runsEveryStatementInOrderAndReportsEachOne() throws Exception {
        runner.run(connection, statements("CREATE TABLE T (X INTEGER);\nINSERT INTO T VALUES (1), (2);\n"
                + "SELECT X FROM T;\nUPDATE T SET X = X + 1;"));
        assertEquals(List.of("0:0", "1:2", "2:-1", "3:2"), progress);
        assertEquals(5, sum());
    }

    @Test
    void failureNamesScriptLineStatementNumberAndSqlStateAndKeepsTheCause() throws Exception {
        List<SqlStatement> script = statements("CREATE TABLE T (X INTEGER);\n-- then\nINSERT INTO MISSING\n"
                + "  VALUES (1);\nINSERT INTO T VALUES (2);");
        StatementFailedException e = assertThrows(StatementFailedException.class, () -> runner.run(connection, script));
        assertSame(script.get(1), e.statement());
        assertEquals(1, e.index());
        assertEquals("42S02", e.getCause().getSQLState());
        assertTrue(e.getMessage().startsWith("runner.sql:3: statement 2 failed: [SQLState 42S02, code "
                + e.getCause().getErrorCode() + "] " + e.getCause().getMessage()), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  INSERT INTO MISSING VALUES (1)"), e.getMessage());
        assertEquals(List.of("0:0"), progress);
    }

    @Test
    void leavesTheTransactionToTheCaller() throws Exception {
        runner.run(connection, statements("CREATE TABLE T (X INTEGER);"));
        connection.commit();
        List<SqlStatement> failing = statements("INSERT INTO T VALUES (1);\nINSERT INTO T VALUES ('x');");
        assertThrows(StatementFailedException.class, () -> runner.run(connection, failing));
        // The first insert is neither committed nor rolled back by the runner: still visible in this transaction.
        assertEquals(1, sum());
        connection.rollback();
        assertEquals(0, sum());
        assertFalse(connection.getAutoCommit());
    }

    @Test
    void resumesFromAGivenIndexKeepingListPositions() throws Exception {
        List<SqlStatement> script = statements("CREATE TABLE T (X INTEGER);\nINSERT INTO T VALUES (1);\n"
                + "INSERT INTO T VALUES (2);");
        runner.run(connection, script.subList(0, 1));
        runner.run(connection, script, 2);
        assertEquals(List.of("0:0", "2:1"), progress);
        assertEquals(2, sum());
        assertThrows(IllegalArgumentException.class, () -> runner.run(connection, script, 4));
    }

    @Test
    void excerptIsOneShortLine() {
        SqlStatement statement = new SqlStatement("SELECT\n\t1,   2\n" + "x".repeat(500), "s.sql", 1);
        assertTrue(statement.excerpt().startsWith("SELECT 1, 2 xxx"));
        assertEquals(SqlStatement.EXCERPT_LIMIT, statement.excerpt().length());
        assertTrue(statement.excerpt().endsWith("..."));
    }

    private int sum() throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT COALESCE(SUM(X), 0) FROM T")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

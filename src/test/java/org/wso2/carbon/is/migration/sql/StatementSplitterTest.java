package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;

class StatementSplitterTest {

    private static List<SqlStatement> split(String text, Dialect dialect) throws SqlScriptException {
        return StatementSplitter.split(text, "test.sql", dialect);
    }

    private static List<String> sqls(String text, Dialect dialect) throws SqlScriptException {
        return split(text, dialect).stream().map(SqlStatement::sql).toList();
    }

    private static List<Integer> lines(String text, Dialect dialect) throws SqlScriptException {
        return split(text, dialect).stream().map(SqlStatement::line).toList();
    }

    private static SqlScriptException failure(String text, Dialect dialect) {
        return assertThrows(SqlScriptException.class, () -> split(text, dialect));
    }

    @Nested
    class EveryDialect {

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = "MSSQL", mode = EnumSource.Mode.EXCLUDE)
        void semicolonEndsPlainStatementsAndIsDropped(Dialect dialect) throws Exception {
            assertEquals(List.of("CREATE TABLE A (X INTEGER)", "INSERT INTO A VALUES (1)"),
                    sqls("CREATE TABLE A (X INTEGER);\nINSERT INTO A VALUES (1);\n", dialect));
        }

        @ParameterizedTest
        @EnumSource(Dialect.class)
        void lineIsThatOfTheFirstSqlTokenAfterLeadingComments(Dialect dialect) throws Exception {
            String text = "-- what this does\n/* a block\n   comment */\n\n  SELECT 1 FROM T\n"
                    + (dialect == Dialect.MSSQL ? "GO\n" : ";\n") + "-- next\nSELECT 2 FROM T\n";
            assertEquals(List.of(5, 8), lines(text, dialect));
            assertEquals("SELECT 1 FROM T", split(text, dialect).get(0).sql());
        }

        @ParameterizedTest
        @EnumSource(Dialect.class)
        void commentOnlyAndEmptyFragmentsAreDropped(Dialect dialect) throws Exception {
            String end = dialect == Dialect.MSSQL ? "\nGO\n" : ";\n";
            assertEquals(List.of(), sqls("-- only a comment" + end + end + "/* and another */" + end, dialect));
            assertEquals(List.of(), sqls("", dialect));
        }

        @ParameterizedTest
        @EnumSource(Dialect.class)
        void lastStatementNeedsNoTerminator(Dialect dialect) throws Exception {
            assertEquals(List.of("SELECT 1 FROM T"), sqls("SELECT 1 FROM T\n-- trailing comment\n", dialect));
            assertEquals(List.of("SELECT 1 FROM T"), sqls("SELECT 1 FROM T /* trailing */", dialect));
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = "MSSQL", mode = EnumSource.Mode.EXCLUDE)
        void terminatorsInsideStringsIdentifiersAndCommentsDoNotSplit(Dialect dialect) throws Exception {
            String identifier = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB ? "`a;b`" : "\"a;b\"";
            String text = "SELECT 'x;y', 'it''s;', " + identifier + " /* ; */ FROM T -- ;\nWHERE 1 = 1;SELECT 2";
            List<String> statements = sqls(text, dialect);
            assertEquals(2, statements.size(), statements::toString);
            assertEquals("SELECT 'x;y', 'it''s;', " + identifier + " /* ; */ FROM T -- ;\nWHERE 1 = 1",
                    statements.get(0));
        }

        @ParameterizedTest
        @EnumSource(Dialect.class)
        void unterminatedStringNamesTheLineWhereItStarts(Dialect dialect) {
            SqlScriptException e = failure("SELECT 1 FROM T;\n\nSELECT 'abc\n;\n", dialect);
            assertEquals(3, e.line());
            assertEquals("test.sql", e.source());
            assertTrue(e.getMessage().startsWith("test.sql:3: unterminated string literal"), e.getMessage());
        }

        @ParameterizedTest
        @EnumSource(Dialect.class)
        void unterminatedBlockCommentNamesTheLineWhereItStarts(Dialect dialect) {
            SqlScriptException e = failure("SELECT 1 FROM T\n/* never\nclosed ;\n", dialect);
            assertEquals(2, e.line());
            assertTrue(e.getMessage().contains("unterminated block comment"), e.getMessage());
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"}, mode = EnumSource.Mode.EXCLUDE)
        void unterminatedQuotedIdentifierIsAnError(Dialect dialect) {
            SqlScriptException e = failure("SELECT\n\"COL FROM T;\n", dialect);
            assertEquals(2, e.line());
            assertTrue(e.getMessage().contains("unterminated quoted identifier"), e.getMessage());
        }

        @ParameterizedTest
        @EnumSource(Dialect.class)
        void byteOrderMarkIsNotPartOfTheFirstStatement(Dialect dialect) throws Exception {
            assertEquals(List.of("SELECT 1 FROM T"), sqls("\uFEFFSELECT 1 FROM T", dialect));
        }

        @ParameterizedTest
        @EnumSource(Dialect.class)
        void windowsLineEndsKeepLinesAndCommands(Dialect dialect) throws Exception {
            String end = switch (dialect) {
                case MSSQL -> "\r\nGO\r\n";
                case ORACLE, DB2 -> "\r\n/\r\n";
                default -> ";\r\n\r\n";
            };
            assertEquals(List.of(2, 4), lines("-- c\r\nSELECT 1 FROM T" + end + "SELECT 2 FROM T" + end, dialect));
        }
    }

    @Nested
    class MySqlAndMariaDb {

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
        void backslashEscapesAQuoteInsideAString(Dialect dialect) throws Exception {
            assertEquals(List.of("SELECT 'a\\';b'", "SELECT \"c\\\";d\""),
                    sqls("SELECT 'a\\';b';SELECT \"c\\\";d\";", dialect));
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
        void hashStartsAComment(Dialect dialect) throws Exception {
            assertEquals(List.of("SELECT 1"), sqls("# a comment; with a semicolon\nSELECT 1;\n# trailing", dialect));
            assertEquals(List.of(2), lines("# c\nSELECT 1;", dialect));
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
        void dashDashIsACommentOnlyWhenASpaceFollows(Dialect dialect) throws Exception {
            assertEquals(List.of("SELECT 5--1", "SELECT 2 -- 3;\nFROM T"), sqls("SELECT 5--1;SELECT 2 -- 3;\nFROM T;", dialect));
            assertEquals(List.of("SELECT 1 --\t;x\nFROM T"), sqls("SELECT 1 --\t;x\nFROM T", dialect));
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
        void delimiterCommandChangesTheTerminatorAndIsNotAStatement(Dialect dialect) throws Exception {
            String text = """
                    DELIMITER //
                    CREATE PROCEDURE P()
                    BEGIN
                      SELECT 1;
                      SELECT 2;
                    END//
                    delimiter $$
                    CALL P()$$
                    DELIMITER ;
                    DROP PROCEDURE P;
                    """;
            List<SqlStatement> statements = split(text, dialect);
            assertEquals(List.of("CREATE PROCEDURE P()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND", "CALL P()",
                    "DROP PROCEDURE P"), statements.stream().map(SqlStatement::sql).toList());
            assertEquals(List.of(2, 8, 10), statements.stream().map(SqlStatement::line).toList());
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
        void delimiterWordInsideAStatementIsOrdinarySql(Dialect dialect) throws Exception {
            assertEquals(List.of("CREATE TABLE T (\n  delimiter CHAR(1)\n)"),
                    sqls("CREATE TABLE T (\n  delimiter CHAR(1)\n);", dialect));
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
        void delimiterWithoutATerminatorIsAnError(Dialect dialect) {
            SqlScriptException e = failure("SELECT 1;\nDELIMITER\nSELECT 2;", dialect);
            assertEquals(2, e.line());
            assertTrue(e.reason().contains("DELIMITER needs the new terminator"), e.getMessage());
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
        void executableCommentIsAStatement(Dialect dialect) throws Exception {
            assertEquals(List.of("/*!40101 SET NAMES utf8 */"), sqls("/* plain */;\n/*!40101 SET NAMES utf8 */;", dialect));
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
        void backtickIdentifierWithDoubledBacktick(Dialect dialect) throws Exception {
            assertEquals(List.of("SELECT `a``;b` FROM T"), sqls("SELECT `a``;b` FROM T;", dialect));
            assertEquals(1, failure("SELECT `abc FROM T;", dialect).line());
        }
    }

    @Nested
    class PostgreSqlAndH2 {

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "H2"})
        void dollarQuotedBodiesAreKeptWhole(Dialect dialect) throws Exception {
            String function = "CREATE FUNCTION F() RETURNS INT AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql";
            String tagged = "DO $body$\nBEGIN\n  PERFORM 1; -- $$ is not the end\nEND\n$body$";
            assertEquals(List.of(function, tagged), sqls(function + ";\n" + tagged + ";\n", dialect));
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"POSTGRESQL", "H2"})
        void unterminatedDollarQuoteNamesItsLine(Dialect dialect) {
            SqlScriptException e = failure("SELECT 1;\nDO $x$ BEGIN; END; $y$;\n", dialect);
            assertEquals(2, e.line());
            assertTrue(e.reason().contains("dollar-quoted") && e.reason().contains("$x$"), e.getMessage());
        }

        @Test
        void dollarInsideAnIdentifierOrParameterIsNotAQuote() throws Exception {
            assertEquals(List.of("SELECT a$b, $1 FROM T", "SELECT 2"),
                    sqls("SELECT a$b, $1 FROM T;SELECT 2;", Dialect.POSTGRESQL));
        }

        @Test
        void postgreSqlBlockCommentsNest() throws Exception {
            assertEquals(List.of("SELECT 1", "SELECT 2"),
                    sqls("/* outer /* inner; */ still comment; */ SELECT 1;SELECT 2;", Dialect.POSTGRESQL));
        }

        @Test
        void h2BlockCommentsDoNotNest() throws Exception {
            assertEquals(List.of("still", "*/ SELECT 1"), sqls("/* outer /* inner */ still; */ SELECT 1;", Dialect.H2));
        }

        @Test
        void postgreSqlEscapeStringTakesBackslashes() throws Exception {
            assertEquals(List.of("SELECT E'a\\';b'", "SELECT 'c\\'", "SELECT 2"),
                    sqls("SELECT E'a\\';b';SELECT 'c\\';SELECT 2;", Dialect.POSTGRESQL));
        }
    }

    @Nested
    class OracleAndDb2 {

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"ORACLE", "DB2"})
        void slashLineEndsAPlainStatementToo(Dialect dialect) throws Exception {
            assertEquals(List.of("CREATE TABLE A (X INTEGER)", "SELECT 4 / 2 FROM T"),
                    sqls("CREATE TABLE A (X INTEGER)\n/\nSELECT 4 / 2 FROM T\n  /  \n", dialect));
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"ORACLE", "DB2"})
        void slashLineAfterASemicolonRunsNothingMore(Dialect dialect) throws Exception {
            assertEquals(List.of("CREATE TABLE A (X INTEGER)"), sqls("CREATE TABLE A (X INTEGER);\n/\n", dialect));
        }

        @Test
        void oracleBlockKeepsItsInnerSemicolonsAndFinalEnd() throws Exception {
            String block = """
                    BEGIN
                      EXECUTE IMMEDIATE 'CREATE TABLE A (X INTEGER)';
                    EXCEPTION
                      WHEN OTHERS THEN
                        IF SQLCODE != -955 THEN
                          RAISE;
                        END IF;
                    END;""";
            List<SqlStatement> statements = split("-- create A\n" + block + "\n/\nSELECT 1 FROM DUAL;\n",
                    Dialect.ORACLE);
            assertEquals(List.of(block, "SELECT 1 FROM DUAL"), statements.stream().map(SqlStatement::sql).toList());
            assertEquals(List.of(2, 11), statements.stream().map(SqlStatement::line).toList());
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"ORACLE", "DB2"})
        void blocksAreRecognisedByTheirFirstWords(Dialect dialect) throws Exception {
            for (String head : List.of("DECLARE X INTEGER; BEGIN", "create or replace procedure P AS BEGIN",
                    "CREATE /* c */ OR REPLACE EDITIONABLE TRIGGER TR BEFORE INSERT ON A BEGIN",
                    "CREATE FUNCTION F RETURN INT IS BEGIN", "CREATE PACKAGE BODY PK AS BEGIN",
                    "CREATE TYPE TY AS OBJECT (A INT); BEGIN")) {
                String text = head + " NULL; END\n/\n";
                assertEquals(List.of(head + " NULL; END"), sqls(text, dialect), head);
            }
        }

        @Test
        void db2BlockLosesTheSemicolonAfterItsFinalEnd() throws Exception {
            String text = """
                    BEGIN
                      DECLARE CONTINUE HANDLER FOR SQLSTATE '42710' BEGIN END;
                      EXECUTE IMMEDIATE 'CREATE TABLE A (X INTEGER)';
                    END;
                    /
                    """;
            assertEquals(List.of("BEGIN\n  DECLARE CONTINUE HANDLER FOR SQLSTATE '42710' BEGIN END;\n"
                    + "  EXECUTE IMMEDIATE 'CREATE TABLE A (X INTEGER)';\nEND"), sqls(text, Dialect.DB2));
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"ORACLE", "DB2"})
        void blockWithoutSlashLineIsAnErrorAtItsFirstLine(Dialect dialect) {
            SqlScriptException e = failure("SELECT 1 FROM T;\n\nBEGIN\n  NULL;\nEND;\n", dialect);
            assertEquals(3, e.line());
            assertTrue(e.reason().contains("not ended by a line holding only '/'"), e.getMessage());
        }

        @ParameterizedTest
        @EnumSource(value = Dialect.class, names = {"ORACLE", "DB2"})
        void slashInsideAStringOrCommentIsNotATerminator(Dialect dialect) throws Exception {
            String block = "BEGIN\n  X := '\n/\n';\n  /*\n/\n*/\n  NULL;\nEND;";
            List<String> statements = sqls(block + "\n/\n", dialect);
            assertEquals(1, statements.size(), statements::toString);
            assertTrue(statements.get(0).startsWith(block.substring(0, block.length() - 1)), statements.get(0));
        }

        @Test
        void oracleAlternativeQuotingHidesQuotesAndSemicolons() throws Exception {
            assertEquals(List.of("SELECT q'[it's; here]' FROM DUAL", "SELECT 2 FROM DUAL"),
                    sqls("SELECT q'[it's; here]' FROM DUAL;SELECT 2 FROM DUAL;", Dialect.ORACLE));
            assertEquals(1, failure("SELECT q'{never' FROM DUAL;", Dialect.ORACLE).line());
        }
    }

    @Nested
    class MsSql {

        @Test
        void goLineEndsABatchThatKeepsItsSemicolons() throws Exception {
            String batch = "IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE name = 'A')\nBEGIN\n"
                    + "  CREATE TABLE A (X INTEGER);\n  CREATE INDEX I ON A (X);\nEND;";
            List<SqlStatement> statements = split("-- header\n" + batch + "\ngo\nSELECT 2;\n  GO  \n", Dialect.MSSQL);
            assertEquals(List.of(batch, "SELECT 2;"), statements.stream().map(SqlStatement::sql).toList());
            assertEquals(List.of(2, 8), statements.stream().map(SqlStatement::line).toList());
        }

        @Test
        void scriptWithoutGoIsOneBatch() throws Exception {
            assertEquals(List.of("CREATE TABLE A (X INTEGER);\nCREATE TABLE B (Y INTEGER);"),
                    sqls("CREATE TABLE A (X INTEGER);\nCREATE TABLE B (Y INTEGER);\n", Dialect.MSSQL));
        }

        @Test
        void goInsideALineOrAStringIsNotATerminator() throws Exception {
            assertEquals(List.of("SELECT 'a\nGO\n' AS GO FROM GOODS"),
                    sqls("SELECT 'a\nGO\n' AS GO FROM GOODS\nGO\n", Dialect.MSSQL));
        }

        @Test
        void goWithARepeatCountIsRejected() {
            SqlScriptException e = failure("SELECT 1\nGO 2\n", Dialect.MSSQL);
            assertEquals(2, e.line());
            assertTrue(e.reason().contains("repeat counts are not supported"), e.getMessage());
        }

        @Test
        void bracketIdentifierHidesGoAndQuotes() throws Exception {
            assertEquals(List.of("SELECT [a]]\nGO\n'b] FROM T"), sqls("SELECT [a]]\nGO\n'b] FROM T\nGO", Dialect.MSSQL));
            assertEquals(1, failure("SELECT [abc FROM T", Dialect.MSSQL).line());
        }
    }
}

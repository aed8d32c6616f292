package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.dialect.Dialect;

/** The static check must refuse what it cannot verify, and see what the real scripts create. */
class CheckableSqlTest {

    private static CheckableSql check(String sql, Dialect dialect) throws SqlScriptException {
        List<SqlStatement> statements = StatementSplitter.split(sql, "t.sql", dialect);
        assertEquals(1, statements.size(), statements::toString);
        return CheckableSql.of(statements.get(0), dialect);
    }

    private static String refusal(String sql, Dialect dialect) {
        return assertThrows(IllegalArgumentException.class, () -> check(sql, dialect)).getMessage();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void identity590ScriptsCreateTheFourTablesAndTheIndex(Dialect dialect) throws Exception {
        Path script = MigrationResources.root().resolve("5.9.0/dbscripts/step1/identity/" + dialect.scriptFileName());
        List<String> created = SqlScript.load(script, script.toString(), dialect).statements().stream()
                .flatMap(statement -> CheckableSql.of(statement, dialect).createdObjects().stream())
                .sorted().toList();
        assertEquals(List.of("INDEX IDX_FIDO2_STR ON FIDO2_DEVICE_STORE", "TABLE FIDO2_DEVICE_STORE",
                "TABLE IDN_AUTH_SESSION_APP_INFO", "TABLE IDN_AUTH_SESSION_META_DATA", "TABLE IDN_FUNCTION_LIBRARY"),
                created);
    }

    @Test
    void oracleBlockDdlIsUnescapedAndParsed() throws Exception {
        CheckableSql checkable = check("BEGIN\n  EXECUTE IMMEDIATE 'CREATE TABLE A (X VARCHAR2(3) DEFAULT ''a'')';\n"
                + "EXCEPTION WHEN OTHERS THEN IF SQLCODE != -955 THEN RAISE; END IF;\nEND;\n/\n", Dialect.ORACLE);
        assertEquals(List.of("TABLE A"), checkable.createdObjects());
        assertTrue(checkable.statements().get(0).toString().contains("DEFAULT 'a'"), checkable.statements()::toString);
    }

    @Test
    void oracleBlockThatSwallowsEveryErrorIsRefused() {
        String message = refusal("BEGIN\n  EXECUTE IMMEDIATE 'CREATE TABLE A (X INTEGER)';\n"
                + "EXCEPTION WHEN OTHERS THEN NULL;\nEND;\n/\n", Dialect.ORACLE);
        assertTrue(message.startsWith("t.sql:1: PL/SQL block is not the checkable create-if-absent shape"), message);
    }

    @Test
    void oracleBlockWithOtherCodeIsRefused() {
        String message = refusal("BEGIN\n  DELETE FROM A;\n  EXECUTE IMMEDIATE 'CREATE TABLE A (X INTEGER)';\n"
                + "EXCEPTION WHEN OTHERS THEN IF SQLCODE != -955 THEN RAISE; END IF;\nEND;\n/\n", Dialect.ORACLE);
        assertTrue(message.contains("DELETE FROM A"), message);
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"ORACLE", "DB2"})
    void proceduresCannotBeCheckedAndAreRefused(Dialect dialect) {
        String message = refusal("CREATE OR REPLACE PROCEDURE P AS BEGIN NULL; END;\n/\n", dialect);
        assertTrue(message.contains("not the checkable create-if-absent shape"), message);
    }

    @Test
    void db2BlockHandlingAnotherSqlStateIsRefused() {
        String message = refusal("BEGIN\n  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;\n"
                + "  EXECUTE IMMEDIATE 'CREATE TABLE A (X INTEGER)';\nEND\n/\n", Dialect.DB2);
        assertTrue(message.contains("SQL PL compound statement is not the checkable"), message);
    }

    @Test
    void db2BlockDdlWithASyntaxErrorIsRefused() {
        String message = refusal("BEGIN\n  DECLARE CONTINUE HANDLER FOR SQLSTATE '42710' BEGIN END;\n"
                + "  EXECUTE IMMEDIATE 'CREATE TABLE A (X INTEGER,)';\nEND\n/\n", Dialect.DB2);
        assertTrue(message.startsWith("t.sql:1: "), message);
    }

    @Test
    void msSqlGuardMustLookForTheObjectItCreates() {
        String message = refusal("IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'B'))\n"
                + "CREATE TABLE A (X INTEGER)\nGO\n", Dialect.MSSQL);
        assertTrue(message.contains("must look in sys.objects for OBJECT_ID(N'A')"), message);
        message = refusal("IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE name = N'I')\n"
                + "CREATE INDEX I ON A (X)\nGO\n", Dialect.MSSQL);
        assertTrue(message.contains("must look in sys.indexes"), message);
    }

    @Test
    void msSqlGuardedBlockIsRefused() {
        String message = refusal("IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'A'))\n"
                + "BEGIN\n  CREATE TABLE A (X INTEGER);\nEND\nGO\n", Dialect.MSSQL);
        assertTrue(message.startsWith("t.sql:1: "), message);
    }

    @Test
    void msSqlBatchWithoutGuardIsParsedWhole() throws Exception {
        assertEquals(List.of("TABLE A", "TABLE B"),
                check("CREATE TABLE A (X INTEGER);\nCREATE TABLE B (Y INTEGER);\nGO\n", Dialect.MSSQL).createdObjects());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void plainSyntaxErrorIsRefusedWithItsLocation(Dialect dialect) {
        String message = refusal("-- header\nCREATE TABEL A (X INTEGER)", dialect);
        assertTrue(message.startsWith("t.sql:2: "), message);
    }

    @Test
    void oracleIgnoredCodeMustFitTheDdl() {
        String message = refusal("BEGIN\n  EXECUTE IMMEDIATE 'CREATE TABLE A (X INTEGER)';\n"
                + "EXCEPTION WHEN OTHERS THEN IF SQLCODE != -1430 THEN RAISE; END IF;\nEND;\n/\n", Dialect.ORACLE);
        assertTrue(message.contains("SQLCODE -1430 may only be ignored for ALTER TABLE ... ADD of a column"), message);
    }

    @Test
    void oracleCatalogBlockMustQueryTheCatalogForItsTable() throws Exception {
        String block = "DECLARE\n  FOUND NUMBER;\nBEGIN\n  SELECT COUNT(*) INTO FOUND FROM %s WHERE TABLE_NAME = 'A';\n"
                + "  IF FOUND = 0 THEN\n    EXECUTE IMMEDIATE 'ALTER TABLE %s ADD CONSTRAINT K UNIQUE (X)';\n  END IF;\n"
                + "END;\n/\n";
        assertEquals(1, check(String.format(block, "USER_CONSTRAINTS", "A"), Dialect.ORACLE).statements().size());
        assertTrue(refusal(String.format(block, "A", "A"), Dialect.ORACLE).contains("a query on a USER_ view"));
        assertTrue(refusal(String.format(block, "USER_CONSTRAINTS", "B"), Dialect.ORACLE)
                .contains("changing B must name that table"));
    }

    @Test
    void db2IgnoredSqlStateMustFitTheDdl() {
        String message = refusal("BEGIN\n  DECLARE CONTINUE HANDLER FOR SQLSTATE '42711' BEGIN END;\n"
                + "  EXECUTE IMMEDIATE 'ALTER TABLE A ADD CONSTRAINT K UNIQUE (X)';\nEND\n/\n", Dialect.DB2);
        assertTrue(message.contains("SQLSTATE 42711 may only be ignored for ALTER TABLE ... ADD of a column"), message);
    }

    @Test
    void db2SetDataTypeIsChecked() throws Exception {
        assertEquals(1, check("ALTER TABLE A ALTER COLUMN X SET DATA TYPE VARCHAR(20)\n/\n", Dialect.DB2)
                .statements().size());
    }

    @Test
    void msSqlAlterGuardMustTestWhatTheAlterUses() throws Exception {
        String guard = "IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'A') AND name = N'%s')\n"
                + "ALTER TABLE A ADD Y INTEGER NULL\nGO\n";
        assertEquals(1, check(String.format(guard, "Y"), Dialect.MSSQL).statements().size());
        assertTrue(refusal(String.format(guard, "Z"), Dialect.MSSQL).contains("must test the column or constraint"));
        assertTrue(refusal("IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'A'))\n"
                + "CREATE TABLE A (X INTEGER)\nGO\n", Dialect.MSSQL).contains("only be guarded by IF NOT EXISTS"));
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
    void mySqlProcedureIndexesAreSeenAndTheirGuardsChecked(Dialect dialect) throws Exception {
        String procedure = "DELIMITER $$\nCREATE PROCEDURE P()\nBEGIN\n"
                + "  IF NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_NAME = 'A' AND INDEX_NAME = '%s')"
                + " THEN\n    CREATE INDEX I ON %s (X);\n  END IF;\nEND $$\nDELIMITER ;\n";
        assertEquals(List.of("INDEX I ON A"), check(String.format(procedure, "I", "A"), dialect).createdObjects());
        assertTrue(refusal(String.format(procedure, "J", "A"), dialect).contains("guarded by IF NOT EXISTS naming"));
        assertTrue(refusal(String.format(procedure, "I", "B"), dialect).contains("change to B must name that table"));
        assertTrue(refusal("DELIMITER $$\nCREATE PROCEDURE P()\nBEGIN\n  DELETE FROM A;\nEND $$\nDELIMITER ;\n",
                dialect).contains("not the checkable shape"));
    }

    @Test
    void postgresDoBlockMayNotHideACreatedIndex() {
        String message = refusal("DO $$ BEGIN CREATE INDEX I ON A (X); END $$;", Dialect.POSTGRESQL);
        assertTrue(message.contains("DO block must not create a table or index"), message);
    }
}

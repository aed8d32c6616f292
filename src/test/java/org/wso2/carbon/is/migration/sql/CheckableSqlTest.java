package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.Dialect;

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
        assertTrue(message.startsWith("t.sql:1: PL/SQL block is not the checkable do-if-not-done shape"), message);
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
        assertTrue(message.contains("not the checkable do-if-not-done shape"), message);
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
        assertTrue(message.contains("does not look for 'A'"), message);
        message = refusal("IF NOT EXISTS (SELECT 1 FROM sys.objects WHERE name = N'I')\n"
                + "CREATE INDEX I ON A (X)\nGO\n", Dialect.MSSQL);
        assertTrue(message.contains("CREATE INDEX must look in a catalog view listing that kind of object"), message);
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
                check("CREATE TABLE A (X INTEGER);\nCREATE TABLE B (Y INTEGER);\nGO\n", Dialect.MSSQL)
                        .createdObjects());
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
        assertTrue(message.contains("ignores SQLCODE [-1430] around CREATE TABLE, which may only ignore [-955]"),
                message);
    }

    @Test
    void oracleBlockMayIgnoreOnlyTheCodesThatMeanItsKindOfDdlIsDone() throws Exception {
        assertEquals(List.of(), check("BEGIN\n  EXECUTE IMMEDIATE 'ALTER TABLE A MODIFY (X NOT NULL)';\n"
                + "EXCEPTION WHEN OTHERS THEN IF SQLCODE != -1442 THEN RAISE; END IF;\nEND;\n/\n", Dialect.ORACLE)
                .createdObjects());
        assertEquals(1, check("BEGIN\n  EXECUTE IMMEDIATE 'ALTER TABLE A ADD CONSTRAINT U UNIQUE (X, Y)';\n"
                + "EXCEPTION WHEN OTHERS THEN IF SQLCODE NOT IN (-2261, -2264) THEN RAISE; END IF;\nEND;\n/\n",
                Dialect.ORACLE).statements().size());
        String message = refusal("BEGIN\n  EXECUTE IMMEDIATE 'ALTER TABLE A ADD CONSTRAINT U UNIQUE (X, Y)';\n"
                + "EXCEPTION WHEN OTHERS THEN IF SQLCODE NOT IN (-2261, -1) THEN RAISE; END IF;\nEND;\n/\n",
                Dialect.ORACLE);
        assertTrue(message.contains("ignores SQLCODE [-1, -2261] around ADD CONSTRAINT ... UNIQUE|PRIMARY KEY"),
                message);
        message = refusal("BEGIN\n  EXECUTE IMMEDIATE 'ALTER TABLE A DROP COLUMN X';\n"
                + "EXCEPTION WHEN OTHERS THEN IF SQLCODE != -904 THEN RAISE; END IF;\nEND;\n/\n", Dialect.ORACLE);
        assertTrue(message.contains("around other ALTER TABLE, which may only ignore []"), message);
    }

    @Test
    void oracleCatalogBlockMustQueryTheCatalogForWhatItChanges() throws Exception {
        String block = "DECLARE\n  FOUND NUMBER;\nBEGIN\n  SELECT COUNT(*) INTO FOUND FROM %s WHERE TABLE_NAME = 'A'"
                + " AND CONSTRAINT_NAME = '%s';\n  IF FOUND %s THEN\n    EXECUTE IMMEDIATE 'ALTER TABLE %s %s';\n"
                + "  END IF;\nEND;\n/\n";
        String add = "ADD CONSTRAINT K UNIQUE (X)";
        assertEquals(1, check(String.format(block, "USER_CONSTRAINTS", "K", "= 0", "A", add), Dialect.ORACLE)
                .statements().size());
        assertEquals(1, check(String.format(block, "USER_CONSTRAINTS", "K", "> 0", "A", "DROP CONSTRAINT K"),
                Dialect.ORACLE).statements().size());
        assertTrue(refusal(String.format(block, "A", "K", "= 0", "A", add), Dialect.ORACLE)
                .contains("a guard must be a SELECT on the ORACLE catalog"));
        assertTrue(refusal(String.format(block, "USER_CONSTRAINTS", "K", "= 0", "B", add), Dialect.ORACLE)
                .contains("does not look for 'B'"));
        assertTrue(refusal(String.format(block, "USER_CONSTRAINTS", "L", "= 0", "A", add), Dialect.ORACLE)
                .contains("does not look for 'K'"));
        assertTrue(refusal(String.format(block, "USER_CONSTRAINTS", "K", "> 0", "A", add), Dialect.ORACLE)
                .contains("may only be guarded by IF NOT EXISTS"));
        assertTrue(refusal(String.format(block, "USER_INDEXES", "K", "= 0", "A", add), Dialect.ORACLE)
                .contains("must look in a catalog view listing that kind of object"));
    }

    @Test
    void db2IgnoredSqlStateMustFitTheDdl() throws Exception {
        String message = refusal("BEGIN\n  DECLARE CONTINUE HANDLER FOR SQLSTATE '42711' BEGIN END;\n"
                + "  EXECUTE IMMEDIATE 'ALTER TABLE A ADD CONSTRAINT K UNIQUE (X)';\nEND\n/\n", Dialect.DB2);
        assertTrue(message.contains("ignores SQLSTATE [42711] around ADD CONSTRAINT ... UNIQUE|PRIMARY KEY, which may"
                + " only ignore [42710]"), message);
        assertEquals(List.of("INDEX I ON A"), check("BEGIN\n"
                + "  DECLARE CONTINUE HANDLER FOR SQLSTATE '42710' BEGIN END;\n"
                + "  EXECUTE IMMEDIATE 'ALTER TABLE A ADD CONSTRAINT K UNIQUE (X)';\n"
                + "  EXECUTE IMMEDIATE 'CREATE INDEX I ON A (X)';\nEND\n/\n", Dialect.DB2).createdObjects());
        message = refusal("BEGIN\n  DECLARE CONTINUE HANDLER FOR SQLSTATE '42710' BEGIN END;\n"
                + "  EXECUTE IMMEDIATE 'ALTER TABLE A ADD COLUMN Y INTEGER';\nEND\n/\n", Dialect.DB2);
        assertTrue(message.contains("around ADD COLUMN, which may only ignore [42711]"), message);
    }

    @Test
    void db2SetDataTypeIsChecked() throws Exception {
        assertEquals(1, check("ALTER TABLE A ALTER COLUMN X SET DATA TYPE VARCHAR(20)\n/\n", Dialect.DB2)
                .statements().size());
    }

    @Test
    void db2GuardedBlockMayReorganiseOnlyTheTableItChanged() throws Exception {
        String block = "BEGIN\nIF EXISTS (SELECT 1 FROM SYSCAT.COLUMNS WHERE TABNAME = 'A' AND COLNAME = 'X'"
                + " AND NULLS = 'Y') THEN\n  EXECUTE IMMEDIATE 'ALTER TABLE A ALTER COLUMN X SET NOT NULL';\n"
                + "  CALL SYSPROC.ADMIN_CMD('REORG TABLE %s');\nEND IF;\nEND\n/\n";
        assertEquals(2, check(String.format(block, "A"), Dialect.DB2).statements().size());
        assertTrue(refusal(String.format(block, "B"), Dialect.DB2)
                .contains("a REORG may only follow DDL changing that same table"));
    }

    @Test
    void msSqlAlterGuardMustTestWhatTheAlterUses() throws Exception {
        String guard = "IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'A') AND name = N'%s')\n"
                + "ALTER TABLE A ADD Y INTEGER NULL\nGO\n";
        assertEquals(1, check(String.format(guard, "Y"), Dialect.MSSQL).statements().size());
        assertTrue(refusal(String.format(guard, "Z"), Dialect.MSSQL).contains("does not look for 'Y'"));
        assertTrue(refusal("IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'A'))\n"
                + "CREATE TABLE A (X INTEGER)\nGO\n", Dialect.MSSQL)
                .contains("CREATE TABLE may only be guarded by IF NOT EXISTS"));
        assertEquals(1, check("IF EXISTS (SELECT 1 FROM sys.key_constraints WHERE name = N'K'"
                + " AND parent_object_id = OBJECT_ID(N'A'))\nALTER TABLE A DROP CONSTRAINT K\nGO\n", Dialect.MSSQL)
                .statements().size());
    }

    /** The 5.7.0 SQL Server batch that drops a default constraint 5.6.0 left unnamed, found by its column. */
    private static final String DEFAULT_DROP = """
            DECLARE @name SYSNAME, @drop NVARCHAR(400);
            SELECT @name = d.name FROM sys.default_constraints d
                JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
                WHERE d.parent_object_id = OBJECT_ID(N'A') AND c.name = N'X'
                AND REPLACE(REPLACE(d.definition, N'(', N''), N')', N'') <> N'3600';
            IF @name IS NOT NULL
            BEGIN
                SET @drop = N'ALTER TABLE A DROP CONSTRAINT ' + QUOTENAME(@name);
                EXEC sp_executesql @drop;
            END
            GO
            """;

    @Test
    void msSqlDefaultDropFoundByItsColumnIsParsedPartByPart() throws Exception {
        CheckableSql checkable = check(DEFAULT_DROP, Dialect.MSSQL);
        assertEquals(5, checkable.statements().size(), checkable.statements()::toString);
        assertEquals(List.of(), checkable.createdObjects());
    }

    @Test
    void msSqlNullableColumnAddedWithADefaultMustFillTheExistingRows() throws Exception {
        String add = "IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'A') AND name = N'Y')\n"
                + "ALTER TABLE A ADD Y BIGINT NULL DEFAULT 3600000%s\nGO\n";
        assertEquals(1, check(String.format(add, " WITH VALUES"), Dialect.MSSQL).statements().size());
        assertTrue(refusal(String.format(add, ""), Dialect.MSSQL).contains("needs WITH VALUES"));
        assertEquals(1, check("IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'A') AND"
                + " name = N'Y')\nALTER TABLE A ADD Y INTEGER DEFAULT 0 NOT NULL\nGO\n", Dialect.MSSQL)
                .statements().size(), "NOT NULL fills the rows by itself");
    }

    static Stream<Arguments> brokenDefaultDrops() {
        return Stream.of(
                Arguments.of("name not quoted", "QUOTENAME(@name)", "@name", "must quote the name with QUOTENAME"),
                Arguments.of("END missing", "END\n", "", "BEGIN and END do not balance"),
                Arguments.of("definition not tested",
                        "\n    AND REPLACE(REPLACE(d.definition, N'(', N''), N')', N'') <> N'3600'", "",
                        "not the checkable default-constraint drop"),
                Arguments.of("another column tested", "d.definition", "c.name", "must test d.definition"),
                Arguments.of("dropped from another table", "ALTER TABLE A DROP", "ALTER TABLE B DROP",
                        "drops a constraint of B but the lookup reads the defaults of A"),
                Arguments.of("column not matched", " AND c.column_id = d.parent_column_id", "",
                        "must join sys.columns on parent_column_id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDefaultDrops")
    void msSqlDefaultDropInABrokenFormIsRefused(String broken, String part, String replacement, String expected) {
        String sql = DEFAULT_DROP.replace(part, replacement);
        assertNotEquals(DEFAULT_DROP, sql, "the batch holds '" + part + "'");
        String message = refusal(sql, Dialect.MSSQL);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void msSqlAddDefaultMustBeGuardedByTheColumnsDefaultConstraint() throws Exception {
        String guard = "IF NOT EXISTS (SELECT 1 FROM sys.default_constraints d JOIN sys.columns c"
                + " ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id"
                + " WHERE d.parent_object_id = OBJECT_ID(N'A') AND c.name = N'%s')\n"
                + "ALTER TABLE A ADD DEFAULT 3600 FOR X\nGO\n";
        assertTrue(check(String.format(guard, "X"), Dialect.MSSQL).statements().get(0).toString()
                .contains("ALTER COLUMN X SET DEFAULT 3600"));
        assertTrue(refusal(String.format(guard, "Y"), Dialect.MSSQL).contains("does not look for 'X'"));
        String message = refusal("IF NOT EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'A')"
                + " AND name = N'X')\nALTER TABLE A ADD DEFAULT 3600 FOR X\nGO\n", Dialect.MSSQL);
        assertTrue(message.contains("must look in a catalog view listing that kind of object"), message);
    }

    private static final Pattern SET_DEFAULT =
            Pattern.compile("ALTER TABLE IDN_OAUTH_CONSUMER_APPS ALTER COLUMN (\\w+) SET DEFAULT (\\d+)");
    private static final Pattern KEPT_DEFAULT = Pattern.compile("OBJECT_ID\\(N'IDN_OAUTH_CONSUMER_APPS'\\)"
            + " AND C\\.NAME = N'(\\w+)' AND REPLACE\\(REPLACE\\(D\\.DEFINITION, N'\\(', N''\\), N'\\)', N''\\)"
            + " <> N'(\\d+)'", Pattern.CASE_INSENSITIVE);

    @Test
    void msSql570ScriptGivesTheConsumerAppsPostgresDefaultsAndKeepsOnlyThose() throws Exception {
        Map<String, String> postgres = consumerAppDefaults(Dialect.POSTGRESQL, SET_DEFAULT);
        assertEquals(4, postgres.size(), postgres::toString);
        assertEquals(postgres, consumerAppDefaults(Dialect.MSSQL, SET_DEFAULT), "defaults SQL Server adds");
        assertEquals(postgres, consumerAppDefaults(Dialect.MSSQL, KEPT_DEFAULT), "defaults SQL Server does not drop");
    }

    /** Column -> value of each statement of the 5.7.0 identity script (as the check parses it) that matches. */
    private static Map<String, String> consumerAppDefaults(Dialect dialect, Pattern pattern) throws Exception {
        Path script = MigrationResources.root().resolve("5.7.0/dbscripts/step1/identity/" + dialect.scriptFileName());
        Map<String, String> defaults = new TreeMap<>();
        for (SqlStatement statement : SqlScript.load(script, script.toString(), dialect).statements()) {
            for (Object parsed : CheckableSql.of(statement, dialect).statements()) {
                Matcher match = pattern.matcher(parsed.toString());
                if (match.find()) {
                    defaults.put(match.group(1), match.group(2));
                }
            }
        }
        return defaults;
    }

    @Test
    void theIndexesOneMariaDbAlterTableAddsAreSeenButNotItsUniqueKey() throws Exception {
        assertEquals(List.of("INDEX I ON A", "INDEX J ON A"), check("ALTER TABLE A\n"
                + "    ADD UNIQUE INDEX IF NOT EXISTS K (X, Y),\n    ADD INDEX IF NOT EXISTS I (X),\n"
                + "    ADD INDEX J (Y),\n    ALGORITHM=INPLACE, LOCK=NONE;\n", Dialect.MARIADB).createdObjects());
        assertEquals(List.of(), check("ALTER TABLE A DROP INDEX I, ADD INDEX I (X(500));\n", Dialect.MARIADB)
                .createdObjects(), "an index dropped and added again is a new definition, not a new index");
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
    void mySqlProcedureIndexesAreSeenAndTheirGuardsChecked(Dialect dialect) throws Exception {
        String procedure = "DELIMITER $$\nCREATE PROCEDURE P()\nBEGIN\n"
                + "  IF NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_NAME = 'A'"
                + " AND INDEX_NAME = '%s')"
                + " THEN\n    CREATE INDEX I ON %s (X);\n  END IF;\nEND $$\nDELIMITER ;\n";
        assertEquals(List.of("INDEX I ON A"), check(String.format(procedure, "I", "A"), dialect).createdObjects());
        assertTrue(refusal(String.format(procedure, "J", "A"), dialect).contains("does not look for 'I'"));
        assertTrue(refusal(String.format(procedure, "I", "B"), dialect).contains("does not look for 'B'"));
        assertTrue(refusal("DELIMITER $$\nCREATE PROCEDURE P()\nBEGIN\n  DELETE FROM A;\nEND $$\nDELIMITER ;\n",
                dialect).contains("expected IF [NOT] EXISTS"));
    }

    @Test
    void postgresDoBlockMayNotHideACreatedIndex() {
        String message = refusal("DO $$ BEGIN CREATE INDEX I ON A (X); END $$;", Dialect.POSTGRESQL);
        assertTrue(message.contains("must not create a table or index"), message);
    }

    @Test
    void postgresDoBlockThatIsNotOnlyGuardsIsLeftToTheRealEngine() throws Exception {
        assertEquals(List.of(), check("DO $$\nDECLARE n INTEGER;\nBEGIN\n  SELECT COUNT(*) INTO n FROM A;\n"
                + "END $$;\n", Dialect.POSTGRESQL).statements());
    }

    @Test
    void guardedBlocksAreCheckedAndTheirIndexesListed() throws Exception {
        String guard = "IF NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_NAME = 'A'"
                + " AND INDEX_NAME = 'I') THEN\n    CREATE INDEX I ON A (X);\nEND IF;\n";
        assertEquals(List.of("INDEX I ON A"), check("DELIMITER //\nCREATE PROCEDURE P()\nBEGIN\n" + guard
                + "END //\nDELIMITER ;\n", Dialect.MYSQL).createdObjects());
        assertEquals(List.of("INDEX I ON A"), check("DO $$\nBEGIN\n" + guard + "END $$;\n", Dialect.POSTGRESQL)
                .createdObjects());
        assertEquals(List.of(), check("DROP PROCEDURE IF EXISTS P;", Dialect.MARIADB).createdObjects());
        assertEquals(List.of(), check("BEGIN\nIF EXISTS (SELECT 1 FROM SYSCAT.COLUMNS WHERE TABNAME = 'A'"
                + " AND COLNAME = 'X' AND NULLS = 'Y') THEN\n  EXECUTE IMMEDIATE 'ALTER TABLE A ALTER COLUMN X SET NOT"
                + " NULL';\n  CALL SYSPROC.ADMIN_CMD('REORG TABLE A');\nEND IF;\nEND\n/\n", Dialect.DB2)
                .createdObjects());
        assertEquals(1, check("ALTER TABLE A ADD CONSTRAINT IF NOT EXISTS U UNIQUE (X);", Dialect.H2)
                .statements().size());
    }

    @Test
    void aGuardThatDoesNotLookForWhatItGuardsIsRefused() {
        String message = refusal("DO $$\nBEGIN\nIF NOT EXISTS (SELECT 1 FROM information_schema.table_constraints"
                + " WHERE table_name = 'a' AND constraint_name = 'other') THEN\n"
                + "    ALTER TABLE A ADD CONSTRAINT U UNIQUE (X);\nEND IF;\nEND $$;\n", Dialect.POSTGRESQL);
        assertTrue(message.contains("does not look for 'U'"), message);
        message = refusal("DELIMITER //\nCREATE PROCEDURE P()\nBEGIN\n  DELETE FROM A;\nEND //\n", Dialect.MYSQL);
        assertTrue(message.contains("expected IF [NOT] EXISTS"), message);
        message = refusal("IF EXISTS (SELECT 1 FROM sys.columns WHERE object_id = OBJECT_ID(N'A') AND name = N'X')\n"
                + "ALTER TABLE A ALTER COLUMN X VARCHAR(5) NOT NULL\nGO\n", Dialect.MSSQL);
        assertTrue(message.contains("must be guarded by IF EXISTS testing that it is nullable"), message);
        message = refusal("IF NOT EXISTS (SELECT 1 FROM sys.key_constraints WHERE name = N'V'"
                + " AND parent_object_id = OBJECT_ID(N'A'))\nALTER TABLE A ADD CONSTRAINT U UNIQUE (X)\nGO\n",
                Dialect.MSSQL);
        assertTrue(message.contains("does not look for 'U'"), message);
        message = refusal("IF NOT EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_NAME = 'A'"
                + " AND COLUMN_NAME = 'X')\nALTER TABLE A ADD X INTEGER NULL\nGO\n", Dialect.MSSQL);
        assertTrue(message.contains("a guard must be a SELECT on the MSSQL catalog"), message);
    }

    @Test
    void anIndexDropMayIgnoreOnlyTheErrorSayingTheIndexIsGone() throws Exception {
        check("BEGIN\n  EXECUTE IMMEDIATE 'DROP INDEX IDX_A';\n"
                + "EXCEPTION WHEN OTHERS THEN IF SQLCODE != -1418 THEN RAISE; END IF;\nEND;\n/\n", Dialect.ORACLE);
        check("BEGIN\n  DECLARE CONTINUE HANDLER FOR SQLSTATE '42704' BEGIN END;\n"
                + "  EXECUTE IMMEDIATE 'DROP INDEX IDX_A';\nEND\n/\n", Dialect.DB2);
        String oracle = refusal("BEGIN\n  EXECUTE IMMEDIATE 'DROP INDEX IDX_A';\n"
                + "EXCEPTION WHEN OTHERS THEN IF SQLCODE != -955 THEN RAISE; END IF;\nEND;\n/\n", Dialect.ORACLE);
        assertTrue(oracle.contains("may only ignore [-1418]"), oracle);
        String db2 = refusal("BEGIN\n  DECLARE CONTINUE HANDLER FOR SQLSTATE '42710' BEGIN END;\n"
                + "  EXECUTE IMMEDIATE 'DROP INDEX IDX_A';\nEND\n/\n", Dialect.DB2);
        assertTrue(db2.contains("may only ignore [42704]"), db2);
    }

    @Test
    void aTableRenameGuardMustLookForTheOldName() throws Exception {
        check("IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'OLD_T') AND type = N'U')\n"
                + "EXEC sp_rename N'OLD_T', N'NEW_T'\nGO\n", Dialect.MSSQL);
        String msSql = refusal("IF EXISTS (SELECT 1 FROM sys.objects WHERE object_id = OBJECT_ID(N'OTHER')"
                + " AND type = N'U')\nEXEC sp_rename N'OLD_T', N'NEW_T'\nGO\n", Dialect.MSSQL);
        assertTrue(msSql.contains("does not look for 'OLD_T'"), msSql);
        String db2 = refusal("BEGIN\n  IF EXISTS (SELECT 1 FROM SYSCAT.TABLES WHERE TABNAME = 'OTHER') THEN\n"
                + "    EXECUTE IMMEDIATE 'RENAME TABLE OLD_T TO NEW_T';\n  END IF;\nEND\n/\n", Dialect.DB2);
        assertTrue(db2.contains("does not look for 'OLD_T'"), db2);
    }

    @Test
    void anH2JavaFunctionIsAcceptedOnlyIfItCreatesNoTableOrIndex() throws Exception {
        assertEquals(List.of(), check("CREATE ALIAS IF NOT EXISTS F AS $$ void f(java.sql.Connection c) { } $$;",
                Dialect.H2).createdObjects());
        assertEquals(List.of(), check("CALL F('A', 'B,C');", Dialect.H2).createdObjects());
        String message = refusal("CREATE ALIAS F AS $$ void f(java.sql.Connection c) throws Exception {"
                + " c.createStatement().execute(\"CREATE TABLE X (A INT)\"); } $$;", Dialect.H2);
        assertTrue(message.contains("must not create a table or index"), message);
    }
}

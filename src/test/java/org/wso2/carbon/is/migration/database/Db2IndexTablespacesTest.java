package org.wso2.carbon.is.migration.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import net.sf.jsqlparser.statement.execute.Execute;
import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.Db2IndexTablespaces.IndexRow;
import org.wso2.carbon.is.migration.database.Db2IndexTablespaces.TablespaceRow;
import org.wso2.carbon.is.migration.sql.CheckableSql;
import org.wso2.carbon.is.migration.sql.SqlStatement;

/**
 * The DB2 step of the 5.9.0 guide, decided on catalog rows as SYSCAT.INDEXES and SYSCAT.TABLESPACES return them
 * (no DB2 engine runs here): indexes in a 4K tablespace get the guide's ADMIN_MOVE_TABLE calls with the table schema
 * filled in, which parse as DB2 SQL; the buffer pool and TS32K are created only when missing; indexes already in 32K
 * pages need nothing.
 */
class Db2IndexTablespacesTest {

    /** A default DB2 11.5 database: every user table and index in USERSPACE1, 4K pages. */
    private static final List<TablespaceRow> DEFAULT_TABLESPACES = List.of(
            new TablespaceRow("SYSCATSPACE", 0, 4096), new TablespaceRow("TEMPSPACE1", 1, 4096),
            new TablespaceRow("USERSPACE1", 2, 4096), new TablespaceRow("SYSTOOLSPACE", 3, 4096));

    private static final List<IndexRow> IN_USERSPACE1 = List.of(
            new IndexRow("WSO2IS", "IDN_OAUTH2_ACCESS_TOKEN", "SQL191021103512340", 2),
            new IndexRow("WSO2IS", "IDN_OAUTH2_ACCESS_TOKEN", "IDX_AT_CK_AU", 2),
            new IndexRow("WSO2IS", "IDN_OAUTH2_AUTHORIZATION_CODE", "IDX_AUTHORIZATION_CODE_HASH", 2));

    @Test
    void indexesInA4kTablespaceGetTheGuidesStatementsWithTheSchemaFilledIn() {
        assertEquals(List.of(
                "IDN_OAUTH2_ACCESS_TOKEN: SQL191021103512340 in USERSPACE1 (4K pages), IDX_AT_CK_AU in USERSPACE1 (4K"
                        + " pages)",
                "IDN_OAUTH2_AUTHORIZATION_CODE: IDX_AUTHORIZATION_CODE_HASH in USERSPACE1 (4K pages)"),
                Db2IndexTablespaces.misplaced(IN_USERSPACE1, DEFAULT_TABLESPACES));

        List<String> statements = Db2IndexTablespaces.statementsToMove("WSO2IS", IN_USERSPACE1, DEFAULT_TABLESPACES);

        assertEquals(4, statements.size(), statements.toString());
        // As the guide writes them; JSqlParser does not know DB2's CREATE BUFFERPOOL / CREATE TABLESPACE.
        assertEquals("CREATE BUFFERPOOL BP32K IMMEDIATE SIZE 250 AUTOMATIC PAGESIZE 32K", statements.get(0));
        assertEquals("CREATE LARGE TABLESPACE TS32K PAGESIZE 32K MANAGED BY AUTOMATIC STORAGE BUFFERPOOL BP32K",
                statements.get(1));
        assertEquals("CALL SYSPROC.ADMIN_MOVE_TABLE('WSO2IS', 'IDN_OAUTH2_ACCESS_TOKEN', (SELECT TBSPACE FROM"
                + " SYSCAT.TABLES WHERE TABNAME = 'IDN_OAUTH2_ACCESS_TOKEN' AND TABSCHEMA = 'WSO2IS'), 'TS32K',"
                + " (SELECT TBSPACE FROM SYSCAT.TABLES WHERE TABNAME = 'IDN_OAUTH2_ACCESS_TOKEN' AND TABSCHEMA ="
                + " 'WSO2IS'), '', '', '', '', '', 'MOVE')", statements.get(2));
        assertParsesAsACall(statements.get(2));
        assertParsesAsACall(statements.get(3));
        assertEquals(true, statements.get(3).contains("'IDN_OAUTH2_AUTHORIZATION_CODE'"), statements.get(3));
    }

    @Test
    void anExistingTs32kIsUsedAndOnlyTheTableWithMisplacedIndexesMoves() {
        List<TablespaceRow> withTs32k = new java.util.ArrayList<>(DEFAULT_TABLESPACES);
        withTs32k.add(new TablespaceRow("TS32K", 5, 32768));
        List<IndexRow> tokensMoved = List.of(
                new IndexRow("WSO2IS", "IDN_OAUTH2_ACCESS_TOKEN", "IDX_AT_CK_AU", 5),
                new IndexRow("WSO2IS", "IDN_OAUTH2_AUTHORIZATION_CODE", "IDX_AUTHORIZATION_CODE_HASH", 2));

        List<String> statements = Db2IndexTablespaces.statementsToMove("O'BRIEN", tokensMoved, withTs32k);

        assertEquals(1, statements.size(), statements.toString());
        assertEquals(true, statements.get(0).startsWith("CALL SYSPROC.ADMIN_MOVE_TABLE('O''BRIEN',"
                + " 'IDN_OAUTH2_AUTHORIZATION_CODE',"), statements.get(0));
        assertParsesAsACall(statements.get(0));
    }

    @Test
    void indexesAlreadyIn32kPagesNeedNothing() {
        List<TablespaceRow> tablespaces = List.of(new TablespaceRow("USERSPACE1", 2, 4096),
                new TablespaceRow("INDEXES32", 7, 32768));
        List<IndexRow> indexes = List.of(new IndexRow("WSO2IS", "IDN_OAUTH2_ACCESS_TOKEN", "IDX_AT_CK_AU", 7),
                new IndexRow("WSO2IS", "IDN_OAUTH2_AUTHORIZATION_CODE", "IDX_AUTHORIZATION_CODE_HASH", 7));

        assertEquals(List.of(), Db2IndexTablespaces.misplaced(indexes, tablespaces));
        assertEquals(List.of(), Db2IndexTablespaces.statementsToMove("WSO2IS", indexes, tablespaces));
    }

    private static void assertParsesAsACall(String statement) {
        List<net.sf.jsqlparser.statement.Statement> parsed = CheckableSql.of(
                new SqlStatement(statement, "generated", 1), Dialect.DB2).statements();
        assertEquals(1, parsed.size());
        assertInstanceOf(Execute.class, parsed.get(0), statement);
    }
}

package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.schema.ForeignKeyConstraint;

/**
 * The foreign key chains by which a delete elsewhere reaches synced rows without the target repeating it, found in
 * the release facts, and the BEFORE DELETE triggers that journal those rows on MySQL and MariaDB (whose foreign key
 * actions fire no trigger).
 * That the rows then reach the target is proven on the engines by {@link RowsAForeignKeyActionReachesTest}.
 */
class CascadePathTest {

    @Test
    void theDocumentedTablesAreReachedFromTheirApplicationAndTheTokensDeleteIsLeftToTheTarget()
            throws MigrationException {
        Map<String, List<String>> paths = paths(SyncFixture.TABLES);

        assertEquals(List.of("IDN_OAUTH2_ACCESS_TOKEN -> IDN_OAUTH_CONSUMER_APPS"),
                paths.get("IDN_OAUTH2_ACCESS_TOKEN"));
        assertEquals(List.of("IDN_OAUTH2_ACCESS_TOKEN_SCOPE -> IDN_OAUTH2_ACCESS_TOKEN -> IDN_OAUTH_CONSUMER_APPS"),
                paths.get("IDN_OAUTH2_ACCESS_TOKEN_SCOPE"), "the token is synced and 5.9.0 cascades its scopes too");
        assertEquals(List.of("IDN_OAUTH2_AUTHORIZATION_CODE -> IDN_OAUTH_CONSUMER_APPS"),
                paths.get("IDN_OAUTH2_AUTHORIZATION_CODE"));
        assertEquals(List.of(), paths.get("IDN_IDENTITY_USER_DATA"));
    }

    @Test
    void scopesSyncedWithoutTheirTokenAreReachedFromTheTokenToo() throws MigrationException {
        assertEquals(List.of("IDN_OAUTH2_ACCESS_TOKEN_SCOPE -> IDN_OAUTH2_ACCESS_TOKEN",
                "IDN_OAUTH2_ACCESS_TOKEN_SCOPE -> IDN_OAUTH2_ACCESS_TOKEN -> IDN_OAUTH_CONSUMER_APPS"),
                paths("IDN_OAUTH2_ACCESS_TOKEN_SCOPE").get("IDN_OAUTH2_ACCESS_TOKEN_SCOPE"));
    }

    /**
     * Only the scopes' deletes by a foreign key are left to the target, and only while their token is synced: the
     * token's and the code's come from the application, which is not, and the user data has no such key. Only the
     * PostgreSQL script leaves them out.
     */
    @Test
    void onlyTheScopesOfASyncedTokenLeaveTheirForeignKeyDeletesToTheTarget() throws Exception {
        Map<String, Boolean> repeated = new LinkedHashMap<>();
        List<SyncedTable> tables = SyncTables.resolve(settings(SyncFixture.TABLES), "postgresql");
        for (SyncedTable table : tables) {
            repeated.put(table.name(), table.foreignKeyDeletesRepeated());
        }
        assertEquals(Map.of("IDN_OAUTH2_ACCESS_TOKEN", false, "IDN_OAUTH2_ACCESS_TOKEN_SCOPE", true,
                "IDN_OAUTH2_AUTHORIZATION_CODE", false, "IDN_IDENTITY_USER_DATA", false), repeated);
        assertFalse(SyncTables.resolve(settings("IDN_OAUTH2_ACCESS_TOKEN_SCOPE"), "postgresql").get(0)
                .foreignKeyDeletesRepeated(), "the token is not synced");

        String postgresql = SyncDdl.of(Dialect.POSTGRESQL).prepareScript(tables);
        assertEquals(1, postgresql.split("FOR EACH ROW WHEN \\(pg_trigger_depth\\(\\) = 0\\)", -1).length - 1,
                postgresql);
        assertTrue(postgresql.contains("CREATE TRIGGER ISS_D_IDN_OAUTH2_ACCESS_T_ABF1 AFTER DELETE ON"
                + " IDN_OAUTH2_ACCESS_TOKEN_SCOPE FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE PROCEDURE"),
                postgresql);
        assertFalse(SyncDdl.of(Dialect.POSTGRESQL).prepareScript(tables, List.of("audit on apps"))
                .contains("FOR EACH ROW WHEN"), "a trigger of the source's own: every delete journalled");
        for (Dialect dialect : List.of(Dialect.MYSQL, Dialect.ORACLE, Dialect.MSSQL, Dialect.DB2)) {
            assertFalse(SyncDdl.of(dialect).prepareScript(tables).contains("pg_trigger_depth"), dialect.toString());
        }
    }

    @Test
    void onMySqlTheApplicationsDeleteJournalsThemAndOtherEnginesLeaveThemToTheirOwnTriggers() throws Exception {
        List<SyncedTable> tables = SyncTables.resolve(settings(SyncFixture.TABLES), "mysql");
        String mysql = SyncDdl.of(Dialect.MYSQL).prepareScript(tables);

        assertTrue(mysql.contains("CREATE TRIGGER ISS_C_IDN_OAUTH_CONSUMER_APPS BEFORE DELETE ON"
                + " IDN_OAUTH_CONSUMER_APPS FOR EACH ROW\nBEGIN\n"
                + "  INSERT INTO ISS_J_IDN_OAUTH2_ACCESS_TOKEN (SYNC_OP, TOKEN_ID) SELECT 'D', C0.TOKEN_ID FROM"
                + " IDN_OAUTH2_ACCESS_TOKEN C0 WHERE C0.CONSUMER_KEY_ID = OLD.ID;\n"), mysql);
        assertTrue(mysql.contains("INSERT INTO ISS_J_IDN_OAUTH2_ACCESS_T_ABF1 (SYNC_OP, TOKEN_ID, TOKEN_SCOPE)"
                + " SELECT 'D', C0.TOKEN_ID, C0.TOKEN_SCOPE FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE C0 JOIN"
                + " IDN_OAUTH2_ACCESS_TOKEN C1 ON C0.TOKEN_ID = C1.TOKEN_ID WHERE C1.CONSUMER_KEY_ID = OLD.ID;"),
                mysql);
        assertFalse(mysql.contains("ISS_C_IDN_OAUTH2_ACCESS_TOKEN"), "the token's delete is journalled and the"
                + " target's cascade removes its scopes:\n" + mysql);
        for (Dialect dialect : List.of(Dialect.POSTGRESQL, Dialect.ORACLE, Dialect.MSSQL, Dialect.DB2)) {
            String script = SyncDdl.of(dialect).prepareScript(tables);
            assertFalse(script.contains("ISS_C_"), dialect + ":\n" + script);
        }
    }

    @Test
    void aKeySetToNullChangesTheRowAndOnlyCascadingKeysReachFurther() {
        ForeignKeyConstraint setNull = new ForeignKeyConstraint(null, List.of("P_ID"), "P", List.of("ID"),
                "SET NULL");
        ForeignKeyConstraint cascades = new ForeignKeyConstraint(null, List.of("G_ID"), "G", List.of("ID"),
                "cascade");
        ForeignKeyConstraint refuses = new ForeignKeyConstraint(null, List.of("G_ID"), "G", List.of("ID"), null);
        SyncedTable child = new SyncedTable("C", SyncSchema.IDENTITY,
                List.of(new KeyColumn("ID", java.sql.Types.INTEGER, 0, 0)));

        CascadePath fromParent = CascadePath.of("C", setNull);
        assertEquals("INSERT INTO ISS_J_C (SYNC_OP, ID) SELECT 'U', C0.ID FROM C C0 WHERE C0.P_ID = OLD.ID",
                fromParent.journalInsert(child, "OLD."));
        assertEquals("INSERT INTO ISS_J_C (SYNC_OP, ID) SELECT 'U', C0.ID FROM C C0 JOIN P C1 ON C0.P_ID = C1.ID"
                + " WHERE C1.G_ID = OLD.ID", fromParent.upTo(cascades).journalInsert(child, "OLD."));
        assertNull(fromParent.upTo(refuses));
        assertNull(CascadePath.of("C", refuses));
    }

    private static Map<String, List<String>> paths(String syncTables) throws MigrationException {
        Map<String, List<String>> paths = new LinkedHashMap<>();
        for (SyncedTable table : SyncTables.resolve(settings(syncTables), "mysql")) {
            paths.put(table.name(), table.cascades().stream().map(CascadePath::toString).toList());
        }
        return paths;
    }

    private static SyncSettings settings(String syncTables) throws MigrationException {
        Properties properties = new Properties();
        properties.setProperty("sourceVersion", "5.7.0");
        properties.setProperty("targetVersion", "5.9.0");
        properties.setProperty("syncTables", syncTables);
        properties.setProperty("identitySchema", "jdbc/A,jdbc/B");
        return SyncSettings.of(properties, "sync.properties");
    }
}

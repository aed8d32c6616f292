package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wso2.carbon.is.migration.sync.SyncFixture.sortedRows;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;

/**
 * On PostgreSQL the scope table's delete trigger leaves out the scopes a token's delete removes through the foreign
 * key (the token's delete is journalled, and the target's same key removes them), and journals a scope deleted by
 * itself; with a trigger of the source's own, which could delete from within a trigger too, prepare journals every
 * delete, and a trigger created after prepare is reported.
 */
class ForeignKeyDeletesLeftOutOfTheJournalTest {

    private static final String SCOPE_TABLE = "IDN_OAUTH2_ACCESS_TOKEN_SCOPE";
    private static final String OTHER_TRIGGER = "CREATE OR REPLACE FUNCTION AUDIT_NOTHING() RETURNS TRIGGER AS $$"
            + " BEGIN RETURN NULL; END $$ LANGUAGE plpgsql;"
            + " CREATE TRIGGER AUDIT_APPS AFTER DELETE ON IDN_OAUTH_CONSUMER_APPS FOR EACH ROW"
            + " EXECUTE PROCEDURE AUDIT_NOTHING()";

    @Test
    void scopesATokensDeleteRemovesAreLeftToTheTargetAndAScopeDeletedByItselfIsJournalled() throws Exception {
        SyncFixture fixture = SyncFixture.create(PostgresEngine.instance(), "5.8.0", "5.9.0");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        SyncRun run = fixture.run();
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.insertToken(writer, "gone", "bob", "PRIMARY", "openid", "email");
            SyncFixture.insertToken(writer, "kept", "bob", "PRIMARY", "openid", "email");
            SyncFixture.drain(run, 5);
            SyncFixture.deleteToken(writer, "gone");
            SyncFixture.execute(writer, "DELETE FROM " + SCOPE_TABLE + " WHERE TOKEN_ID = 'kept' AND"
                    + " TOKEN_SCOPE = 'email'");
            assertEquals(List.of("D kept email"), entries(writer, SCOPE_TABLE, "TOKEN_ID, TOKEN_SCOPE"));
            assertEquals(List.of("D gone"), entries(writer, "IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID"));
        }

        SyncFixture.drain(run, 5);
        try (Connection target = fixture.target.connect()) {
            assertEquals(List.of("kept openid"),
                    sortedRows(target, "SELECT TOKEN_ID, TOKEN_SCOPE FROM " + SCOPE_TABLE));
        }
        SyncNeverLosesARowTest.assertSameRows(fixture);
        assertEquals(0, new SyncVerify(fixture.settings, fixture.databases, 100).run(false).differences());
    }

    @Test
    void aTriggerOfTheSourcesOwnMakesPrepareJournalEveryDeleteAndOneCreatedLaterIsReported() throws Exception {
        SyncFixture fixture = SyncFixture.create(PostgresEngine.instance(), "5.8.0", "5.9.0");
        SyncDdl ddl = SyncDdl.of(fixture.source.dialect());
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection source = fixture.source.connect()) {
            assertEquals(List.of(), ddl.leftOutDeletesAtRisk(source));
            SyncFixture.execute(source, OTHER_TRIGGER);
            assertEquals(List.of("audit_apps on idn_oauth_consumer_apps"), ddl.leftOutDeletesAtRisk(source),
                    "a trigger created after prepare");
        }

        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection writer = fixture.source.connect()) {
            assertEquals(List.of(), ddl.leftOutDeletesAtRisk(writer), "prepared again: nothing is left out");
            SyncFixture.insertToken(writer, "gone", "bob", "PRIMARY", "openid", "email");
            SyncFixture.drain(fixture.run(), 5);
            SyncFixture.deleteToken(writer, "gone");
            assertEquals(List.of("D gone email", "D gone openid"), entries(writer, SCOPE_TABLE,
                    "TOKEN_ID, TOKEN_SCOPE"));
        }
        SyncFixture.drain(fixture.run(), 5);
        SyncNeverLosesARowTest.assertSameRows(fixture);
    }

    /** The journal entries of {@code table}, operation and key, sorted. */
    private static List<String> entries(Connection source, String table, String keys) throws Exception {
        return sortedRows(source, "SELECT SYNC_OP, " + keys + " FROM " + SyncNames.journal(table));
    }
}

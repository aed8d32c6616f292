package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wso2.carbon.is.migration.sync.SyncFixture.sortedRows;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * Rows that a foreign key's ON DELETE CASCADE removes on the source are removed on the target too, although no
 * statement names them: on PostgreSQL the synced table's own trigger journals them; on MariaDB, whose foreign key
 * actions fire no trigger, the BEFORE DELETE trigger of the application table (not synced) journals its tokens,
 * their scopes and its codes ({@link CascadePath}), and a token's scopes go with the token's delete applied on the
 * target. Before that trigger existed MariaDB kept on the target the rows of an application deleted on the source.
 */
class RowsAForeignKeyActionReachesTest {

    private static final int OTHER_APP = 2;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void deletingAnApplicationRemovesItsTokensScopesAndCodesFromTheTarget(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0");
        for (TestDatabase database : List.of(fixture.source, fixture.target)) {
            try (Connection connection = database.connect()) {
                // applications are not synced: the migrated copy holds the application as the source did
                SyncFixture.execute(connection, "INSERT INTO IDN_OAUTH_CONSUMER_APPS (ID, CONSUMER_KEY, APP_NAME,"
                        + " TENANT_ID) VALUES (" + OTHER_APP + ", 'other-key', 'other', -1234)");
            }
        }
        new SyncPrepare(fixture.settings, fixture.databases).run();
        SyncRun run = fixture.run();
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.insertToken(writer, OTHER_APP, -1234, "gone-1", "alice", "PRIMARY", "openid", "email");
            SyncFixture.insertToken(writer, OTHER_APP, -1234, "gone-2", "alice", "PRIMARY", "openid");
            SyncFixture.insertCode(writer, OTHER_APP, -1234, "gone-code", "alice", "PRIMARY");
            SyncFixture.insertToken(writer, "kept", "bob", "PRIMARY", "openid");
            SyncFixture.insertCode(writer, -1234, "kept-code", "bob", "PRIMARY");
            SyncFixture.drain(run, 5);
            SyncFixture.execute(writer, "DELETE FROM IDN_OAUTH_CONSUMER_APPS WHERE ID = " + OTHER_APP);
        }

        SyncFixture.drain(run, 5);

        try (Connection target = fixture.target.connect()) {
            assertEquals(List.of("kept"), sortedRows(target, "SELECT TOKEN_ID FROM IDN_OAUTH2_ACCESS_TOKEN"));
            assertEquals(List.of("kept openid"), sortedRows(target, "SELECT TOKEN_ID, TOKEN_SCOPE FROM"
                    + " IDN_OAUTH2_ACCESS_TOKEN_SCOPE"));
            assertEquals(List.of("kept-code"), sortedRows(target, "SELECT CODE_ID FROM IDN_OAUTH2_AUTHORIZATION_CODE"));
            assertEquals(List.of("other"), sortedRows(target, "SELECT APP_NAME FROM IDN_OAUTH_CONSUMER_APPS WHERE ID = "
                    + OTHER_APP), "the application itself is not synced");
        }
        assertEquals(0, new SyncVerify(fixture.settings, fixture.databases, 100).run(false).differences());
    }

    /**
     * The run alone leaves only the new scopes: the token's delete is among its entries, so the target's token is
     * deleted (its scopes with it, by the target's foreign key) before the new one is inserted. Before, MariaDB, whose
     * cascade journals nothing, updated the token and kept the old scopes until {@code verify --repair}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void aTokenDeletedAndIssuedAgainUnderItsIdEndsWithOnlyItsNewScopes(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        SyncRun run = fixture.run();
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.insertToken(writer, "t", "bob", "PRIMARY", "openid", "email");
            SyncFixture.drain(run, 5);
            writer.setAutoCommit(false);
            SyncFixture.deleteToken(writer, "t");
            SyncFixture.insertToken(writer, "t", "bob", "PRIMARY", "profile");
            writer.commit();
        }

        SyncFixture.drain(run, 5);

        try (Connection target = fixture.target.connect()) {
            assertEquals(List.of("profile"), sortedRows(target, "SELECT TOKEN_SCOPE FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE"
                    + " WHERE TOKEN_ID = 't'"));
        }
        SyncNeverLosesARowTest.assertSameRows(fixture);
        assertEquals(0, new SyncVerify(fixture.settings, fixture.databases, 100).run(false).differences());
        new SyncCleanup(fixture.settings, fixture.databases).run();
        try (Connection source = fixture.source.connect()) {
            assertEquals(List.of(), SyncDdl.of(fixture.source.dialect()).leftovers(source),
                    "cleanup removes the triggers on tables it does not sync too");
        }
    }

    /**
     * A token issued again under its id, refused by the target once (a check constraint, then dropped), while its
     * new scope's entry is applied under the old token: when the token is then deleted and written anew on the
     * target, the target's cascade removes that scope, and the run writes it again ({@link ChildRows}) instead of
     * losing it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void aScopeAppliedBeforeItsTokenWasWrittenAnewIsWrittenAgainAfterIt(TestEngine engine) throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0", "retryBackoffMillis", "1");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        SyncRun run = fixture.run();
        try (Connection writer = fixture.source.connect()) {
            SyncFixture.insertToken(writer, "t", "bob", "PRIMARY", "openid");
            SyncFixture.drain(run, 5);
            try (Connection target = fixture.target.connect()) {
                SyncFixture.execute(target, "ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN ADD CONSTRAINT NOT_CAROL_YET"
                        + " CHECK (AUTHZ_USER <> 'carol')");
            }
            writer.setAutoCommit(false);
            SyncFixture.deleteToken(writer, "t");
            SyncFixture.insertToken(writer, "t", "carol", "PRIMARY", "profile");
            writer.commit();
        }
        run.pass();
        try (Connection target = fixture.target.connect()) {
            assertEquals(List.of("bob"), sortedRows(target, "SELECT AUTHZ_USER FROM IDN_OAUTH2_ACCESS_TOKEN"),
                    "the token is refused");
            assertTrue(sortedRows(target, "SELECT TOKEN_SCOPE FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE").contains("profile"),
                    "the new scope is applied under the old token");
            SyncFixture.execute(target, "ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN DROP CONSTRAINT NOT_CAROL_YET");
        }

        SyncFixture.drain(run, 5);
        try (Connection target = fixture.target.connect()) {
            assertEquals(List.of("t carol"),
                    sortedRows(target, "SELECT TOKEN_ID, AUTHZ_USER FROM IDN_OAUTH2_ACCESS_TOKEN"));
            assertEquals(List.of("profile"), sortedRows(target, "SELECT TOKEN_SCOPE FROM"
                    + " IDN_OAUTH2_ACCESS_TOKEN_SCOPE"));
        }
        SyncNeverLosesARowTest.assertSameRows(fixture);
    }
}

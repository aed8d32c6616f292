package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.H2ServerEngine;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * H2 is synced where the old server and the tool are both clients of an H2 server: every test of
 * {@link SyncFixture#engines} runs on an H2 2.x server, and here the whole cycle on H2 1.4.199 and 1.3.175 servers
 * (the engines IS 5.9.0 and IS 5.7.0/5.8.0 ship), whose trigger interface the class must also fit. An embedded
 * database, also one opened with {@code AUTO_SERVER=TRUE}, is refused before anything is created; a server that
 * cannot load the trigger class fails prepare with the reason.
 */
class H2IsSyncedOnlyInServerModeTest {

    @Test
    void prepareAndRunRefuseAnEmbeddedDatabaseSayingWhatToChangeAndCreateNothing() throws Exception {
        SyncFixture fixture = SyncFixture.create(H2Engines.CURRENT, "5.8.0", "5.9.0");

        MigrationException prepare = assertThrows(MigrationException.class,
                () -> new SyncPrepare(fixture.settings, fixture.databases).run());
        assertEquals(ErrorCode.BAD_CONFIGURATION, prepare.errorCode(), prepare.getMessage());
        assertTrue(prepare.getMessage().startsWith("The source database " + fixture.source.url().split(";")[0]
                + " is not served by an H2 server"), prepare.getMessage());
        assertTrue(prepare.getMessage().contains("org.h2.tools.Server -tcp"), prepare.getMessage());
        try (Connection source = fixture.source.connect()) {
            assertEquals(List.of(), SyncDdl.of(Dialect.H2).leftovers(source));
        }
        MigrationException run = assertThrows(MigrationException.class, fixture::run);
        assertEquals(ErrorCode.BAD_CONFIGURATION, run.errorCode(), run.getMessage());
    }

    @Test
    void aDatabaseTheOldServerOpenedWithAutoServerIsRefused() throws Exception {
        SyncFixture fixture = SyncFixture.create(autoServer(H2Engines.CURRENT), "5.8.0", "5.9.0");

        MigrationException prepare = assertThrows(MigrationException.class,
                () -> new SyncPrepare(fixture.settings, fixture.databases).run());
        assertTrue(prepare.getMessage().contains("also one opened with AUTO_SERVER=TRUE"), prepare.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = H2ServerEngine.class, names = {"V1_4_199", "V1_3_175"})
    void onServersOfTheH2EnginesIdentityServerShipsTheWholeCycleEndsEqualAndClean(H2ServerEngine engine)
            throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.8.0", "5.9.0");
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection source = fixture.source.connect()) {
            SyncFixture.insertToken(source, "t1", "alice", "PRIMARY", "openid", "email");
            SyncFixture.insertToken(source, "t2", "bob", "PRIMARY", "openid");
            SyncFixture.revokeToken(source, "t1");
            SyncFixture.deleteToken(source, "t2");
            SyncFixture.putUserData(source, "alice", "old-key", "v");
            SyncFixture.execute(source, "UPDATE IDN_IDENTITY_USER_DATA SET DATA_KEY = 'new-key' WHERE DATA_KEY ="
                    + " 'old-key'");
            assertEquals(List.of("I", "K", "U"), SyncNeverLosesARowTest.journalOperations(source,
                    "IDN_IDENTITY_USER_DATA"), "the insert, then the old key and the new key");
            assertEquals(List.of("I", "I", "I", "D"), SyncNeverLosesARowTest.journalOperations(source,
                    "IDN_OAUTH2_ACCESS_TOKEN_SCOPE"), "three scopes, and t2's deleted by the foreign key: H2 fires"
                    + " the scope table's own trigger for it");
        }
        SyncFixture.drain(fixture.run(), 5);
        SyncNeverLosesARowTest.assertSameRows(fixture);
        assertEquals(0, new SyncVerify(fixture.settings, fixture.databases, 100).run(false).differences());
        assertEquals(5 + 4, new SyncCleanup(fixture.settings, fixture.databases).run().size());
        assertEquals(List.of(), new SyncCleanup(fixture.settings, fixture.databases).run());
    }

    @Test
    void aServerWithoutTheJarFailsPrepareNamingTheClassAndWhatWasLeft() throws Exception {
        SyncFixture fixture = SyncFixture.create(H2ServerEngine.V1_4_199_WITHOUT_THE_TOOL, "5.8.0", "5.9.0");

        MigrationException prepare = assertThrows(MigrationException.class,
                () -> new SyncPrepare(fixture.settings, fixture.databases).run());
        assertTrue(prepare.getMessage().contains(H2JournalTrigger.class.getName() + " (in this jar) must be on that"
                + " engine's class path"), prepare.getMessage());
        assertTrue(prepare.getMessage().contains("What it created before the failure is still there"),
                prepare.getMessage());
    }

    /** File databases of {@code engine} that the first process to open them serves to the others. */
    private static TestEngine autoServer(H2Engines engine) {
        return new TestEngine() {
            @Override
            public String label() {
                return engine.label() + " AUTO_SERVER";
            }

            @Override
            public Dialect dialect() {
                return Dialect.H2;
            }

            @Override
            public List<String> factsDialects() {
                return engine.factsDialects();
            }

            @Override
            public TestDatabase newDatabase() {
                TestDatabase file = engine.newFileDatabase();
                return new TestDatabase(Dialect.H2, label(), file.name(), file.url() + ";AUTO_SERVER=TRUE",
                        file.user(), file.password(), file.driver());
            }
        };
    }
}

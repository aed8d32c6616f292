package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * {@code sync verify} on a 5.7.0 source and its 5.9.0 target, in chunks of 3 rows: after a sync it finds nothing
 * (the federated domain compared after the release transform); a row missing, a value changed and a row only the
 * target has are each found, and nothing else; repair queues them and the next run makes the sides equal again.
 */
class SyncVerifyTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void everyInjectedDifferenceIsFoundWithoutFalsePositivesAndRepairedByTheNextRun(TestEngine engine)
            throws Exception {
        SyncFixture fixture = SyncFixture.create(engine, "5.7.0", "5.9.0", "syncInterval", "10");
        for (Connection connection : List.of(fixture.source.connect(), fixture.target.connect())) {
            try (connection) {
                SyncFixture.execute(connection, "INSERT INTO IDP (ID, TENANT_ID, NAME) VALUES (11, -1234, 'LOCAL'),"
                        + " (12, -1234, 'Google')");
            }
        }
        new SyncPrepare(fixture.settings, fixture.databases).run();
        try (Connection writer = fixture.source.connect()) {
            for (int i = 0; i < 8; i++) {
                SyncFixture.insertToken(writer, "t" + i, "user" + i, i % 2 == 0 ? "PRIMARY" : "FEDERATED:Google",
                        "openid", "email");
                SyncFixture.putUserData(writer, "user" + i, "key", "value" + i);
            }
        }
        SyncRun run = fixture.run();
        SyncFixture.drain(run, 3);
        SyncVerify verify = new SyncVerify(fixture.settings, fixture.databases, 3);
        VerifyReport clean = verify.run(false);
        assertEquals(0, clean.differences(), clean.text());

        try (Connection target = fixture.target.connect()) {
            SyncFixture.execute(target, "DELETE FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE WHERE TOKEN_ID = 't1' AND"
                    + " TOKEN_SCOPE = 'email'");
            SyncFixture.execute(target, "UPDATE IDN_OAUTH2_ACCESS_TOKEN SET AUTHZ_USER = 'mallory' WHERE"
                    + " TOKEN_ID = 't6'");
            // a local user's token moved to the Google IdP: only IDP_ID differs, which the source does not have
            SyncFixture.execute(target, "UPDATE IDN_OAUTH2_ACCESS_TOKEN SET IDP_ID = 12 WHERE TOKEN_ID = 't2'");
            SyncFixture.putUserData(target, "only-on-target", "key", "value");
        }
        VerifyReport found = verify.run(true);
        assertEquals(4, found.differences(), found.text());
        assertEquals(List.of("[t1, email]"), found.differingKeys("IDN_OAUTH2_ACCESS_TOKEN_SCOPE"));
        assertEquals(List.of("[t2]", "[t6]"), found.differingKeys("IDN_OAUTH2_ACCESS_TOKEN"));
        assertEquals(List.of("[-1234, only-on-target, key]"), found.differingKeys("IDN_IDENTITY_USER_DATA"));

        SyncFixture.drain(run, 3);
        VerifyReport repaired = verify.run(false);
        assertEquals(0, repaired.differences(), repaired.text());
    }
}

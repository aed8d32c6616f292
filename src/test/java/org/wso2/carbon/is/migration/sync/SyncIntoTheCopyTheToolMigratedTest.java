package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.SampleData;
import org.wso2.carbon.is.migration.testsupport.ShippedMigration;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The switch-over as the 5.9.0 guide's zero-downtime path runs it: a 5.7.0 installation (rows in nearly every
 * table, built from the release facts) keeps serving while a copy of its databases is migrated to 5.9.0 by this
 * tool with the shipped config; the old server's writes made after the copy (local and federated tokens with
 * scopes, a revoke, a delete, codes, user data) are carried by the sync; then verify finds no difference, and,
 * independently of verify, every token and code of the source is on the target as the migration's rule makes it.
 */
class SyncIntoTheCopyTheToolMigratedTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void theOldServersWritesAfterTheCopyReachTheMigratedDatabaseWithNoDifference(TestEngine engine)
            throws Exception {
        TestDatabase old = installation(engine, false);
        TestDatabase copy = installation(engine, false);
        TestDatabase copyShared = installation(engine, true);
        Map<String, Integer> idps = idps(copy);
        assertEquals(idps(old), idps, "the copy has the old installation's IdPs, with their ids");

        IsHome home = ShippedMigration.home(copy, copyShared, "5.7.0");
        ShippedMigration.Outcome migration = ShippedMigration.asTheServer(home, copy, copyShared);
        assertEquals(0, migration.exitCode(), migration.output());

        SyncFixture sync = SyncFixture.between(old, copy, "5.7.0", "5.9.0");
        new SyncPrepare(sync.settings, sync.databases).run();
        try (Connection writer = sync.source.connect()) {
            SyncFixture.insertToken(writer, "after-copy-local", "alice", "PRIMARY", "openid", "email");
            SyncFixture.insertToken(writer, "after-copy-federated", "bob@gmail", "FEDERATED:Google", "openid");
            SyncFixture.insertToken(writer, "after-copy-revoked", "carol", "PRIMARY", "openid");
            SyncFixture.revokeToken(writer, "after-copy-revoked");
            SyncFixture.insertToken(writer, "after-copy-deleted", "dan", "PRIMARY", "openid");
            SyncFixture.deleteToken(writer, "after-copy-deleted");
            SyncFixture.insertCode(writer, -1234, "after-copy-code", "bob@gmail", "FEDERATED:Google");
            SyncFixture.putUserData(writer, "alice", "lastLogon", "1");
        }
        SyncFixture.drain(sync.run(), 5);

        VerifyReport verify = new SyncVerify(sync.settings, sync.databases, 7).run(false);
        assertEquals(0, verify.differences(), verify.text());
        try (Connection source = sync.source.connect(); Connection target = sync.target.connect()) {
            assertEquals(expected(source, "IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", idps),
                    actual(target, "IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID"));
            assertEquals(expected(source, "IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID", idps),
                    actual(target, "IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID"));
            assertEquals("PRIMARY " + idps.get("-1234 LOCAL"), actual(target, "IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID")
                    .get("after-copy-local"));
            assertEquals("FEDERATED " + idps.get("-1234 Google"), actual(target, "IDN_OAUTH2_ACCESS_TOKEN",
                    "TOKEN_ID").get("after-copy-federated"));
            for (String table : List.of("IDN_OAUTH2_ACCESS_TOKEN_SCOPE", "IDN_IDENTITY_USER_DATA")) {
                List<String> keys = table.equals("IDN_IDENTITY_USER_DATA")
                        ? List.of("TENANT_ID", "USER_NAME", "DATA_KEY") : List.of("TOKEN_ID", "TOKEN_SCOPE");
                assertEquals(SyncFixture.rows(source, target, table, keys),
                        SyncFixture.rows(target, source, table, keys), table);
            }
        }
    }

    /**
     * A 5.7.0 identity (or shared) database with the sample rows, the OAuth app the writes use, and the super
     * tenant's LOCAL and Google IdPs; built the same way twice, it is the old installation and the copy a dump
     * restore gives.
     */
    private static TestDatabase installation(TestEngine engine, boolean shared) throws Exception {
        TestDatabase database = engine.newDatabase();
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(engine.factsDialects().get(0), "5.7.0",
                    shared));
            SampleData.fill(connection, 2);
            if (!shared) {
                SyncFixture.execute(connection, "INSERT INTO IDP (TENANT_ID, NAME) VALUES (-1234, 'LOCAL')");
                SyncFixture.execute(connection, "INSERT INTO IDP (TENANT_ID, NAME) VALUES (-1234, 'Google')");
                assertEquals(1, count(connection, "SELECT COUNT(*) FROM IDN_OAUTH_CONSUMER_APPS WHERE ID = "
                        + SyncFixture.APP_ID), "the sample data has the app the writes name");
            }
        }
        return database;
    }

    private static Map<String, Integer> idps(TestDatabase database) throws Exception {
        Map<String, Integer> idps = new TreeMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TENANT_ID, NAME, ID FROM IDP")) {
            while (rows.next()) {
                idps.put(rows.getInt(1) + " " + rows.getString(2), rows.getInt(3));
            }
        }
        return idps;
    }

    /**
     * Per source row, USER_DOMAIN and IDP_ID as the 5.8.0 rule makes them: {@code FEDERATED:<idp>} becomes
     * {@code FEDERATED} with that IdP of the tenant, anything else the tenant's LOCAL IdP; none found, as it was and
     * no IdP.
     */
    private static Map<String, String> expected(Connection source, String table, String key,
                                                Map<String, Integer> idps) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Statement statement = source.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + key + ", TENANT_ID, USER_DOMAIN FROM " + table)) {
            while (result.next()) {
                String domain = result.getString(3);
                boolean federated = domain != null && domain.startsWith("FEDERATED:");
                Integer idp = idps.get(result.getInt(2) + " " + (federated ? domain.substring(10) : "LOCAL"));
                rows.put(result.getString(1), (idp != null && federated ? "FEDERATED" : domain) + " " + idp);
            }
        }
        return rows;
    }

    private static Map<String, String> actual(Connection target, String table, String key) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Statement statement = target.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + key + ", USER_DOMAIN, IDP_ID FROM " + table)) {
            while (result.next()) {
                rows.put(result.getString(1), result.getString(2) + " " + result.getString(3));
            }
        }
        return rows;
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

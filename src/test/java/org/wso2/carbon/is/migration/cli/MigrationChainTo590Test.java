package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.schema.LiveSchemaReader;
import org.wso2.carbon.is.migration.schema.SchemaComparer;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.DataFingerprint;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.SampleData;
import org.wso2.carbon.is.migration.testsupport.ShippedMigration;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;
import org.wso2.carbon.is.migration.testsupport.UmaTablesRenamedIn570;

/**
 * The core promise over the whole chain: identity and shared databases created by 5.5.0, 5.6.0, 5.7.0 or 5.8.0, with
 * rows in nearly every table, migrated with the shipped migration-config.yaml (only currentVersion changed) end with exactly
 * the 5.9.0 fresh-install schema, every pre-existing row kept (the UMA rows across 5.7.0's rename of their tables),
 * IDP_ID filled by the rule, and a second run that changes nothing. Both entry points: the standalone command line (deployment.toml, drivers from lib/) and the
 * server's path (the same run the DS component starts, with DataSources looked up by name).
 */
class MigrationChainTo590Test {

    /** engine, facts of the starting databases, facts of 5.9.0, starting release, entry point */
    static Stream<Arguments> cases() {
        // H2 through the command line runs the engine IS 5.9.0 ships (1.4.199, from plugins/). Two H2 2.x engines in
        // one JVM (the test's and the command line's isolated copy) were seen to disagree about a file's latest
        // commits, so 2.x is exercised through the server path, where one engine serves both test and migration.
        return Stream.of(
                Arguments.of("H2 1.4.199", "h2", "h2", "5.7.0", "cli"),
                Arguments.of("H2 2.x", "h2", "h2", "5.7.0", "server"),
                Arguments.of("H2 2.x", "h2", "h2", "5.8.0", "server"),
                Arguments.of("PostgreSQL", "postgresql", "postgresql", "5.7.0", "cli"),
                Arguments.of("PostgreSQL", "postgresql", "postgresql", "5.7.0", "server"),
                Arguments.of("PostgreSQL", "postgresql", "postgresql", "5.8.0", "cli"),
                Arguments.of("MariaDB", "mysql", "mysql", "5.7.0", "cli"),
                Arguments.of("MariaDB", "mysql5.7", "mysql", "5.7.0", "server"),
                Arguments.of("MariaDB", "mysql", "mysql", "5.8.0", "cli"),
                Arguments.of("MariaDB", "mysql5.7", "mysql", "5.8.0", "server"),
                Arguments.of("H2 1.4.199", "h2", "h2", "5.5.0", "cli"),
                Arguments.of("H2 2.x", "h2", "h2", "5.6.0", "server"),
                Arguments.of("PostgreSQL", "postgresql", "postgresql", "5.5.0", "server"),
                Arguments.of("PostgreSQL", "postgresql", "postgresql", "5.6.0", "cli"),
                Arguments.of("MariaDB", "mysql", "mysql", "5.5.0", "cli"),
                Arguments.of("MariaDB", "mysql", "mysql", "5.6.0", "server"));
    }

    @ParameterizedTest(name = "{0} {1} {3} -> 5.9.0 via {4}")
    @MethodSource("cases")
    void theChainEndsAtThe590SchemaKeepsEveryRowAndFillsIdpId(String engineName, String fromFacts, String toFacts,
                                                              String from, String entry) throws Exception {
        TestEngine engine = engine(engineName);
        // H2 in files: the command line's driver lives in its own class loader and cannot see in-memory databases.
        TestDatabase identity = engine instanceof H2Engines h2 ? h2.newFileDatabase() : engine.newDatabase();
        TestDatabase shared = engine instanceof H2Engines h2 ? h2.newFileDatabase() : engine.newDatabase();
        Map<String, List<String>> identityColumns;
        Map<String, List<String>> sharedColumns;
        Map<String, DataFingerprint.TableData> identityBefore;
        Map<String, DataFingerprint.TableData> sharedBefore;
        int localIdp;
        boolean before570 = from.equals("5.5.0") || from.equals("5.6.0");
        List<String> hashesIn570Form;
        try (Connection connection = identity.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(fromFacts, from, false));
            SampleData.fill(connection, 3);
            localIdp = addLocalTokens(connection);
            hashesIn570Form = before570 ? hashes(connection).stream().map(MigrationChainTo590Test::in570Form).toList()
                    : List.of();
            // From before 5.7.0 the hash step rewrites the three hash columns by design (checked on their own below).
            identityColumns = withoutHashColumns(withoutClaimTables(
                    UmaTablesRenamedIn570.keptColumns(DataFingerprint.columns(connection))), before570);
            identityBefore = UmaTablesRenamedIn570.renamed(DataFingerprint.of(connection, identityColumns));
        }
        try (Connection connection = shared.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(fromFacts, from, true));
            SampleData.fill(connection, 3);
            sharedColumns = DataFingerprint.columns(connection);
            sharedBefore = DataFingerprint.of(connection, sharedColumns);
        }
        IsHome home = home(identity, shared, from);

        Run first = run(entry, home, identity, shared);
        assertEquals(0, first.exitCode(), first.output());
        try (Connection connection = identity.connect()) {
            assertEquals(List.of(), differences(connection, identity, SchemaFacts.load(toFacts, "5.9.0", false)),
                    "identity database = 5.9.0 fresh install");
            assertEquals(identityBefore, DataFingerprint.of(connection, UmaTablesRenamedIn570.renamed(identityColumns)),
                    "identity rows kept");
            if (!from.equals("5.8.0")) {
                assertEquals(localIdp, idpIdOf(connection, "chain-local-token"), "IDP_ID = the tenant's LOCAL IdP");
            } // From 5.8.0 the OAuth data step is not in the chain: a 5.8.0 server wrote IDP_ID itself.
            if (before570) {
                assertEquals(hashesIn570Form, hashes(connection), "every stored hash in the 5.7.0 JSON form");
            }
            if (from.equals("5.5.0")) {
                assertEverySessionExpiresByTheRule(connection, "");
            }
        }
        try (Connection connection = shared.connect()) {
            assertEquals(List.of(), differences(connection, shared, SchemaFacts.load(toFacts, "5.9.0", true)),
                    "shared database = 5.9.0 fresh install");
            assertEquals(sharedBefore, DataFingerprint.of(connection, sharedColumns), "shared rows kept");
        }

        Run second = run(entry, home, identity, shared);
        assertEquals(0, second.exitCode(), second.output());
        assertFalse(second.output().contains("\"outcome\": \"APPLIED\""), second.output());
        assertTrue(second.output().contains("ALREADY_APPLIED"), second.output());
        try (Connection connection = identity.connect()) {
            assertEquals(identityBefore,
                    DataFingerprint.of(connection, UmaTablesRenamedIn570.renamed(identityColumns)));
        }
    }

    /**
     * Every session stored before 5.6.0 (all of IDN_AUTH_SESSION_STORE, in a database from 5.5.0) expires 20160
     * minutes, the default clean-up timeout, after its TIME_CREATED, both in nanoseconds.
     */
    static void assertEverySessionExpiresByTheRule(Connection connection, String context) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*), SUM(CASE WHEN EXPIRY_TIME = TIME_CREATED"
                     + " + 1209600000000000 THEN 1 ELSE 0 END) FROM IDN_AUTH_SESSION_STORE")) {
            rows.next();
            assertEquals(rows.getLong(1), rows.getLong(2), "every 5.5.0 session expires 20160 minutes after its"
                    + " TIME_CREATED (nanoseconds)" + context);
        }
    }

    /** A LOCAL identity provider and a local token of its tenant; returns the IdP's id. */
    private static int addLocalTokens(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO IDP (TENANT_ID, NAME) VALUES (77, 'LOCAL')");
            int consumerApp;
            try (ResultSet rows = statement.executeQuery("SELECT MIN(ID) FROM IDN_OAUTH_CONSUMER_APPS")) {
                rows.next();
                consumerApp = rows.getInt(1);
            }
            statement.executeUpdate("INSERT INTO IDN_OAUTH2_ACCESS_TOKEN (TOKEN_ID, CONSUMER_KEY_ID, AUTHZ_USER,"
                    + " TENANT_ID, USER_DOMAIN, USER_TYPE, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID, TIME_CREATED,"
                    + " REFRESH_TOKEN_TIME_CREATED) VALUES ('chain-local-token', " + consumerApp + ", 'alice', 77,"
                    + " 'PRIMARY', 'APPLICATION_USER', 'h', 'ACTIVE', 'NONE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            try (ResultSet rows = statement.executeQuery("SELECT ID FROM IDP WHERE TENANT_ID = 77 AND NAME = 'LOCAL'")) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int idpIdOf(Connection connection, String token) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT IDP_ID FROM IDN_OAUTH2_ACCESS_TOKEN WHERE TOKEN_ID = ?")) {
            query.setString(1, token);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                return rows.getInt(1);
            }
        }
    }

    /** The three hash columns of the token and code tables, one entry per row and column, in key order. */
    static List<String> hashes(Connection connection) throws Exception {
        List<String> hashes = new ArrayList<>();
        for (String[] table : new String[][]{{"IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", "ACCESS_TOKEN_HASH"},
                {"IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", "REFRESH_TOKEN_HASH"},
                {"IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID", "AUTHORIZATION_CODE_HASH"}}) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT " + table[1] + ", " + table[2] + " FROM " + table[0]
                         + " ORDER BY " + table[1])) {
                while (rows.next()) {
                    hashes.add(table[2] + "|" + rows.getString(1) + "|" + rows.getString(2));
                }
            }
        }
        return hashes;
    }

    /** A stored hash as 5.7.0 writes it (SHA-256, the default); no hash stays none. */
    static String in570Form(String entry) {
        int value = entry.lastIndexOf('|') + 1;
        String hash = entry.substring(value);
        return hash.equals("null") || hash.isEmpty() ? entry
                : entry.substring(0, value) + "{\"hash\":\"" + hash + "\",\"algorithm\":\"SHA-256\"}";
    }

    static Map<String, List<String>> withoutHashColumns(Map<String, List<String>> columns, boolean drop) {
        if (!drop) {
            return columns;
        }
        List<String> hashColumns = List.of("ACCESS_TOKEN_HASH", "REFRESH_TOKEN_HASH", "AUTHORIZATION_CODE_HASH");
        Map<String, List<String>> kept = new TreeMap<>();
        columns.forEach((table, names) -> kept.put(table, table.toUpperCase(Locale.ROOT).startsWith("IDN_OAUTH2_")
                ? names.stream().filter(name -> !hashColumns.contains(name.toUpperCase(Locale.ROOT))).toList()
                : names));
        return kept;
    }

    /** ClaimDataMigrator adds rows to the claim tables by design; every other table must be untouched. */
    static Map<String, List<String>> withoutClaimTables(Map<String, List<String>> columns) {
        Map<String, List<String>> kept = new TreeMap<>(columns);
        kept.keySet().removeIf(table -> table.startsWith("IDN_CLAIM"));
        return kept;
    }

    static TestEngine engine(String name) {
        return switch (name) {
            case "H2 2.x" -> H2Engines.CURRENT;
            case "H2 1.4.199" -> H2Engines.V1_4_199;
            case "PostgreSQL" -> PostgresEngine.instance();
            case "MariaDB" -> MariaDbEngine.instance();
            default -> throw new IllegalArgumentException(name);
        };
    }

    static IsHome home(TestDatabase identity, TestDatabase shared, String from) throws Exception {
        return ShippedMigration.home(identity, shared, from);
    }

    record Run(int exitCode, String output) {
    }

    private static Run run(String entry, IsHome home, TestDatabase identity, TestDatabase shared) throws Exception {
        if (entry.equals("cli")) {
            StandaloneMigration580To590Test.Run run = StandaloneMigration580To590Test.cli("migrate", home, List.of());
            return new Run(run.exitCode(), run.output());
        }
        // The server's path: the run MigrationComponent starts, DataSources found by their names.
        ShippedMigration.Outcome outcome = ShippedMigration.asTheServer(home, identity, shared);
        return new Run(outcome.exitCode(), outcome.output());
    }

    static List<String> differences(Connection connection, TestDatabase database, SchemaFacts facts)
            throws Exception {
        return SchemaComparer.compare(facts, LiveSchemaReader.read(connection, database.dialect())).stream()
                .map(Object::toString).toList();
    }
}

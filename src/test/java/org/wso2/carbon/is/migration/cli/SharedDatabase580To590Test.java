package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.cli.StandaloneMigration580To590Test.Run;
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
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * The whole 5.9.0 release step through the command line with the shipped migration-config.yaml: an identity database
 * and a shared (UM_/REG_) database created by 5.8.0 from the release facts, with rows in nearly every table, become
 * exactly the 5.9.0 fresh-install schemas, keep every row, and a second run changes nothing. On MariaDB both 5.8.0
 * MySQL variants are covered: the plain {@code mysql.sql} one (15 identity column attributes, 2 index names and 4
 * registry defaults differ from 5.9.0) and the {@code mysql5.7} one (already has them).
 *
 * <p>And the preconditions: a shared database whose rows would break the new NOT NULL / UNIQUE rules stops the run
 * before anything changes, listing the rows and how to resolve them.
 *
 * <p>Engine-forced differences: none is ignored. The release leaves the new UNIQUE constraints on UM_DOMAIN,
 * UM_HYBRID_ROLE and UM_SYSTEM_ROLE unnamed; the comparer matches unnamed constraints by their columns, so the
 * names the scripts give them (the engine's own generated names on PostgreSQL and MariaDB, UC_&lt;table&gt; on H2)
 * do not count as a difference.
 */
class SharedDatabase580To590Test {

    /** engine, facts both 5.8.0 databases are built from */
    static Stream<Arguments> engines() {
        return Stream.of(
                // H2 2.x is migrated through the server path in MigrationChainTo590Test: two H2 2.x engines in one
                // JVM (the test's and the command line's isolated copy) were seen to disagree about a file's latest
                // commits, which says nothing about the migration; the engine IS 5.9.0 ships is 1.4.199.
                Arguments.of("H2 1.4.199", "h2"),
                Arguments.of("PostgreSQL", "postgresql"),
                Arguments.of("MariaDB", "mysql"),
                Arguments.of("MariaDB", "mysql5.7"));
    }

    @ParameterizedTest(name = "{0} from 5.8.0 {1}")
    @MethodSource("engines")
    void both580DatabasesBecomeExactly590KeepEveryRowAndASecondRunChangesNothing(String engine, String fromFacts)
            throws Exception {
        TestDatabase identity = newDatabase(engine);
        TestDatabase shared = newDatabase(engine);
        Built identityBefore = build(identity, SchemaFacts.load(fromFacts, "5.8.0", false));
        Built sharedBefore = build(shared, SchemaFacts.load(fromFacts, "5.8.0", true));
        IsHome home = home(engine, identity, shared);
        String toFacts = fromFacts.equals("mysql5.7") ? "mysql" : fromFacts;

        Run migrate = StandaloneMigration580To590Test.cli("migrate", home, lib(engine, home));
        assertEquals(0, migrate.exitCode(), migrate.output());
        assertEquals(List.of(), differences(identity, SchemaFacts.load(toFacts, "5.9.0", false)),
                "the identity database is the 5.9.0 fresh-install schema");
        assertEquals(List.of(), differences(shared, SchemaFacts.load(toFacts, "5.9.0", true)),
                "the shared database is the 5.9.0 fresh-install schema");
        assertEquals(identityBefore.data(), identityBefore.now(identity), "every identity row kept as it was");
        assertEquals(sharedBefore.data(), sharedBefore.now(shared), "every shared row kept as it was");
        long identityLedger = ledgerRows(identity);
        long sharedLedger = ledgerRows(shared);
        assertEquals(2, sharedLedger, "um and registry recorded in the shared database's ledger");

        Run again = StandaloneMigration580To590Test.cli("migrate", home, lib(engine, home));
        assertEquals(0, again.exitCode(), again.output());
        assertTrue(again.output().contains("ALREADY_APPLIED"), again.output());
        assertFalse(again.output().contains("\"outcome\": \"APPLIED\""), again.output());
        assertEquals(identityLedger, ledgerRows(identity), "nothing ran, nothing recorded");
        assertEquals(sharedLedger, ledgerRows(shared), "nothing ran, nothing recorded");
        assertEquals(sharedBefore.data(), sharedBefore.now(shared));
        assertEquals(List.of(), differences(shared, SchemaFacts.load(toFacts, "5.9.0", true)));
    }

    /** engine, facts */
    static Stream<Arguments> breakingRows() {
        return Stream.of(
                Arguments.of("H2 2.x", "h2"),
                Arguments.of("PostgreSQL", "postgresql"),
                Arguments.of("MariaDB", "mysql"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingRows")
    void rowsThatBreakTheNewRulesStopTheRunWithAListingAndChangeNothing(String engine, String facts)
            throws Exception {
        TestDatabase shared = newDatabase(engine);
        SchemaFacts before = SchemaFacts.load(facts, "5.8.0", true);
        Built built = build(shared, before);
        try (Connection connection = shared.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.executeUpdate("INSERT INTO UM_HYBRID_ROLE (UM_ROLE_NAME, UM_TENANT_ID) VALUES ('Internal/twice', 7)");
            statement.executeUpdate("INSERT INTO UM_HYBRID_ROLE (UM_ROLE_NAME, UM_TENANT_ID) VALUES ('Internal/twice', 7)");
            statement.executeUpdate("INSERT INTO UM_DOMAIN (UM_DOMAIN_NAME, UM_TENANT_ID) VALUES (NULL, 7)");
            statement.executeUpdate("INSERT INTO REG_PATH (REG_PATH_VALUE, REG_PATH_PARENT_ID, REG_TENANT_ID)"
                    + " VALUES ('/_system/twice', NULL, 7)");
            statement.executeUpdate("INSERT INTO REG_PATH (REG_PATH_VALUE, REG_PATH_PARENT_ID, REG_TENANT_ID)"
                    + " VALUES ('/_system/twice', NULL, 7)");
        }
        Map<String, DataFingerprint.TableData> withBadRows = built.now(shared);
        IsHome home = home(engine, shared, shared).withConfig(sharedStepsOnly());

        Run migrate = StandaloneMigration580To590Test.cli("migrate", home, lib(engine, home));

        assertEquals(1, migrate.exitCode(), migrate.output());
        String output = migrate.output();
        assertTrue(output.contains("UM_HYBRID_ROLE: a role name appears once per tenant"), output);
        assertTrue(output.matches("(?s).*UM_ID=\\d+, UM_ROLE_NAME=Internal/twice, UM_TENANT_ID=7.*"), output);
        assertTrue(output.contains("UM_DOMAIN: every domain has a name"), output);
        assertTrue(output.matches("(?s).*UM_DOMAIN_ID=\\d+, UM_TENANT_ID=7.*"), output);
        assertTrue(output.contains("REG_PATH: a path appears once per tenant"), output);
        assertTrue(output.matches("(?s).*REG_PATH_ID=\\d+, REG_PATH_VALUE=/_system/twice, REG_TENANT_ID=7.*"), output);
        assertTrue(output.contains("To resolve: For each role name listed more than once"), output);
        assertTrue(output.contains("no row was deleted or rewritten"), output);
        assertFalse(output.contains("UM_HYBRID_ROLE: every role has a name"), "a rule no row breaks is not listed");

        assertEquals(withBadRows, built.now(shared), "no row changed");
        assertEquals(List.of(), differences(shared, before), "the schema is still 5.8.0");
        assertEquals(0, ledgerRows(shared), "no step recorded");
    }

    private static String sharedStepsOnly() {
        return """
                currentVersion: "5.8.0"
                migrateVersion: "5.9.0"
                versions:
                  - version: "5.9.0"
                    migratorConfigs:
                      - {name: SchemaMigrator, order: 3, parameters: {location: step2, schema: um}}
                      - {name: SchemaMigrator, order: 4, parameters: {location: step2, schema: registry}}
                """;
    }

    /** A database built from facts and filled, with what it held. */
    private record Built(Map<String, List<String>> columns, Map<String, DataFingerprint.TableData> data) {
        Map<String, DataFingerprint.TableData> now(TestDatabase database) throws Exception {
            try (Connection connection = database.connect()) {
                return DataFingerprint.of(connection, columns);
            }
        }
    }

    private static Built build(TestDatabase database, SchemaFacts facts) throws Exception {
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, facts);
            SampleData.Result sample = SampleData.fill(connection, 3);
            assertTrue(sample.filled().size() >= (facts.kernel() ? 30 : 80), "rows in nearly every table: " + sample);
            Map<String, List<String>> columns = new java.util.TreeMap<>(DataFingerprint.columns(connection));
            // The shipped config's ClaimDataMigrator adds the release's claims by design; every other row is kept.
            columns.keySet().removeIf(table -> table.startsWith("IDN_CLAIM"));
            return new Built(columns, DataFingerprint.of(connection, columns));
        }
    }

    private static TestDatabase newDatabase(String engine) {
        return switch (engine) {
            case "H2 1.4.199" -> H2Engines.V1_4_199.newFileDatabase();
            case "H2 2.x" -> H2Engines.CURRENT.newFileDatabase();
            case "PostgreSQL" -> PostgresEngine.instance().newDatabase();
            case "MariaDB" -> MariaDbEngine.instance().newDatabase();
            default -> throw new IllegalArgumentException(engine);
        };
    }

    private static IsHome home(String engine, TestDatabase identity, TestDatabase shared) {
        String type = switch (identity.dialect()) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgre";
            default -> "mysql"; // MariaDB behind IS's "mysql" type; the MariaDB driver takes the URL
        };
        IsHome home = IsHome.create("shared-" + engine.replace(' ', '-').replace(".", ""))
                .withProjectResources()
                .withDeploymentToml(IsHome.databaseSection("identity_db", type, identity.url(), identity.user(),
                        identity.password())
                        + IsHome.databaseSection("shared_db", type, shared.url(), shared.user(), shared.password()));
        switch (engine) {
            case "H2 1.4.199" -> home.withPlugin("h2-1.4.199.jar", "h2_1.4.199.wso2v1.jar");
            case "PostgreSQL" -> home.withDriverInLib("postgresql-42.7.4.jar");
            case "MariaDB" -> home.withDriverInLib("mariadb-java-client-3.4.1.jar");
            default -> { } // H2 2.x: --lib
        }
        return home;
    }

    private static List<String> lib(String engine, IsHome home) {
        return engine.equals("H2 2.x") ? List.of("--lib", home.extraLibWith("h2-2.3.232.jar").toString()) : List.of();
    }

    private static List<String> differences(TestDatabase database, SchemaFacts facts) throws Exception {
        try (Connection connection = database.connect()) {
            return SchemaComparer.compare(facts, LiveSchemaReader.read(connection, database.dialect())).stream()
                    .map(Object::toString).toList();
        }
    }

    /** Rows of the ledger, 0 when it was never created. */
    private static long ledgerRows(TestDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            boolean exists = false;
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (tables.next()) {
                    exists |= tables.getString("TABLE_NAME").equalsIgnoreCase("IS_MIGRATION_HISTORY");
                }
            }
            if (!exists) {
                return 0;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY")) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
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
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * The 5.9.0 guide's own case, on real engines, through the standalone command line: an identity database created by
 * 5.8.0 (from the release facts, with rows in nearly every table) becomes exactly the 5.9.0 fresh-install schema,
 * keeps every row, and a second run changes nothing. The drivers are found where an operator's installation has
 * them: H2 1.4.199 as the server's own bundle in plugins/, the others in lib/ or a --lib folder.
 */
class StandaloneMigration580To590Test {

    /** engine, facts the 5.8.0 database is built from, facts of 5.9.0, how the driver is provided */
    static Stream<Arguments> engines() {
        return Stream.of(
                Arguments.of("H2 1.4.199", "h2", "h2", "plugins"),
                Arguments.of("H2 2.x", "h2", "h2", "--lib"),
                Arguments.of("PostgreSQL", "postgresql", "postgresql", "lib"),
                // 5.9.0 ships one mysql.sql, equal to 5.8.0's mysql5.7 variant plus the new tables; the plain
                // mysql.sql 5.8.0 variant is the 5.7.0-chain issue's case.
                Arguments.of("MariaDB", "mysql5.7", "mysql", "lib"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void a580IdentityDatabaseBecomesExactly590AndKeepsEveryRow(String engine, String fromFacts, String toFacts,
                                                               String driverPlace) throws Exception {
        TestDatabase database = newDatabase(engine);
        Map<String, List<String>> columnsBefore;
        Map<String, DataFingerprint.TableData> dataBefore;
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(fromFacts, "5.8.0", false));
            SampleData.Result sample = SampleData.fill(connection, 3);
            assertTrue(sample.filled().size() >= 80, "rows in nearly every table: " + sample);
            // The claim step (ClaimDataMigrator) adds the release's claims to IDN_CLAIM*; every other row stays.
            columnsBefore = withoutClaimTables(DataFingerprint.columns(connection));
            dataBefore = DataFingerprint.of(connection, columnsBefore);
        }
        // The shared database: the claim step reads its tenants (UM_TENANT) there, and the shipped configuration's
        // shared-database steps (step2 um, registry) change it; SharedDatabase580To590Test checks what they do.
        TestDatabase shared = newDatabase(engine);
        try (Connection connection = shared.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(fromFacts, "5.8.0", true));
        }
        IsHome home = home(engine, database, shared, driverPlace);
        List<String> lib = driverPlace.equals("--lib")
                ? List.of("--lib", home.extraLibWith("h2-2.3.232.jar").toString()) : List.of();

        // A dry run shows the plan and changes nothing, not even the ledger.
        Run dryRun = cli("dry-run", home, lib);
        assertEquals(0, dryRun.exitCode, dryRun.output);
        assertTrue(dryRun.output.contains("CREATE TABLE"), dryRun.output);
        try (Connection connection = database.connect()) {
            assertEquals(List.of(), differences(connection, database, SchemaFacts.load(fromFacts, "5.8.0", false)));
            assertFalse(hasLedger(connection));
        }

        Run migrate = cli("migrate", home, lib);
        assertEquals(0, migrate.exitCode, migrate.output);
        try (Connection connection = database.connect()) {
            assertEquals(List.of(), differences(connection, database, SchemaFacts.load(toFacts, "5.9.0", false)),
                    "the migrated database is the 5.9.0 fresh-install schema");
            assertEquals(dataBefore, DataFingerprint.of(connection, columnsBefore), "every row kept as it was");
            assertEquals(4, count(connection, "SELECT COUNT(*) FROM IDN_CLAIM WHERE TENANT_ID = -1234 AND CLAIM_URI IN"
                    + " ('http://wso2.org/claims/identity/accountState', 'http://wso2.org/claims/identity/secretkey',"
                    + " 'http://wso2.org/claims/identity/emailotp_disabled',"
                    + " 'http://wso2.org/claims/identity/smsotp_disabled')"), "the super tenant has 5.9.0's new claims");
        }
        long recorded = ledgerRows(database);

        Run again = cli("migrate", home, lib);
        assertEquals(0, again.exitCode, again.output);
        assertTrue(again.output.contains("ALREADY_APPLIED"), again.output);
        assertFalse(again.output.contains("\"outcome\": \"APPLIED\""), again.output);
        assertEquals(recorded, ledgerRows(database), "nothing ran, nothing recorded");
        try (Connection connection = database.connect()) {
            assertEquals(dataBefore, DataFingerprint.of(connection, columnsBefore));
        }

        Run info = cli("info", home, lib);
        assertEquals(0, info.exitCode, info.output);
        assertTrue(info.output.contains("ALREADY_APPLIED"), info.output);
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

    private static Map<String, List<String>> withoutClaimTables(Map<String, List<String>> columns) {
        Map<String, List<String>> kept = new java.util.LinkedHashMap<>(columns);
        kept.keySet().removeIf(table -> table.toUpperCase(java.util.Locale.ROOT).startsWith("IDN_CLAIM"));
        return kept;
    }

    private static long count(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static IsHome home(String engine, TestDatabase database, TestDatabase shared, String driverPlace) {
        String type = switch (database.dialect()) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgre";
            default -> "mysql"; // MariaDB behind IS's "mysql" type; the MariaDB driver takes the URL
        };
        IsHome home = IsHome.create(engine.replace(' ', '-').replace(".", ""))
                .withProjectResources()
                .withDeploymentToml(IsHome.databaseSection("identity_db", type, database.url(), database.user(),
                        database.password())
                        + IsHome.databaseSection("shared_db", type, shared.url(), shared.user(),
                        shared.password()));
        switch (driverPlace) {
            case "plugins" -> home.withPlugin("h2-1.4.199.jar", "h2_1.4.199.wso2v1.jar");
            case "lib" -> home.withDriverInLib(database.dialect().name().equals("POSTGRESQL")
                    ? "postgresql-42.7.4.jar" : "mariadb-java-client-3.4.1.jar");
            default -> { } // --lib
        }
        return home;
    }

    private static List<String> differences(Connection connection, TestDatabase database, SchemaFacts facts)
            throws Exception {
        return SchemaComparer.compare(facts, LiveSchemaReader.read(connection, database.dialect())).stream()
                .map(Object::toString).toList();
    }

    static boolean hasLedger(Connection connection) throws SQLException {
        for (String name : List.of("IS_MIGRATION_HISTORY", "is_migration_history")) {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long ledgerRows(TestDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM IS_MIGRATION_HISTORY")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    record Run(int exitCode, String output) {
    }

    static Run cli(String command, IsHome home, List<String> extra) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path report = home.path().resolve("report-" + command + "-" + System.nanoTime() + ".json");
        List<String> args = new java.util.ArrayList<>(List.of(command, "--is-home", home.path().toString(),
                "--report", report.toString()));
        args.addAll(extra);
        int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        String json = Files.exists(report) ? Files.readString(report) : "(no report)";
        return new Run(exit, out + err.toString() + "\n" + json);
    }
}

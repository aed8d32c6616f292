package org.wso2.carbon.is.migration.migrator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.engine.MigrationEngine;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The opt-in purge deletes exactly the tokens and codes the server marked unusable (their scopes go with them
 * through the cascading key), keeps every ACTIVE row, does nothing unless asked, and changes nothing in a dry run.
 */
class InactiveTokenPurgeTest {

    private static final List<String> GONE = List.of("EXPIRED", "REVOKED", "INACTIVE");

    @TempDir
    Path resources;

    static Stream<TestEngine> engines() {
        return Stream.of(H2Engines.CURRENT, PostgresEngine.instance(), MariaDbEngine.instance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void onlyTokensAndCodesMarkedUnusableAreDeletedAndOnlyWhenAsked(TestEngine engine) throws Exception {
        TestDatabase database = engine.newDatabase();
        Map<String, String> tokenStates;
        Map<String, String> codeStates;
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(factsOf(engine), "5.8.0", false));
            OAuthTokenFixture.fill(connection, 2);
            tokenStates = markStates(connection, "IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", "TOKEN_STATE");
            codeStates = markStates(connection, "IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID", "STATE");
            try (Statement statement = connection.createStatement()) {
                for (String token : tokenStates.keySet()) {
                    statement.executeUpdate("INSERT INTO IDN_OAUTH2_ACCESS_TOKEN_SCOPE (TOKEN_ID, TOKEN_SCOPE,"
                            + " TENANT_ID) VALUES ('" + token + "', 'openid', -1234)");
                }
            }
        }
        long unusable = count(tokenStates, true) + count(codeStates, true);
        assertTrue(count(tokenStates, true) >= 3 && count(codeStates, true) >= 3, "the fixture has some of each");

        assertEquals(MigrationReport.Status.SUCCEEDED, run(database, RunMode.MIGRATE, false, "default").status());
        assertEquals(tokenStates, states(database, "IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", "TOKEN_STATE"),
                "off by default: nothing deleted");

        MigrationReport dryRun = run(database, RunMode.DRY_RUN, true, "dry");
        assertTrue(dryRun.steps().get(0).actions().toString().contains("purge"), dryRun.steps().get(0).actions()
                .toString());
        assertEquals(tokenStates, states(database, "IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", "TOKEN_STATE"));

        MigrationReport purged = run(database, RunMode.MIGRATE, true, "purge");
        assertEquals(MigrationReport.Status.SUCCEEDED, purged.status(), purged.summary());
        assertEquals(only(tokenStates), states(database, "IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", "TOKEN_STATE"));
        assertEquals(only(codeStates), states(database, "IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID", "STATE"));
        assertEquals(new ArrayList<>(only(tokenStates).keySet()), scopedTokens(database),
                "scopes of deleted tokens went with them; the others stayed");
        assertTrue(purged.steps().get(0).rows() >= unusable, "deleted rows are counted: " + purged.summary());
    }

    /** Gives the first rows of the table (by key) each unusable state in turn, and returns every row's state. */
    private static Map<String, String> markStates(Connection connection, String table, String key, String column)
            throws Exception {
        List<String> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + key + " FROM " + table + " ORDER BY " + key)) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ?")) {
            for (int i = 0; i < keys.size() && i < 2 * GONE.size(); i += 2) {
                update.setString(1, GONE.get(i / 2));
                update.setString(2, keys.get(i));
                update.executeUpdate();
            }
        }
        return states(connection, table, key, column);
    }

    private static Map<String, String> states(TestDatabase database, String table, String key, String column)
            throws Exception {
        try (Connection connection = database.connect()) {
            return states(connection, table, key, column);
        }
    }

    private static Map<String, String> states(Connection connection, String table, String key, String column)
            throws Exception {
        Map<String, String> states = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT " + key + ", " + column + " FROM " + table + " ORDER BY " + key)) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getString(2));
            }
        }
        return states;
    }

    private static List<String> scopedTokens(TestDatabase database) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT TOKEN_ID FROM IDN_OAUTH2_ACCESS_TOKEN_SCOPE ORDER BY TOKEN_ID")) {
            while (rows.next()) {
                tokens.add(rows.getString(1));
            }
        }
        return tokens;
    }

    private static long count(Map<String, String> states, boolean unusable) {
        return states.values().stream().filter(state -> GONE.contains(state) == unusable).count();
    }

    private static Map<String, String> only(Map<String, String> states) {
        Map<String, String> kept = new LinkedHashMap<>(states);
        kept.values().removeIf(GONE::contains);
        return kept;
    }

    private static String factsOf(TestEngine engine) {
        return engine instanceof MariaDbEngine ? "mysql5.7" : engine instanceof PostgresEngine ? "postgresql" : "h2";
    }

    /** Each run is a separate step key (the ledger would otherwise skip the second run as done). */
    private MigrationReport run(TestDatabase database, RunMode mode, boolean purge, String label) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("schema", "identity", "batchSize", "3"));
        if (purge) {
            parameters.put("purgeInactiveTokens", "true");
        }
        Path folder = resources.resolve(label);
        MigrationConfig config = MigrationConfig.builder(folder.resolve("migration-config.yaml"), "5.7.0", "5.8.0")
                // The OAuth data step alone, on the schema the 5.8.0 step1 script leaves (built from the 5.8.0
                // facts): no 5.7.0 schema to find, and no ledger of step1 to show that the chain is under way.
                .skipVersionCheck(true)
                .addVersion(new VersionConfig("5.8.0", List.of(new MigratorConfig(OAuthDataMigrator.NAME, 1,
                        parameters, 5)), 3))
                .build();
        DriverDataSource dataSource = new DriverDataSource(database.driver(), database.url(), database.user(),
                database.password());
        if (mode == RunMode.MIGRATE) {
            clearLedger(database);
        }
        return new MigrationEngine(config, List.of(), folder, name -> {
            if (!name.equals(MigrationConfig.IDENTITY_DATA_SOURCE)) {
                throw new DataSourceException("no " + name);
            }
            return dataSource;
        }, MigratorRegistry.builtIn()).run(mode);
    }

    /** Lets a second real run of the same step happen in one test, as if on a fresh copy. */
    private static void clearLedger(TestDatabase database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM IS_MIGRATION_HISTORY");
            statement.executeUpdate("DELETE FROM IS_MIGRATION_CHECKPOINT");
        } catch (java.sql.SQLException notCreatedYet) {
            // The first run creates the ledger.
        }
    }
}

package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.DataFingerprint;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.SampleData;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The 5.7.0 -> 5.8.0 identity scripts (step1/identity, step2/uma, step3/identity, in the order the 5.8.0 config runs
 * them) on real engines: a database built from the 5.7.0 release facts, with rows in nearly every table, becomes
 * exactly the 5.8.0 fresh-install schema of the same facts variant, keeps every pre-existing row unchanged, and a
 * second run neither fails nor changes schema or data.
 *
 * <p>MySQL has no engine in this build; MariaDB, which runs the MySQL dialect, stands in for it: both the MySQL and the
 * MariaDB scripts run there, each on a database from the plain {@code mysql} 5.7.0 facts and one from the
 * {@code mysql5.7} variant, and each must reach its own variant's 5.8.0 facts.
 */
class Identity580ScriptsOnRealEnginesTest {

    private static final List<String> STEPS = List.of("step1/identity", "step2/uma", "step3/identity");

    /** label, engine, facts variant (5.7.0 built from it, 5.8.0 compared with it), scripts run */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("H2 1.4.199", H2Engines.V1_4_199, "h2", Dialect.H2),
                Arguments.of("H2 2.x", H2Engines.CURRENT, "h2", Dialect.H2),
                Arguments.of("PostgreSQL", PostgresEngine.instance(), "postgresql", Dialect.POSTGRESQL),
                Arguments.of("MariaDB, mysql.sql facts, mariadb.sql", MariaDbEngine.instance(), "mysql",
                        Dialect.MARIADB),
                Arguments.of("MariaDB, mysql5.7 facts, mariadb.sql", MariaDbEngine.instance(), "mysql5.7",
                        Dialect.MARIADB),
                Arguments.of("MariaDB, mysql.sql facts, mysql.sql", MariaDbEngine.instance(), "mysql", Dialect.MYSQL),
                Arguments.of("MariaDB, mysql5.7 facts, mysql.sql", MariaDbEngine.instance(), "mysql5.7",
                        Dialect.MYSQL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a570IdentityDatabaseBecomesExactly580KeepsItsRowsAndASecondRunChangesNothing(
            String label, TestEngine engine, String factsVariant, Dialect scripts) throws Exception {
        TestDatabase database = engine.newDatabase();
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(factsVariant, "5.7.0", false));
            SampleData.Result sample = SampleData.fill(connection, 3);
            assertTrue(sample.filled().containsKey("IDN_OAUTH2_ACCESS_TOKEN")
                    || sample.filled().containsKey("idn_oauth2_access_token"), "token rows to migrate: " + sample);
            assertPreconditionsRunAndFindNothing(connection, scripts);
            Map<String, List<String>> columnsBefore = DataFingerprint.columns(connection);
            Map<String, DataFingerprint.TableData> dataBefore = DataFingerprint.of(connection, columnsBefore);

            runSteps(connection, scripts);
            assertEquals(List.of(), differencesFrom580(connection, database, factsVariant),
                    label + ": the migrated database is the 5.8.0 fresh-install schema");
            assertEquals(dataBefore, DataFingerprint.of(connection, columnsBefore), "every row kept as it was");

            runSteps(connection, scripts);
            assertEquals(List.of(), differencesFrom580(connection, database, factsVariant), "second run: same schema");
            assertEquals(dataBefore, DataFingerprint.of(connection, columnsBefore), "second run: same rows");
        }
    }

    /**
     * The step-1 preconditions that apply to the dialect must run on the 5.7.0 schema (before the step) and find nothing
     * in a database whose rows fit the 5.8.0 rules.
     */
    private static void assertPreconditionsRunAndFindNothing(Connection connection, Dialect scripts) throws Exception {
        for (PreconditionChecks.Check check : PreconditionChecks.load(preconditionsFile())) {
            if (check.appliesTo(scripts)) {
                assertEquals(0, check.offendingRows(connection), check.rule());
            }
        }
    }

    @Test
    void onPostgresTheConAppKeyPreconditionListsTokensThatWouldCollideOnceIdpIdIsFilled() throws Exception {
        PreconditionChecks.Check duplicates = PreconditionChecks.load(preconditionsFile()).stream()
                .filter(check -> check.rule().contains("CON_APP_KEY")).findFirst().orElseThrow();
        assertEquals(List.of("postgresql"), duplicates.dialects());
        TestDatabase database = PostgresEngine.instance().newDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("postgresql", "5.7.0", false));
            statement.execute("INSERT INTO IDN_OAUTH_CONSUMER_APPS (CONSUMER_KEY) VALUES ('client')");
            String token = "INSERT INTO IDN_OAUTH2_ACCESS_TOKEN (TOKEN_ID, CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID,"
                    + " USER_DOMAIN, USER_TYPE, TOKEN_SCOPE_HASH) SELECT '%s', ID, 'alice', -1234, 'PRIMARY',"
                    + " 'APPLICATION_USER', '%s' FROM IDN_OAUTH_CONSUMER_APPS";
            statement.execute(String.format(token, "t1", "hash"));
            statement.execute(String.format(token, "t2", "hash"));
            statement.execute(String.format(token, "t3", "other-scope"));
            assertEquals(1, duplicates.offendingRows(connection), "t1 and t2 collide, t3 does not");
        }
    }

    private static Path preconditionsFile() {
        return MigrationResources.root().resolve("5.8.0/dbscripts/step1/identity/preconditions.yaml");
    }

    private static void runSteps(Connection connection, Dialect scripts) throws Exception {
        ReleaseScripts.run(connection, "5.8.0", STEPS, scripts);
    }

    private static List<String> differencesFrom580(Connection connection, TestDatabase database, String factsVariant)
            throws Exception {
        return ReleaseScripts.differences(connection, database, SchemaFacts.load(factsVariant, "5.8.0", false));
    }
}

package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.schema.LiveSchemaReader;
import org.wso2.carbon.is.migration.schema.SchemaComparer;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * Found by KilledChainResumesOnEveryEngineTest: H2 creates a table first and the constraints declared with it as
 * further changes, so a migration killed in the 5.8.0 step1 script can leave IDN_AUTH_USER_SESSION_MAPPING (or
 * IDN_AUTH_USER) without its unique key. The re-run's CREATE TABLE IF NOT EXISTS then skips the table; the script
 * must still end with both unique keys, on both H2 engines, however often it runs.
 */
class H2StepOneAddsTheUniqueKeysAKilledRunLeftOutTest {

    private static final String SCRIPT = "5.8.0/dbscripts/step1/identity/h2.sql";
    private static final List<String> NEW_TABLES = List.of("IDN_AUTH_USER", "IDN_AUTH_USER_SESSION_MAPPING");

    @ParameterizedTest
    @EnumSource(H2Engines.class)
    void theReRunAddsTheUniqueKeysOfTablesAKilledRunCreatedWithoutThem(H2Engines engine) throws Exception {
        TestDatabase database = engine.newDatabase();
        SqlScript script = SqlScript.load(MigrationResources.root().resolve(Path.of(SCRIPT)), SCRIPT, Dialect.H2);
        StatementRunner runner = new StatementRunner(StatementRunner.NO_LISTENER);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.7.0", false));
            // What the killed run left: the two tables, without the unique keys declared with them.
            statement.execute("CREATE TABLE IDN_AUTH_USER (USER_ID VARCHAR(255) NOT NULL,"
                    + " USER_NAME VARCHAR(255) NOT NULL, TENANT_ID INTEGER NOT NULL, DOMAIN_NAME VARCHAR(255) NOT NULL,"
                    + " IDP_ID INTEGER NOT NULL, PRIMARY KEY (USER_ID))");
            statement.execute("CREATE TABLE IDN_AUTH_USER_SESSION_MAPPING (USER_ID VARCHAR(255) NOT NULL,"
                    + " SESSION_ID VARCHAR(255) NOT NULL)");
            List<String> missingBefore = uniqueKeyDifferences(connection);
            assertEquals(2, missingBefore.size(), "the crash state lacks both unique keys: " + missingBefore);

            runner.run(connection, script.statements());
            assertEquals(List.of(), uniqueKeyDifferences(connection), "after the re-run");

            runner.run(connection, script.statements());
            assertEquals(List.of(), uniqueKeyDifferences(connection), "after one more run");
        }
    }

    /** How the unique keys of the two new tables differ from a fresh 5.8.0 install. */
    private static List<String> uniqueKeyDifferences(Connection connection) throws Exception {
        return SchemaComparer.compare(SchemaFacts.load("h2", "5.8.0", false),
                        LiveSchemaReader.read(connection, Dialect.H2)).stream()
                .map(Object::toString)
                .filter(difference -> difference.contains("UNIQUE")
                        && NEW_TABLES.stream().anyMatch(table -> difference.contains(" " + table + ".")))
                .toList();
    }
}

package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

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
 * The 5.6.0 identity scripts on real engines: a database built from the 5.5.0 release facts, with rows in nearly every
 * table, becomes exactly the 5.6.0 fresh-install schema of the same dialect, keeps every row, and a second run changes
 * neither schema nor rows. MariaDB runs both the MySQL and the MariaDB scripts (no MySQL engine in this build).
 */
class Identity550To570ScriptsOnRealEnginesTest {

    /** The steps of each release, in the order the shipped config runs them. */
    private static final Map<String, List<String>> STEPS = Map.of(
            "5.6.0", List.of("step1/identity", "step1/uma"));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String to : List.of("5.6.0")) {
            cases.add(Arguments.of("H2 1.4.199", H2Engines.V1_4_199, "h2", Dialect.H2, to));
            cases.add(Arguments.of("H2 2.x", H2Engines.CURRENT, "h2", Dialect.H2, to));
            cases.add(Arguments.of("PostgreSQL", PostgresEngine.instance(), "postgresql", Dialect.POSTGRESQL, to));
            cases.add(Arguments.of("MariaDB, mariadb.sql", MariaDbEngine.instance(), "mysql", Dialect.MARIADB, to));
            cases.add(Arguments.of("MariaDB, mysql.sql", MariaDbEngine.instance(), "mysql", Dialect.MYSQL, to));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("cases")
    void thePreviousReleaseBecomesExactlyTheNextKeepsItsRowsAndASecondRunChangesNothing(
            String label, TestEngine engine, String facts, Dialect scripts, String to) throws Exception {
        String from = previous(to);
        TestDatabase database = engine.newDatabase();
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(facts, from, false));
            SampleData.fill(connection, 3);
            Map<String, List<String>> columnsBefore = DataFingerprint.columns(connection);
            Map<String, DataFingerprint.TableData> dataBefore = DataFingerprint.of(connection, columnsBefore);

            ReleaseScripts.run(connection, to, STEPS.get(to), scripts);
            assertEquals(List.of(), ReleaseScripts.differences(connection, database, SchemaFacts.load(facts, to, false)),
                    label + ": the migrated database is the " + to + " fresh-install schema");
            assertEquals(dataBefore, DataFingerprint.of(connection, columnsBefore), "every row kept as it was");

            ReleaseScripts.run(connection, to, STEPS.get(to), scripts);
            assertEquals(List.of(), ReleaseScripts.differences(connection, database, SchemaFacts.load(facts, to, false)),
                    "second run: same schema");
            assertEquals(dataBefore, DataFingerprint.of(connection, columnsBefore), "second run: same rows");
        }
    }

    private static String previous(String release) {
        return Map.of("5.6.0", "5.5.0", "5.7.0", "5.6.0").get(release);
    }
}

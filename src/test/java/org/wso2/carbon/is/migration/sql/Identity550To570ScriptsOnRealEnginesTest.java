package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
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
import org.wso2.carbon.is.migration.testsupport.UmaTablesRenamedIn570;

/**
 * The 5.6.0 and 5.7.0 identity scripts on real engines: a database built from the previous release's facts, with rows
 * in nearly every table, becomes exactly the next release's fresh-install schema of the same dialect, keeps every row
 * (the UMA rows across the 5.7.0 rename of their tables), and a second run changes neither schema nor rows. The rows
 * 5.7.0 converts get the values 5.7.0 gives them: a permission ticket's EXPIRY_TIME is its TIME_CREATED plus its
 * VALIDITY_PERIOD in milliseconds, purposes get their group and type, PII associations are mandatory. MariaDB runs
 * both the MySQL and the MariaDB scripts (no MySQL engine in this build).
 */
class Identity550To570ScriptsOnRealEnginesTest {

    /** The steps of each release, in the order the shipped config runs them. */
    private static final Map<String, List<String>> STEPS = Map.of(
            "5.6.0", List.of("step1/identity", "step2/uma"),
            "5.7.0", List.of("step1/identity", "step2/uma", "step3/consent"));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String to : List.of("5.6.0", "5.7.0")) {
            cases.add(Arguments.of("H2 1.4.199", H2Engines.V1_4_199, "h2", Dialect.H2, to));
            cases.add(Arguments.of("H2 2.x", H2Engines.CURRENT, "h2", Dialect.H2, to));
            cases.add(Arguments.of("PostgreSQL", PostgresEngine.instance(), "postgresql", Dialect.POSTGRESQL, to));
            cases.add(Arguments.of("MariaDB, mariadb.sql", MariaDbEngine.instance(), "mysql", Dialect.MARIADB, to));
            cases.add(Arguments.of("MariaDB, mysql.sql", MariaDbEngine.instance(), "mysql", Dialect.MYSQL, to));
        }
        return cases.stream();
    }

    static Stream<Arguments> cases570() {
        return cases().filter(arguments -> arguments.get()[4].equals("5.7.0"));
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
            Map<String, List<String>> columnsBefore =
                    UmaTablesRenamedIn570.keptColumns(DataFingerprint.columns(connection));
            Map<String, DataFingerprint.TableData> dataBefore =
                    UmaTablesRenamedIn570.renamed(DataFingerprint.of(connection, columnsBefore));
            Map<String, List<String>> columnsAfter = UmaTablesRenamedIn570.renamed(columnsBefore);
            assertPreconditionsFindNothing(connection, to, scripts);
            Map<Integer, Timestamp> expiryTimes = to.equals("5.7.0")
                    ? ticketExpiryTimes(connection, database.dialect() == Dialect.MARIADB) : Map.of();

            ReleaseScripts.run(connection, to, STEPS.get(to), scripts);
            assertEquals(List.of(), ReleaseScripts.differences(connection, database, SchemaFacts.load(facts, to, false)),
                    label + ": the migrated database is the " + to + " fresh-install schema");
            assertEquals(dataBefore, DataFingerprint.of(connection, columnsAfter), "every row kept as it was");
            if (to.equals("5.7.0")) {
                assertConverted(connection, expiryTimes);
            }

            ReleaseScripts.run(connection, to, STEPS.get(to), scripts);
            assertEquals(List.of(), ReleaseScripts.differences(connection, database, SchemaFacts.load(facts, to, false)),
                    "second run: same schema");
            assertEquals(dataBefore, DataFingerprint.of(connection, columnsAfter), "second run: same rows");
            if (to.equals("5.7.0")) {
                assertConverted(connection, expiryTimes);
            }
        }
    }

    /** The preconditions of the release's steps that apply to the dialect run, and find nothing in a sound database. */
    private static void assertPreconditionsFindNothing(Connection connection, String to, Dialect scripts)
            throws Exception {
        for (String step : STEPS.get(to)) {
            Path file = MigrationResources.root().resolve(to + "/dbscripts/" + step + "/preconditions.yaml");
            if (Files.exists(file)) {
                for (PreconditionChecks.Check check : PreconditionChecks.load(file)) {
                    if (check.appliesTo(scripts)) {
                        assertEquals(0, check.offendingRows(connection), check.rule());
                    }
                }
            }
        }
    }

    /**
     * An IDN_UMA_* table beside its 5.6.0 table (the existing client's 5.7.0 script created them empty) stops the
     * rename before it starts: the check lists it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases570")
    void aUmaTableUnderBothNamesIsListedBeforeTheRename(String label, TestEngine engine, String facts, Dialect scripts,
                                                         String to) throws Exception {
        TestDatabase database = engine.newDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(facts, "5.6.0", false));
            statement.execute("CREATE TABLE IDN_UMA_RESOURCE_SCOPE (ID INTEGER)");
            int listed = 0;
            for (PreconditionChecks.Check check : PreconditionChecks.load(
                    MigrationResources.root().resolve("5.7.0/dbscripts/step2/uma/preconditions.yaml"))) {
                if (check.appliesTo(scripts)) {
                    listed += check.offendingRows(connection);
                }
            }
            assertEquals(1, listed, label);
        }
    }

    /**
     * Each 5.6.0 ticket's expiry as 5.7.0 reads it: TIME_CREATED plus VALIDITY_PERIOD milliseconds, in whole seconds
     * where the column holds whole seconds (a MySQL TIMESTAMP, as 5.7.0 declares it, drops the fraction).
     */
    private static Map<Integer, Timestamp> ticketExpiryTimes(Connection connection, boolean wholeSeconds)
            throws Exception {
        Map<Integer, Timestamp> expiry = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT ID, TIME_CREATED, VALIDITY_PERIOD FROM IDN_PERMISSION_TICKET")) {
            while (rows.next()) {
                long millis = rows.getTimestamp(2).getTime() + rows.getLong(3);
                expiry.put(rows.getInt(1),
                        new Timestamp(wholeSeconds ? millis - Math.floorMod(millis, 1000L) : millis));
            }
        }
        assertFalse(expiry.isEmpty(), "permission tickets to convert");
        return expiry;
    }

    private static void assertConverted(Connection connection, Map<Integer, Timestamp> expiryTimes) throws Exception {
        Map<Integer, Timestamp> converted = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT ID, EXPIRY_TIME FROM IDN_UMA_PERMISSION_TICKET")) {
            while (rows.next()) {
                converted.put(rows.getInt(1), rows.getTimestamp(2));
            }
        }
        assertEquals(expiryTimes, converted, "EXPIRY_TIME = TIME_CREATED + VALIDITY_PERIOD ms");
        Map<String, String> groups = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT NAME, PURPOSE_GROUP, GROUP_TYPE FROM CM_PURPOSE")) {
            while (rows.next()) {
                groups.put(rows.getString(1), rows.getString(2) + "/" + rows.getString(3));
            }
        }
        assertEquals("DEFAULT/SP", groups.remove("DEFAULT"), "the seed purpose as 5.7.0 seeds it");
        assertFalse(groups.isEmpty(), "other purposes");
        groups.values().forEach(group -> assertEquals("SIGNUP/SYSTEM", group, "a 5.6.0 (self sign-up) purpose"));
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT COUNT(*), MIN(IS_MANDATORY), MAX(IS_MANDATORY) FROM CM_PURPOSE_PII_CAT_ASSOC")) {
            rows.next();
            assertTrue(rows.getInt(1) > 0, "PII associations to convert");
            assertEquals(List.of(1, 1), List.of(rows.getInt(2), rows.getInt(3)), "every association mandatory");
        }
    }

    private static String previous(String release) {
        return Map.of("5.6.0", "5.5.0", "5.7.0", "5.6.0").get(release);
    }
}

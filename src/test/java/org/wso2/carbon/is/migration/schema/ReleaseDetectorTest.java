package org.wso2.carbon.is.migration.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The release a database is, found from its live schema: a fresh 5.5.0, 5.6.0, 5.7.0, 5.8.0 or 5.9.0 database of every
 * engine and script variant is found to be exactly that release. The shared database's tables did not change from
 * 5.5.0 to 5.8.0, so there all four are named. On Oracle, MSSQL and DB2 the tables and columns each release added decide; that
 * lookup is generic JDBC metadata, proven here on H2.
 */
class ReleaseDetectorTest {

    static Stream<Arguments> releases() {
        List<Arguments> arguments = new ArrayList<>();
        for (TestEngine engine : TestEngine.all()) {
            for (String factsDialect : engine.factsDialects()) {
                for (String release : List.of("5.5.0", "5.6.0", "5.7.0", "5.8.0", "5.9.0")) {
                    if (SchemaFacts.available(factsDialect, release, false)) {
                        arguments.add(Arguments.of(engine, factsDialect, release));
                    }
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("releases")
    void aFreshReleaseDatabaseIsFoundToBeExactlyThatRelease(TestEngine engine, String factsDialect, String release)
            throws Exception {
        DetectedRelease identity = detect(engine, Set.of(SchemaPart.IDENTITY),
                SchemaFacts.load(factsDialect, release, false));
        assertEquals(List.of(release), identity.candidates(), identity.toString());
        assertTrue(identity.exact(), identity.toString());
        assertEquals(factsDialect + "/" + release, identity.closest());

        DetectedRelease shared = detect(engine, Set.of(SchemaPart.SHARED),
                SchemaFacts.load(factsDialect, release, true));
        // The mysql5.7 script variant came with 5.7.0: before it, MySQL databases were made by mysql.sql.
        List<String> sameSharedSchema = release.equals("5.9.0") ? List.of("5.9.0")
                : factsDialect.equals("mysql5.7") ? List.of("5.7.0", "5.8.0")
                : List.of("5.5.0", "5.6.0", "5.7.0", "5.8.0");
        assertEquals(sameSharedSchema, shared.candidates(), shared.toString());
        assertEquals(List.of(), shared.differences());
    }

    @Test
    void oneDatabaseHoldingBothPartsIsComparedWithBothTogether() throws Exception {
        TestDatabase database = PostgresEngine.instance().newDatabase();
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("postgresql", "5.8.0", false));
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("postgresql", "5.8.0", true));
            DetectedRelease both = ReleaseDetector.detect(connection, database.dialect(),
                    EnumSet.allOf(SchemaPart.class));
            assertEquals(List.of("5.8.0"), both.candidates(), both.toString());
            assertTrue(both.exact(), both.toString());

            // Asked about the identity tables only, the shared ones are not "extra tables" of it.
            DetectedRelease identity = ReleaseDetector.detect(connection, database.dialect(),
                    Set.of(SchemaPart.IDENTITY));
            assertTrue(identity.exact(), identity.toString());
        }
    }

    @Test
    void aDatabaseThatDiffersFromEveryReleaseIsNamedAfterTheClosestWithItsDifferences() throws Exception {
        TestDatabase database = H2Engines.CURRENT.newDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", false));
            statement.execute("DROP INDEX IDX_AT_CK_AU");
            statement.execute("CREATE TABLE CUSTOM_AUDIT (ID INTEGER)");
            DetectedRelease found = ReleaseDetector.detect(connection, database.dialect(),
                    Set.of(SchemaPart.IDENTITY));
            assertEquals(List.of("5.8.0"), found.candidates(), found.toString());
            assertEquals(List.of("EXTRA_TABLE CUSTOM_AUDIT", "MISSING_INDEX IDN_OAUTH2_ACCESS_TOKEN.IDX_AT_CK_AU"),
                    found.differences().stream().map(SchemaDifference::key).toList());
            assertEquals("closest to 5.8.0 (h2/5.8.0, 2 differences)", found.describe());
        }
    }

    @Test
    void aDatabaseWithoutIdentityServerTablesIsSaidToHoldNone() throws Exception {
        TestDatabase database = H2Engines.CURRENT.newDatabase();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE SOMETHING_ELSE (ID INTEGER)");
            DetectedRelease found = ReleaseDetector.detect(connection, database.dialect(),
                    Set.of(SchemaPart.IDENTITY));
            assertTrue(found.noIdentityServerSchema(), found.toString());
            assertEquals(List.of(), ReleaseDetector.byMarkers(connection, database.dialect(),
                    Set.of(SchemaPart.IDENTITY)).candidates());
        }
    }

    @Test
    void theTablesAndColumnsEachReleaseAddedTellTheReleasesApartWithoutFacts() throws Exception {
        for (String release : List.of("5.5.0", "5.6.0", "5.7.0", "5.8.0", "5.9.0")) {
            TestDatabase identity = H2Engines.CURRENT.newDatabase();
            try (Connection connection = identity.connect()) {
                ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", release, false));
                DetectedRelease found = ReleaseDetector.byMarkers(connection, identity.dialect(),
                        Set.of(SchemaPart.IDENTITY));
                assertEquals(List.of(release), found.candidates(), release + ": " + found);
                assertEquals(DetectedRelease.Method.MARKER_TABLES, found.method());
            }
        }
        // A 5.7.0 identity database half-way through 5.8.0: IDP_ID added to one table only is not 5.8.0 yet.
        TestDatabase partial = H2Engines.CURRENT.newDatabase();
        try (Connection connection = partial.connect(); Statement statement = connection.createStatement()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.7.0", false));
            statement.execute("ALTER TABLE IDN_OAUTH2_ACCESS_TOKEN ADD IDP_ID INTEGER");
            assertEquals(List.of("5.7.0"), ReleaseDetector.byMarkers(connection, partial.dialect(),
                    Set.of(SchemaPart.IDENTITY)).candidates());
        }
        // The shared tables gained nothing by name from 5.5.0 to 5.9.0: all five are named.
        TestDatabase shared = H2Engines.CURRENT.newDatabase();
        try (Connection connection = shared.connect()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.9.0", true));
            DetectedRelease found = ReleaseDetector.byMarkers(connection, shared.dialect(),
                    Set.of(SchemaPart.SHARED));
            assertEquals(List.of("5.5.0", "5.6.0", "5.7.0", "5.8.0", "5.9.0"), found.candidates());
            assertTrue(found.describe().startsWith("5.5.0, 5.6.0, 5.7.0, 5.8.0 or 5.9.0 (by the tables"),
                    found.describe());
        }
    }

    private static DetectedRelease detect(TestEngine engine, Set<SchemaPart> parts, SchemaFacts facts)
            throws Exception {
        TestDatabase database = engine.newDatabase();
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, facts);
            return ReleaseDetector.detect(connection, engine.dialect(), parts);
        }
    }
}

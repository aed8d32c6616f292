package org.wso2.carbon.is.migration.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * A database built from a release's facts, read back from the engine, compares equal to those facts: the builder,
 * the reader and the comparer's normalisations agree on every engine. Without this, "zero differences after a
 * migration" would prove nothing.
 */
class FreshReleaseDatabaseMatchesItsFactsTest {

    static Stream<Arguments> release590() {
        return FactsOnEngine.forVersion("5.9.0");
    }

    static Stream<Arguments> release580() {
        return FactsOnEngine.forVersion("5.8.0");
    }

    @ParameterizedTest(name = "{0}: {1} 5.9.0, kernel={2}")
    @MethodSource("release590")
    void fresh590DatabaseHasNoDifferenceFromThe590Facts(TestEngine engine, String factsDialect, boolean kernel)
            throws SQLException {
        assertNoDifferences(engine, SchemaFacts.load(factsDialect, "5.9.0", kernel));
    }

    @ParameterizedTest(name = "{0}: {1} 5.8.0, kernel={2}")
    @MethodSource("release580")
    void fresh580DatabaseHasNoDifferenceFromThe580Facts(TestEngine engine, String factsDialect, boolean kernel)
            throws SQLException {
        assertNoDifferences(engine, SchemaFacts.load(factsDialect, "5.8.0", kernel));
    }

    private static void assertNoDifferences(TestEngine engine, SchemaFacts facts) throws SQLException {
        LiveSchema live = FactsOnEngine.buildAndRead(engine, facts);
        List<SchemaDifference> differences = SchemaComparer.compare(facts, live);
        assertEquals(List.of(), differences, () -> facts.describe() + " on " + live.engineVersion() + ": "
                + differences.size() + " differences\n" + String.join("\n",
                differences.stream().map(SchemaDifference::toString).toList()));
    }
}

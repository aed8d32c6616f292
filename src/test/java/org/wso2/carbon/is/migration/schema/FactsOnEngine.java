package org.wso2.carbon.is.migration.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/** Test parameters: every engine with every facts dialect it can hold, for the identity and the kernel database. */
final class FactsOnEngine {

    private FactsOnEngine() {
    }

    /** (engine, facts dialect, kernel) for each engine and each facts dialect that has {@code version}. */
    static Stream<Arguments> forVersion(String version) {
        List<Arguments> arguments = new ArrayList<>();
        for (TestEngine engine : TestEngine.all()) {
            for (String factsDialect : engine.factsDialects()) {
                if (!SchemaFacts.available(factsDialect, version, false)) {
                    continue; // mysql5.7 facts exist for 5.7.0 and 5.8.0 only
                }
                arguments.add(Arguments.of(engine, factsDialect, false));
                arguments.add(Arguments.of(engine, factsDialect, true));
            }
        }
        return arguments.stream();
    }

    /** Builds {@code facts} in a fresh database of {@code engine} and reads back what the engine holds. */
    static LiveSchema buildAndRead(TestEngine engine, SchemaFacts facts) throws SQLException {
        TestDatabase database = engine.newDatabase();
        try (Connection connection = database.connect()) {
            ReleaseDatabaseBuilder.create(connection, facts);
            return LiveSchemaReader.read(connection, engine.dialect());
        }
    }
}

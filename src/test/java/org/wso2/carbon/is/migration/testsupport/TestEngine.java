package org.wso2.carbon.is.migration.testsupport;

import java.util.List;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * A real database engine the tests run against. Each is started at most once per JVM, on first use, and hands out
 * fresh databases.
 */
public interface TestEngine {

    /** Engine name with version, e.g. {@code H2 1.4.199}; used in parameterised test names. */
    String label();

    Dialect dialect();

    /** The schema-facts dialects whose fresh installs this engine can hold ({@code mysql} and {@code mysql5.7} on MariaDB). */
    List<String> factsDialects();

    /** A new, empty database with a name not used before in this JVM. */
    TestDatabase newDatabase();

    /** Every engine: H2 1.4.199, H2 2.x, PostgreSQL, MariaDB. */
    static List<TestEngine> all() {
        return List.of(H2Engines.V1_4_199, H2Engines.CURRENT, PostgresEngine.instance(), MariaDbEngine.instance());
    }
}

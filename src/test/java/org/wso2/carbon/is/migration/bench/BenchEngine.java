package org.wso2.carbon.is.migration.bench;

import java.util.Locale;

import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * An engine the benchmark runs on, and the few SQL expressions in which the engines differ when rows are generated
 * set-based: the row source (H2 {@code SYSTEM_RANGE}, PostgreSQL {@code generate_series}, MariaDB's sequence engine
 * {@code seq_1_to_N}), an MD5 hex digest (the shape of real token ids and hashes), and "so many seconds before".
 */
enum BenchEngine {
    H2("h2", "h2") {
        @Override
        TestDatabase newDatabase() {
            return H2Engines.CURRENT.newFileDatabase();
        }

        @Override
        String numbers(long count) {
            return "SELECT X AS N FROM SYSTEM_RANGE(1, " + count + ")";
        }

        @Override
        String md5(String text) {
            return "LOWER(RAWTOHEX(HASH('MD5', CAST(" + text + " AS VARCHAR))))";
        }

        @Override
        String secondsBefore(String instant, String seconds) {
            return "DATEADD(SECOND, -(" + seconds + "), " + instant + ")";
        }
    },
    POSTGRESQL("postgresql", "postgre") {
        @Override
        TestDatabase newDatabase() {
            return PostgresEngine.instance().newDatabase();
        }

        @Override
        String numbers(long count) {
            return "SELECT G AS N FROM generate_series(1::bigint, " + count + "::bigint) G";
        }

        @Override
        String md5(String text) {
            return "md5(CAST(" + text + " AS TEXT))";
        }

        @Override
        String secondsBefore(String instant, String seconds) {
            return "(" + instant + " - (" + seconds + ") * INTERVAL '1 second')";
        }
    },
    /** MariaDB holds the 5.7.0 {@code mysql5.7} facts; IS reaches it as its "mysql" type. */
    MARIADB("mysql5.7", "mysql") {
        @Override
        TestDatabase newDatabase() {
            return MariaDbEngine.instance().newDatabase();
        }

        @Override
        String numbers(long count) {
            return "SELECT seq AS N FROM seq_1_to_" + count;
        }

        @Override
        String md5(String text) {
            return "MD5(" + text + ")";
        }

        @Override
        String secondsBefore(String instant, String seconds) {
            return "(" + instant + " - INTERVAL (" + seconds + ") SECOND)";
        }
    };

    private final String factsDialect;
    private final String isType;

    BenchEngine(String factsDialect, String isType) {
        this.factsDialect = factsDialect;
        this.isType = isType;
    }

    /** A new, empty database on this engine (H2: a file database, as a server keeps them). */
    abstract TestDatabase newDatabase();

    /** A query of one BIGINT column {@code N} with the rows 1..count. */
    abstract String numbers(long count);

    /** The lower-case hex MD5 digest of {@code text}, 32 characters. */
    abstract String md5(String text);

    /** The timestamp {@code seconds} seconds before {@code instant} (an SQL timestamp literal). */
    abstract String secondsBefore(String instant, String seconds);

    /** The schema-facts dialect of this engine's 5.7.0 database. */
    String factsDialect() {
        return factsDialect;
    }

    /** The database {@code type} in deployment.toml. */
    String isType() {
        return isType;
    }

    /** Puts the JDBC driver where an operator's installation has it; returns extra CLI arguments, if any. */
    String[] provideDriver(IsHome home) {
        return switch (this) {
            case H2 -> new String[] {"--lib", home.extraLibWith(h2Jar()).toString()};
            case POSTGRESQL -> {
                home.withDriverInLib("postgresql-42.7.4.jar");
                yield new String[0];
            }
            case MARIADB -> {
                home.withDriverInLib("mariadb-java-client-3.4.1.jar");
                yield new String[0];
            }
        };
    }

    private static String h2Jar() {
        return "h2-" + org.h2.engine.Constants.VERSION + ".jar";
    }

    static BenchEngine parse(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "h2" -> H2;
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            case "mariadb", "mysql" -> MARIADB;
            default -> throw new IllegalArgumentException("--engines: unknown engine '" + name
                    + "' (known: h2, postgresql, mariadb)");
        };
    }

    String label() {
        return switch (this) {
            case H2 -> "H2 " + org.h2.engine.Constants.VERSION;
            case POSTGRESQL -> "PostgreSQL";
            case MARIADB -> "MariaDB";
        };
    }
}

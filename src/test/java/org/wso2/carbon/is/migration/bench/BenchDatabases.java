package org.wso2.carbon.is.migration.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * One copy of the benchmark's data: a 5.7.0 identity database filled by {@link TokenDataSet} and an empty 5.7.0
 * shared database, made fresh for each of the floor, the baseline and the tool, and dropped afterwards (a 10M copy
 * takes gigabytes).
 */
record BenchDatabases(BenchEngine engine, TestDatabase identity, TestDatabase shared, Map<String, Long> rows,
                      long generationMillis) implements AutoCloseable {

    static BenchDatabases create(BenchEngine engine, TokenDataSet data) throws SQLException {
        long started = System.nanoTime();
        TestDatabase identity = engine.newDatabase();
        TestDatabase shared = engine.newDatabase();
        Map<String, Long> rows;
        try (Connection connection = identity.connect()) {
            rows = data.createIdentity(connection);
        }
        try (Connection connection = shared.connect()) {
            data.createShared(connection);
        }
        return new BenchDatabases(engine, identity, shared, rows, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() throws Exception {
        drop(identity);
        drop(shared);
    }

    private void drop(TestDatabase database) throws Exception {
        switch (engine) {
            case H2 -> {
                // jdbc:h2:<path>: the database is closed once its last connection is; its files are <path>.*.db
                Path base = Path.of(database.url().substring("jdbc:h2:".length()));
                for (String suffix : new String[] {".mv.db", ".trace.db"}) {
                    Files.deleteIfExists(base.resolveSibling(base.getFileName() + suffix));
                }
            }
            case MARIADB -> execute(database, database.url(), "DROP DATABASE " + database.name());
            case POSTGRESQL -> {
                // A database cannot drop itself: connect to the server's own "postgres" database to drop it.
                String other = database.url().replace("/" + database.name() + "?", "/postgres?");
                execute(database, other, "DROP DATABASE " + database.name());
            }
        }
    }

    private static void execute(TestDatabase database, String url, String sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        try (Connection connection = database.driver().connect(url, properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

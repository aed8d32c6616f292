package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.ledger.Ledger;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;

/**
 * A lock left by a process on another host (which no run here can judge dead): migrate names the database, the host
 * and the process; {@code unlock} shows the same and clears nothing without --force; with --force it clears it and
 * the migration can run.
 */
class UnlockCommandTest {

    private static final String HOLDER = "ops@node-b pid 4242 run 20261204T101010Z-abcd";

    record Run(int exitCode, String output) {
    }

    private static Run cli(IsHome home, String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--is-home";
        all[args.length + 1] = home.path().toString();
        int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(out, true), all);
        return new Run(exit, out.toString());
    }

    @Test
    void aLockFromAnotherHostIsNamedByMigrateShownByUnlockAndClearedOnlyWithForce() throws Exception {
        IsHome home = IsHome.create("unlock").withProjectResources()
                .withPlugin("h2-2.3.232.jar", "h2_2.3.232.wso2v1.jar"); // the test's own H2, same file format
        String url = "jdbc:h2:" + home.path().resolve("repository/database/WSO2IDENTITY_DB");
        home.withDeploymentToml(IsHome.databaseSection("identity_db", "h2", url, "wso2carbon", "wso2carbon")
                + IsHome.databaseSection("shared_db", "h2", url + "_SHARED", "wso2carbon", "wso2carbon"));
        JdbcDataSource identity = new JdbcDataSource();
        identity.setURL(url);
        identity.setUser("wso2carbon");
        identity.setPassword("wso2carbon");
        JdbcDataSource shared = new JdbcDataSource();
        shared.setURL(url + "_SHARED");
        shared.setUser("wso2carbon");
        shared.setPassword("wso2carbon");
        try (Connection connection = identity.getConnection()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", false));
        }
        try (Connection connection = shared.getConnection()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", "5.8.0", true));
        }
        new Ledger(identity, Dialect.H2).ensureTables();
        try (Connection connection = identity.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO IS_MIGRATION_LOCK (LOCK_NAME, HOLDER, ACQUIRED_AT, EXPIRES_AT)"
                    + " VALUES ('migration', '" + HOLDER + "', 0, " + (System.currentTimeMillis() + 3_600_000L) + ")");
        }

        Run migrate = cli(home, "migrate");
        assertEquals(1, migrate.exitCode(), migrate.output());
        assertTrue(migrate.output().contains("Another migration holds the lock on jdbc/WSO2IdentityDB: host"
                + " node-b, process 4242"), migrate.output());
        assertTrue(migrate.output().contains("unlock --is-home <NEW_IS_HOME> --force"), migrate.output());

        Run show = cli(home, "unlock");
        assertEquals(1, show.exitCode(), show.output());
        assertTrue(show.output().contains("jdbc/WSO2IdentityDB: locked by host node-b, process 4242"), show.output());
        assertTrue(show.output().contains("jdbc/SHARED_DB: not locked"), show.output());
        assertEquals(1, locks(url), "nothing cleared without --force");

        Run force = cli(home, "unlock", "--force");
        assertEquals(0, force.exitCode(), force.output());
        assertTrue(force.output().contains("jdbc/WSO2IdentityDB: cleared the lock held by host node-b, process 4242"),
                force.output());
        assertEquals(0, locks(url));
    }

    private static long locks(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "wso2carbon", "wso2carbon");
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM IS_MIGRATION_LOCK")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

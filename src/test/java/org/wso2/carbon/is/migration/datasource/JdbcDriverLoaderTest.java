package org.wso2.carbon.is.migration.datasource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.report.Secrets;

class JdbcDriverLoaderTest {

    private static final String IS_590_H2_BUNDLE = "h2_1.4.199.wso2v1.jar";

    @TempDir
    Path home;

    private IsHomeFixture is;

    @BeforeEach
    void fakeIsHome() {
        is = new IsHomeFixture(home);
    }

    @Test
    void opensTheH2FileWithTheServersOwnH2EngineAlthoughH2TwoIsOnTheClassPath() throws Exception {
        assertEquals(2, new org.h2.Driver().getMajorVersion(), "the test class path must carry H2 2.x");
        is.withToml(IsHomeFixture.DEFAULT_590_DATABASES)
                .withDriverJar("h2-1.4.199.jar", is.plugins(), IS_590_H2_BUNDLE);

        try (StandaloneDataSources dataSources = new StandaloneDataSources(home, List.of())) {
            DataSource identity = dataSources.dataSource("jdbc/WSO2IdentityDB");
            try (Connection connection = identity.getConnection()) {
                assertTrue(connection.getMetaData().getDatabaseProductVersion().startsWith("1.4.199"),
                        connection.getMetaData().getDatabaseProductVersion());
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE IDN_PROBE (ID INT)");
                }
            }
            try (Connection connection = dataSources.dataSource("jdbc/SHARED_DB").getConnection()) {
                assertTrue(connection.getMetaData().getDatabaseProductVersion().startsWith("1.4.199"));
            }
        }
        // The relative URL was resolved under IS_HOME, not the test's working directory; 1.4 writes .mv.db files.
        assertTrue(Files.isRegularFile(home.resolve("repository/database/WSO2IDENTITY_DB.mv.db")));
        assertTrue(Files.isRegularFile(home.resolve("repository/database/WSO2SHARED_DB.mv.db")));
    }

    @Test
    void reopensADatabaseWrittenByTheServerEngine() throws Exception {
        is.withToml(IsHomeFixture.DEFAULT_590_DATABASES)
                .withDriverJar("h2-1.4.199.jar", is.plugins(), IS_590_H2_BUNDLE);
        try (StandaloneDataSources first = new StandaloneDataSources(home, List.of());
             Connection connection = first.dataSource("WSO2_IDENTITY_DB").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IDN_PROBE (ID INT)");
            statement.execute("INSERT INTO IDN_PROBE VALUES (42)");
        }

        try (StandaloneDataSources second = new StandaloneDataSources(home, List.of());
             Connection connection = second.dataSource("jdbc/WSO2IdentityDB").getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT ID FROM IDN_PROBE")) {
            assertTrue(rows.next());
            assertEquals(42, rows.getInt(1));
        }
    }

    @Test
    void prefersAnH2DriverInLibOverTheBundleInPlugins() throws Exception {
        is.withToml(IsHomeFixture.DEFAULT_590_DATABASES)
                .withDriverJar("h2-1.4.199.jar", is.plugins(), IS_590_H2_BUNDLE)
                .withDriverJar("h2-2.3.232.jar", is.lib(), "h2-2.3.232.jar");

        try (StandaloneDataSources dataSources = new StandaloneDataSources(home, List.of());
             Connection connection = dataSources.dataSource("jdbc/WSO2IdentityDB").getConnection()) {
            assertTrue(connection.getMetaData().getDatabaseProductVersion().startsWith("2.3.232"),
                    connection.getMetaData().getDatabaseProductVersion());
        }
    }

    @Test
    void loadsDriversFromExtraLibDirsInTheirOwnClassLoader(@TempDir Path extraLib) throws Exception {
        Files.copy(IsHomeFixture.testDriver("postgresql-42.7.4.jar"), extraLib.resolve("postgresql.jar"));

        try (JdbcDriverLoader loader = new JdbcDriverLoader(home, List.of(extraLib))) {
            Driver driver = loader.driverFor(settings("postgre", "jdbc:postgresql://db:5432/ID", "org.postgresql.Driver"));

            assertEquals("org.postgresql.Driver", driver.getClass().getName());
            assertNotSame(org.postgresql.Driver.class, driver.getClass(), "must not come from the test class path");
            assertEquals(List.of(is.lib(), extraLib, is.plugins()), loader.searchedDirs());
        }
    }

    @Test
    void fallsBackToADriverThatAcceptsTheUrlWhenTheConfiguredClassIsAbsent() throws Exception {
        is.withDriverJar("mariadb-java-client-3.4.1.jar", is.lib(), "mariadb-java-client-3.4.1.jar");

        try (JdbcDriverLoader loader = new JdbcDriverLoader(home, List.of())) {
            Driver driver = loader.driverFor(settings("mariadb", "jdbc:mariadb://db:3306/ID", "com.example.NoDriver"));

            assertEquals("org.mariadb.jdbc.Driver", driver.getClass().getName());
        }
    }

    @Test
    void namesTheTypeUrlAndEverySearchedDirectoryWhenNoDriverFits(@TempDir Path extraLib) throws Exception {
        is.withDriverJar("h2-1.4.199.jar", is.plugins(), IS_590_H2_BUNDLE);

        try (JdbcDriverLoader loader = new JdbcDriverLoader(home, List.of(extraLib))) {
            DataSourceException e = assertThrows(DataSourceException.class, () -> loader.driverFor(
                    settings("postgre", "jdbc:postgresql://db:5432/ID?password=Hidden1", "org.postgresql.Driver")));

            String message = e.getMessage();
            assertTrue(message.contains("postgre"), message);
            assertTrue(message.contains("jdbc:postgresql://db:5432/ID?password=" + Secrets.MASK), message);
            assertFalse(message.contains("Hidden1"), message);
            for (Path dir : List.of(is.lib(), extraLib, is.plugins())) {
                assertTrue(message.contains(dir.toString()), dir + " not named in " + message);
            }
        }
    }

    @Test
    void failsClearlyWhenTheDriverDoesNotTakeTheUrl(@TempDir Path extraLib) throws Exception {
        Files.copy(IsHomeFixture.testDriver("postgresql-42.7.4.jar"), extraLib.resolve("postgresql.jar"));

        try (JdbcDriverLoader loader = new JdbcDriverLoader(home, List.of(extraLib))) {
            Driver postgres = loader.driverFor(settings("postgre", "jdbc:postgresql://db/ID", "org.postgresql.Driver"));
            DriverDataSource wrongUrl = new DriverDataSource(postgres, "jdbc:h2:mem:x;PASSWORD=Hidden2", "u", "p");

            SQLException e = assertThrows(SQLException.class, wrongUrl::getConnection);

            assertTrue(e.getMessage().contains("org.postgresql.Driver does not accept the URL"), e.getMessage());
            assertFalse(e.getMessage().contains("Hidden2"), e.getMessage());
            assertFalse(wrongUrl.toString().contains("Hidden2"), wrongUrl.toString());
        }
    }

    private DatabaseSettings settings(String type, String url, String driverClass) {
        return new DatabaseSettings("identity_db", type, url, "u", "p", driverClass, is.toml());
    }
}

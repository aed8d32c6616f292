package org.wso2.carbon.is.migration.datasource;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wso2.carbon.is.migration.report.Secrets;

class DeploymentTomlTest {

    @TempDir
    Path home;

    private IsHomeFixture is() {
        return new IsHomeFixture(home);
    }

    @Test
    void readsThe590DefaultH2DatabasesWithUrlsMadeAbsoluteUnderIsHome() throws Exception {
        is().withToml("""
                [server]
                hostname = "localhost"
                base_path = "https://$ref{server.hostname}:${carbon.management.port}"

                [super_admin]
                username = "admin"
                password = "admin"
                create_admin_account = true

                """ + IsHomeFixture.DEFAULT_590_DATABASES + """

                [keystore.primary]
                name = "wso2carbon.jks"
                password = "wso2carbon"
                """);

        Map<String, DatabaseSettings> databases = DeploymentToml.read(home);

        assertEquals(List.of("identity_db", "shared_db"), List.copyOf(databases.keySet()));
        DatabaseSettings identity = databases.get("identity_db");
        Path absoluteHome = home.toAbsolutePath().normalize();
        assertAll(
                () -> assertEquals("h2", identity.type()),
                () -> assertEquals("jdbc:h2:" + absoluteHome.resolve("repository/database/WSO2IDENTITY_DB")
                        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000", identity.url()),
                () -> assertEquals("wso2carbon", identity.username()),
                () -> assertEquals("wso2carbon", identity.password()),
                () -> assertEquals("org.h2.Driver", identity.driverClass()),
                () -> assertEquals(DeploymentToml.fileUnder(home), identity.source()),
                () -> assertEquals("jdbc:h2:" + absoluteHome.resolve("repository/database/WSO2SHARED_DB")
                        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000", databases.get("shared_db").url()));
    }

    @Test
    void leavesAbsoluteInMemoryAndRemoteH2UrlsAlone() {
        Path base = home.toAbsolutePath();
        for (String url : List.of("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", "jdbc:h2:tcp://db:9092/./identity",
                "jdbc:h2:~/identity", "jdbc:h2:" + base.resolve("db/identity"), "jdbc:mysql://db:3306/identity")) {
            assertEquals(url, H2FileUrls.resolveAgainst(url, base), url);
        }
        assertEquals("jdbc:h2:file:" + base.resolve("repository/database/X") + ";MODE=MySQL",
                H2FileUrls.resolveAgainst("jdbc:h2:file:repository/database/X;MODE=MySQL", base));
    }

    @Test
    void takesAGivenUrlAndDriverAsTheyAre() throws Exception {
        is().withToml("""
                [database.identity_db]
                type = "mysql"
                url = "jdbc:mysql://db.example.com:3306/IDENTITY_DB?useSSL=false"
                username = "is"
                password = "pw"
                driver = "com.mysql.cj.jdbc.Driver"

                [database.shared_db]
                type = "postgre"
                url = "jdbc:postgresql://pg.example.com:5432/SHARED_DB"
                username = "shared"
                password = "pw2"
                """);

        Map<String, DatabaseSettings> databases = DeploymentToml.read(home);

        DatabaseSettings identity = databases.get("identity_db");
        assertEquals("jdbc:mysql://db.example.com:3306/IDENTITY_DB?useSSL=false", identity.url());
        assertEquals("com.mysql.cj.jdbc.Driver", identity.driverClass());
        DatabaseSettings shared = databases.get("shared_db");
        assertEquals("postgre", shared.type());
        assertEquals("org.postgresql.Driver", shared.driverClass());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mysql      | 3306  |                 | jdbc:mysql://db:3306/IDENTITY_DB                   | com.mysql.jdbc.Driver
            mariadb    | 3306  |                 | jdbc:mariadb://db:3306/IDENTITY_DB                 | org.mariadb.jdbc.Driver
            postgre    | 5432  |                 | jdbc:postgresql://db:5432/IDENTITY_DB              | org.postgresql.Driver
            postgresql | 5432  |                 | jdbc:postgresql://db:5432/IDENTITY_DB              | org.postgresql.Driver
            mssql      | 1433  |                 | jdbc:sqlserver://db:1433;databaseName=IDENTITY_DB;SendStringParametersAsUnicode=false | com.microsoft.sqlserver.jdbc.SQLServerDriver
            db2        | 50000 |                 | jdbc:db2://db:50000/IDENTITY_DB                    | com.ibm.db2.jcc.DB2Driver
            oracle     | 1521  | ORCLPDB         | jdbc:oracle:thin:@db:1521/ORCLPDB                  | oracle.jdbc.OracleDriver
            """)
    void buildsTheUrlFromHostnamePortAndNameAsIsDoes(String type, int port, String oracleSid, String expectedUrl,
                                                     String expectedDriver) throws Exception {
        // The port is written as a TOML integer here (IS accepts both); the other keys as strings.
        is().withToml("""
                [database.identity_db]
                type = "%s"
                hostname = "db"
                port = %d
                name = "IDENTITY_DB"
                %s
                username = "is"
                password = "pw"
                """.formatted(type, port, oracleSid == null ? "" : "sid = \"" + oracleSid + "\""));

        DatabaseSettings identity = DeploymentToml.read(home).get("identity_db");

        assertEquals(expectedUrl, identity.url());
        assertEquals(expectedDriver, identity.driverClass());
    }

    @Test
    void resolvesEnvironmentAndCarbonHomePlaceholders() throws Exception {
        is().withToml("""
                [database.identity_db]
                type = "h2"
                url = "jdbc:h2:$sys{carbon.home}/repository/database/ID;AUTO_SERVER=TRUE"
                username = "$env{DB_USER}"
                password = "$env{DB_PASSWORD}"
                """);
        ConfigPlaceholders placeholders = new ConfigPlaceholders(home,
                name -> Map.of("DB_USER", "alice", "DB_PASSWORD", "from-env").get(name));

        DatabaseSettings identity = DeploymentToml.read(home, placeholders).get("identity_db");

        assertEquals("jdbc:h2:" + home.toAbsolutePath().normalize() + "/repository/database/ID;AUTO_SERVER=TRUE",
                identity.url());
        assertEquals("alice", identity.username());
        assertEquals("from-env", identity.password());
    }

    @Test
    void refusesAnUnsetEnvironmentPlaceholderNamingIt() {
        is().withToml("""
                [database.identity_db]
                type = "h2"
                url = "jdbc:h2:mem:x"
                username = "u"
                password = "$env{NO_SUCH_VARIABLE_FOR_THIS_TEST}"
                """);

        DataSourceException e = assertThrows(DataSourceException.class,
                () -> DeploymentToml.read(home, new ConfigPlaceholders(home, name -> null)));

        assertTrue(e.getMessage().contains("$env{NO_SUCH_VARIABLE_FOR_THIS_TEST}"), e.getMessage());
        assertTrue(e.getMessage().contains("line 5"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"$secret{database_password}", "[encrypted]cGFzc3dvcmQ="})
    void refusesASecureVaultPasswordWithAnExplanation(String password) {
        is().withToml("""
                [database.identity_db]
                type = "mysql"
                url = "jdbc:mysql://db:3306/IDENTITY_DB"
                username = "is"
                password = "%s"
                """.formatted(password));

        DataSourceException e = assertThrows(DataSourceException.class, () -> DeploymentToml.read(home));

        String message = e.getMessage();
        assertAll(
                () -> assertTrue(message.contains(is().toml().toString()), message),
                () -> assertTrue(message.contains("line 5"), message),
                () -> assertTrue(message.contains("database.identity_db.password"), message),
                () -> assertTrue(message.contains("secure vault"), message),
                () -> assertTrue(message.contains("plain password"), message));
    }

    @Test
    void reportsATomlSyntaxErrorWithFileLineAndColumn() {
        is().withToml("""
                [database.identity_db]
                type = "h2"
                url = "jdbc:h2:./repository/database/WSO2IDENTITY_DB
                username = "wso2carbon"
                """);

        DataSourceException e = assertThrows(DataSourceException.class, () -> DeploymentToml.read(home));

        assertTrue(e.getMessage().contains(is().toml() + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid TOML"), e.getMessage());
    }

    @Test
    void reportsAMissingKeyWithFileSectionAndLine() {
        is().withToml("""
                [server]
                hostname = "localhost"

                [database.identity_db]
                type = "h2"
                url = "jdbc:h2:./repository/database/WSO2IDENTITY_DB"
                password = "wso2carbon"
                """);

        DataSourceException e = assertThrows(DataSourceException.class, () -> DeploymentToml.read(home));

        String message = e.getMessage();
        assertTrue(message.contains(is().toml().toString()), message);
        assertTrue(message.contains("[database.identity_db] (line 4)"), message);
        assertTrue(message.contains("'username'"), message);
    }

    @Test
    void reportsWhichKeyIsMissingToBuildAUrl() {
        is().withToml("""
                [database.shared_db]
                type = "postgre"
                hostname = "db"
                name = "SHARED_DB"
                username = "u"
                password = "p"
                """);

        DataSourceException e = assertThrows(DataSourceException.class, () -> DeploymentToml.read(home));

        assertTrue(e.getMessage().contains("[database.shared_db] (line 1) has no 'port' key"), e.getMessage());
    }

    @Test
    void reportsAnUnknownTypeWithTheAcceptedOnes() {
        is().withToml("""
                [database.identity_db]
                type = "sybase"
                url = "jdbc:sybase:Tds:db:5000/ID"
                username = "u"
                password = "p"
                """);

        DataSourceException e = assertThrows(DataSourceException.class, () -> DeploymentToml.read(home));

        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("'sybase'"), e.getMessage());
        assertTrue(e.getMessage().contains("postgre"), e.getMessage());
    }

    @Test
    void readsOtherDatabaseSectionsOnlyWhenTheySayWhereTheDatabaseIs() throws Exception {
        is().withToml(IsHomeFixture.DEFAULT_590_DATABASES + """

                [database.user]
                type = "mysql"
                url = "jdbc:mysql://db:3306/UM_DB"
                username = "um"
                password = "um"

                [database.config.pool_options]
                maxActive = 80
                """);

        assertEquals(List.of("identity_db", "shared_db", "user"), List.copyOf(DeploymentToml.read(home).keySet()));
    }

    @Test
    void reportsAMissingFileWithItsPath() {
        DataSourceException e = assertThrows(DataSourceException.class, () -> DeploymentToml.read(home));

        assertTrue(e.getMessage().contains(is().toml().toString()), e.getMessage());
    }

    @Test
    void reportsAMissingSectionWhenItsDataSourceIsAskedFor() throws Exception {
        is().withToml("""
                [database.identity_db]
                type = "h2"
                url = "jdbc:h2:./repository/database/WSO2IDENTITY_DB"
                username = "wso2carbon"
                password = "wso2carbon"
                """);

        try (StandaloneDataSources dataSources = new StandaloneDataSources(home, List.of())) {
            DataSourceException e = assertThrows(DataSourceException.class,
                    () -> dataSources.dataSource("jdbc/SHARED_DB"));

            assertTrue(e.getMessage().contains(is().toml() + " has no [database.shared_db] section"), e.getMessage());
        }
    }

    @Test
    void mapsServerDataSourceNamesToSectionsAndListsTheKnownOnesForAnUnknownName() throws Exception {
        is().withToml(IsHomeFixture.DEFAULT_590_DATABASES);

        try (StandaloneDataSources dataSources = new StandaloneDataSources(home, List.of())) {
            for (String name : List.of("jdbc/WSO2IdentityDB", "WSO2IdentityDB", "WSO2_IDENTITY_DB")) {
                assertEquals("identity_db", dataSources.settingsFor(name).id(), name);
            }
            for (String name : List.of("jdbc/SHARED_DB", "SHARED_DB", "WSO2_SHARED_DB")) {
                assertEquals("shared_db", dataSources.settingsFor(name).id(), name);
            }
            DataSourceException e = assertThrows(DataSourceException.class,
                    () -> dataSources.dataSource("jdbc/WSO2CarbonDB"));
            assertTrue(e.getMessage().contains("'jdbc/WSO2CarbonDB'"), e.getMessage());
            assertTrue(e.getMessage().contains("jdbc/WSO2IdentityDB") && e.getMessage().contains("jdbc/SHARED_DB"),
                    e.getMessage());
        }
    }

    @Test
    void neverPrintsPasswordsInSettingsOrDescriptions() throws Exception {
        is().withToml("""
                [database.identity_db]
                type = "mssql"
                url = "jdbc:sqlserver://db:1433;databaseName=ID;user=is;password=UrlSecret1"
                username = "is"
                password = "TomlSecret2"

                [database.shared_db]
                type = "postgre"
                url = "jdbc:postgresql://is:UserInfoSecret3@db:5432/SHARED?password=QuerySecret4&ssl=true"
                username = "is"
                password = "TomlSecret5"
                """);

        Map<String, DatabaseSettings> databases = DeploymentToml.read(home);
        try (StandaloneDataSources dataSources = new StandaloneDataSources(home, List.of())) {
            String printed = databases.toString() + dataSources.describe("jdbc/WSO2IdentityDB")
                    + dataSources.describe("jdbc/SHARED_DB");

            for (String secret : List.of("UrlSecret1", "TomlSecret2", "UserInfoSecret3", "QuerySecret4",
                    "TomlSecret5")) {
                assertFalse(printed.contains(secret), secret + " printed in " + printed);
            }
            assertTrue(printed.contains("databaseName=ID"), printed);
        }
        assertEquals("jdbc:oracle:thin:scott/" + Secrets.MASK + "@db:1521/ORCL",
                Secrets.mask("jdbc:oracle:thin:scott/tiger@db:1521/ORCL"));
    }
}

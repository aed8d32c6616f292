package org.wso2.carbon.is.migration.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.schema.TableSchema;
import org.wso2.carbon.is.migration.testsupport.H2ServerEngine;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * A source identity database of one release and a target of a later one on a real engine, both built from the
 * release facts and holding the same OAuth application (as if the target were the migrated copy of the source),
 * the sync tool's settings for them, and the writes the Identity Server makes to the synced tables.
 */
public final class SyncFixture {

    public static final String TABLES = "IDN_OAUTH2_ACCESS_TOKEN_SCOPE, IDN_IDENTITY_USER_DATA,"
            + " IDN_OAUTH2_ACCESS_TOKEN, IDN_OAUTH2_AUTHORIZATION_CODE";
    static final int APP_ID = 1;
    private static final Timestamp TIME = Timestamp.valueOf("2020-01-02 03:04:05");

    public final TestDatabase source;
    public final TestDatabase target;
    final SyncSettings settings;
    final SyncDatabases databases;

    private SyncFixture(TestDatabase source, TestDatabase target, SyncSettings settings) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.databases = new SyncDatabases().with(SyncSchema.IDENTITY, dataSource(source), dataSource(target));
    }

    /** Source of {@code from}, target of {@code to}, the app in both; {@code extra} are more sync.properties. */
    public static SyncFixture create(TestEngine engine, String from, String to, String... extra)
            throws SQLException, MigrationException {
        TestDatabase source = withoutBulkInserts(engine.newDatabase());
        TestDatabase target = engine.newDatabase();
        String factsDialect = engine.factsDialects().get(0);
        for (Object[] database : new Object[][] {{source, from}, {target, to}}) {
            try (Connection connection = ((TestDatabase) database[0]).connect()) {
                ReleaseDatabaseBuilder.create(connection, oauthTables(SchemaFacts.load(factsDialect,
                        (String) database[1], false)));
                execute(connection, "INSERT INTO IDN_OAUTH_CONSUMER_APPS (ID, CONSUMER_KEY, APP_NAME, TENANT_ID)"
                        + " VALUES (" + APP_ID + ", 'app-key', 'app', -1234)");
            }
        }
        return between(source, target, from, to, extra);
    }

    /**
     * The sync from {@code source} (release {@code from}, reached without MariaDB bulk batches) to {@code target}
     * (release {@code to}) of the four documented tables; {@code extra} are more sync.properties.
     */
    public static SyncFixture between(TestDatabase source, TestDatabase target, String from, String to,
                                      String... extra) throws MigrationException {
        Properties properties = new Properties();
        properties.setProperty("sourceVersion", from);
        properties.setProperty("targetVersion", to);
        properties.setProperty("syncTables", TABLES);
        properties.setProperty("identitySchema", "jdbc/SOURCE_DB,jdbc/TARGET_DB");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            properties.setProperty(extra[i], extra[i + 1]);
        }
        return new SyncFixture(withoutBulkInserts(source), target, SyncSettings.of(properties, "sync.properties"));
    }

    /**
     * MariaDB Connector/J sends a JDBC batch as one bulk command, and the MariaDB server then runs an AFTER INSERT
     * trigger that inserts into another table for the first row only and drops the other rows of the batch
     * (MDEV-24411, MDEV-32453): the server's writes to a journalled table must not use bulk commands.
     */
    public static TestDatabase withoutBulkInserts(TestDatabase database) {
        if (database.dialect() != Dialect.MARIADB || database.url().contains("useBulkStmts=")) {
            return database;
        }
        return new TestDatabase(database.dialect(), database.engine(), database.name(),
                database.url() + "?useBulkStmts=false", database.user(), database.password(), database.driver());
    }

    /** The tables the tests write (and what they reference), so that each database is built in a moment. */
    private static SchemaFacts oauthTables(SchemaFacts facts) {
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        for (String table : List.of("IDN_OAUTH_CONSUMER_APPS", "IDP", "IDN_OAUTH2_ACCESS_TOKEN",
                "IDN_OAUTH2_ACCESS_TOKEN_SCOPE", "IDN_OAUTH2_AUTHORIZATION_CODE", "IDN_IDENTITY_USER_DATA")) {
            tables.put(table, facts.tables().get(table));
        }
        return new SchemaFacts(facts.version(), facts.dialect(), facts.kernel(), facts.resource(), tables,
                facts.sequences(), List.of());
    }

    /**
     * An old IS home whose master-datasources.xml names the source as {@code jdbc/WSO2IdentityDB}, a new one whose
     * deployment.toml names the target, and sync.properties (with {@code extra} lines) in {@code folder}: the
     * arguments every {@code sync} command takes.
     */
    List<String> commandLine(Path folder, String... extra) throws IOException {
        IsHome oldHome = IsHome.at(folder.resolve("old-is")).withDriverInLib(driverJar());
        Files.createDirectories(oldHome.path().resolve("repository/conf/datasources"));
        Files.writeString(oldHome.path().resolve("repository/conf/datasources/master-datasources.xml"),
                "<datasources-configuration>\n<datasources>\n<datasource>\n<name>WSO2_IDENTITY_DB</name>\n"
                        + "<jndiConfig><name>jdbc/WSO2IdentityDB</name></jndiConfig>\n"
                        + "<definition type=\"RDBMS\"><configuration>\n<url>" + source.url() + "</url>\n"
                        + "<username>" + source.user() + "</username><password>" + source.password()
                        + "</password>\n</configuration></definition>\n</datasource>\n</datasources>\n"
                        + "</datasources-configuration>\n");
        String type = Map.of(Dialect.POSTGRESQL, "postgre", Dialect.H2, "h2").getOrDefault(source.dialect(),
                "mariadb");
        IsHome newHome = IsHome.at(folder.resolve("new-is")).withDriverInLib(driverJar()).withDeploymentToml(
                IsHome.databaseSection("identity_db", type, target.url(), target.user(), target.password())
                        + IsHome.databaseSection("shared_db", type, target.url(), target.user(), target.password()));
        Path properties = folder.resolve("sync.properties");
        Files.writeString(properties, "sourceVersion=" + settings.sourceVersion() + "\ntargetVersion="
                + settings.targetVersion() + "\nsyncTables=" + TABLES
                + "\nidentitySchema=jdbc/WSO2IdentityDB,jdbc/WSO2IdentityDB\n" + String.join("\n", extra) + "\n");
        return List.of("--config", properties.toString(), "--old-is-home", oldHome.path().toString(),
                "--new-is-home", newHome.path().toString());
    }

    /** The source's driver jar in target/test-drivers: on H2 the version the source's server runs. */
    private String driverJar() {
        if (source.dialect() == Dialect.H2) {
            String jar = source.driver().getClass().getProtectionDomain().getCodeSource().getLocation().getPath();
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        return source.dialect() == Dialect.POSTGRESQL ? "postgresql-42.7.4.jar" : "mariadb-java-client-3.4.1.jar";
    }

    /** The engines the sync is proven on: PostgreSQL, MariaDB and an H2 2.x server (older H2 servers: H2 tests). */
    public static Stream<TestEngine> engines() {
        return Stream.of(PostgresEngine.instance(), MariaDbEngine.instance(), H2ServerEngine.CURRENT);
    }

    SyncRun run() throws MigrationException {
        return new SyncRun(settings, databases, new SyncProgress(line -> { }));
    }

    /** Runs passes until one applies nothing and the backlog is zero; fails after {@code maxPasses}. */
    static void drain(SyncRun run, int maxPasses) {
        for (int i = 0; i < maxPasses; i++) {
            long applied = run.pass();
            if (applied == 0 && run.status().stream().allMatch(table -> table.pending() == 0)) {
                return;
            }
        }
        throw new AssertionError("backlog not drained after " + maxPasses + " passes: " + run.status().stream()
                .map(SyncProgress.TableFigures::line).toList());
    }

    // The writes the server makes.

    public static void insertToken(Connection connection, String tokenId, String user, String userDomain,
                                   String... scopes)
            throws SQLException {
        insertToken(connection, -1234, tokenId, user, userDomain, scopes);
    }

    static void insertToken(Connection connection, int tenantId, String tokenId, String user, String userDomain,
                            String... scopes) throws SQLException {
        insertToken(connection, APP_ID, tenantId, tokenId, user, userDomain, scopes);
    }

    /** A token of the OAuth application {@code appId} (which both databases must hold), with its scopes. */
    static void insertToken(Connection connection, int appId, int tenantId, String tokenId, String user,
                            String userDomain, String... scopes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO IDN_OAUTH2_ACCESS_TOKEN (TOKEN_ID,"
                + " ACCESS_TOKEN, REFRESH_TOKEN, CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, USER_DOMAIN, USER_TYPE,"
                + " GRANT_TYPE, TIME_CREATED, REFRESH_TOKEN_TIME_CREATED, VALIDITY_PERIOD,"
                + " REFRESH_TOKEN_VALIDITY_PERIOD, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID, ACCESS_TOKEN_HASH)"
                + " VALUES (?, ?, ?, ?, ?, " + tenantId + ", ?, 'APPLICATION_USER', 'password', ?, ?, 3600000,"
                + " 84600000, ?, 'ACTIVE', 'NONE', ?)")) {
            insert.setString(1, tokenId);
            insert.setString(2, "at-" + tokenId);
            insert.setString(3, "rt-" + tokenId);
            insert.setInt(4, appId);
            insert.setString(5, user);
            insert.setString(6, userDomain);
            insert.setTimestamp(7, TIME);
            insert.setTimestamp(8, TIME);
            insert.setString(9, "hash-" + String.join(" ", scopes));
            insert.setString(10, "ath-" + tokenId);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO IDN_OAUTH2_ACCESS_TOKEN_SCOPE (TOKEN_ID, TOKEN_SCOPE, TENANT_ID) VALUES (?, ?, "
                        + tenantId + ")")) {
            for (String scope : scopes) {
                insert.setString(1, tokenId);
                insert.setString(2, scope);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void insertCode(Connection connection, int tenantId, String codeId, String user, String userDomain)
            throws SQLException {
        insertCode(connection, APP_ID, tenantId, codeId, user, userDomain);
    }

    /** An authorization code of the OAuth application {@code appId}. */
    static void insertCode(Connection connection, int appId, int tenantId, String codeId, String user,
                           String userDomain) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO IDN_OAUTH2_AUTHORIZATION_CODE"
                + " (CODE_ID, AUTHORIZATION_CODE, CONSUMER_KEY_ID, CALLBACK_URL, SCOPE, AUTHZ_USER, TENANT_ID,"
                + " USER_DOMAIN, TIME_CREATED, VALIDITY_PERIOD, STATE) VALUES (?, ?, ?, 'https://app/cb', 'openid', ?,"
                + " ?, ?, ?, 300000, 'ACTIVE')")) {
            insert.setString(1, codeId);
            insert.setString(2, "code-" + codeId);
            insert.setInt(3, appId);
            insert.setString(4, user);
            insert.setInt(5, tenantId);
            insert.setString(6, userDomain);
            insert.setTimestamp(7, TIME);
            insert.executeUpdate();
        }
    }

    public static void revokeToken(Connection connection, String tokenId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE IDN_OAUTH2_ACCESS_TOKEN SET"
                + " TOKEN_STATE = 'REVOKED', TOKEN_STATE_ID = ? WHERE TOKEN_ID = ?")) {
            update.setString(1, "revoked-" + tokenId);
            update.setString(2, tokenId);
            update.executeUpdate();
        }
    }

    public static void deleteToken(Connection connection, String tokenId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM IDN_OAUTH2_ACCESS_TOKEN WHERE TOKEN_ID = ?")) {
            delete.setString(1, tokenId);
            delete.executeUpdate();
        }
    }

    public static void putUserData(Connection connection, String user, String key, String value) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO IDN_IDENTITY_USER_DATA (TENANT_ID,"
                + " USER_NAME, DATA_KEY, DATA_VALUE) VALUES (-1234, ?, ?, ?)")) {
            insert.setString(1, user);
            insert.setString(2, key);
            insert.setString(3, value);
            insert.executeUpdate();
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The rows of {@code sql}, each its values joined by a space, sorted. */
    static List<String> sortedRows(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.add(rows.getString(i));
                }
                values.add(String.join(" ", row));
            }
        }
        values.sort(null);
        return values;
    }

    /**
     * A table's rows by key, each as its values in the source's column order, of the columns both databases have,
     * as sorted {@code column=value} text: what must be equal on both sides after a sync with no release transform.
     */
    static Map<String, List<String>> rows(Connection connection, Connection other, String table,
                                          List<String> keyColumns) throws SQLException {
        Map<String, Integer> otherColumns = CatalogLookup.columnTypes(other, table);
        List<String> columns = new ArrayList<>();
        for (String column : CatalogLookup.columnTypes(connection, table).keySet()) {
            if (otherColumns.containsKey(column)) {
                columns.add(column);
            }
        }
        Map<String, List<String>> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
            while (result.next()) {
                List<String> key = new ArrayList<>();
                for (String column : keyColumns) {
                    key.add(result.getString(column));
                }
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    values.add(columns.get(i - 1).toLowerCase(Locale.ROOT) + "=" + result.getString(i));
                }
                values.sort(null);
                rows.put(String.join("|", key), values);
            }
        }
        return rows;
    }

    /** A DataSource of a test database, as the server or a home would give it. */
    public static DriverDataSource dataSource(TestDatabase database) {
        return new DriverDataSource(database.driver(), database.url(), database.user(), database.password());
    }
}

package org.wso2.carbon.is.migration.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;

/**
 * The benchmark's 5.7.0 identity data, generated set-based (one {@code INSERT ... SELECT} over the engine's row
 * source per table, never row by row), deterministic in N so that every copy is the same data:
 *
 * <ul>
 * <li>Tenants -1234 and 1..9. IDP rows: LOCAL in -1234 and 1..8, a federated {@code google} in -1234, and tenant 9
 *     with only a federated {@code azure} and no LOCAL (its rows must be left alone and reported).</li>
 * <li>5 consumer apps per tenant.</li>
 * <li>N access tokens: 60% in -1234, 1% in tenant 9, the rest spread over 1..8; 3% federated
 *     ({@code USER_DOMAIN = 'FEDERATED:google'}, in -1234), the rest PRIMARY; token states 8/11 ACTIVE, 1/11 each
 *     EXPIRED, REVOKED, INACTIVE (moduli chosen so that tenant, domain and state are not correlated); created over the last 30 days; ids, tokens and hashes MD5-shaped, so that the
 *     primary key order is unrelated to the insertion order, as with the UUIDs the server writes.</li>
 * <li>N/10 authorization codes (9/11 ACTIVE, 1/11 each EXPIRED and INACTIVE), N/10 token-scope rows, and N/10 token-audit
 *     rows (the audit table has no key or index in any release; a tenth is what a deployment that keeps revoked
 *     tokens there for a while holds).</li>
 * </ul>
 * Timestamps count back from the moment the data set was made, the same for every copy it makes.
 * Every table is analysed afterwards, as a production database's statistics would be current.
 */
final class TokenDataSet {

    static final List<Integer> TENANTS = List.of(-1234, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    static final int TENANT_WITHOUT_LOCAL = 9;
    private static final int APPS_PER_TENANT = 5;
    static final String TOKEN_TABLE = "IDN_OAUTH2_ACCESS_TOKEN";
    static final String AUDIT_TABLE = "IDN_OAUTH2_ACCESS_TOKEN_AUDIT";
    static final String CODE_TABLE = "IDN_OAUTH2_AUTHORIZATION_CODE";
    static final String SCOPE_TABLE = "IDN_OAUTH2_ACCESS_TOKEN_SCOPE";

    private final BenchEngine engine;
    private final long tokens;
    /** "Now" for every copy, so that copies made at different times hold the same timestamps. */
    private final String generatedAt;

    TokenDataSet(BenchEngine engine, long tokens) {
        this.engine = engine;
        this.tokens = tokens;
        this.generatedAt = "TIMESTAMP '" + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)) + "'";
    }

    long tokens() {
        return tokens;
    }

    long codes() {
        return tokens / 10;
    }

    long auditRows() {
        return tokens / 10;
    }

    long scopes() {
        return tokens / 10;
    }

    /** Creates the 5.7.0 identity schema in the empty database and fills it; returns rows per table. */
    Map<String, Long> createIdentity(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(engine.factsDialect(), "5.7.0", false));
        connection.commit();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("IDP", (long) insertIdps(connection));
        rows.put("IDN_OAUTH_CONSUMER_APPS", (long) insertApps(connection));
        rows.put(TOKEN_TABLE, execute(connection, tokenInsert()));
        rows.put(CODE_TABLE, execute(connection, codeInsert()));
        rows.put(SCOPE_TABLE, execute(connection, scopeInsert()));
        rows.put(AUDIT_TABLE, execute(connection, auditInsert()));
        analyse(connection, rows.keySet());
        return rows;
    }

    /** Creates the 5.7.0 shared (user-management and registry) schema in the empty database. */
    void createShared(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        ReleaseDatabaseBuilder.create(connection, SchemaFacts.load(engine.factsDialect(), "5.7.0", true));
        connection.commit();
    }

    private int insertIdps(Connection connection) throws SQLException {
        int count = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO IDP (ID, TENANT_ID, NAME) VALUES (?, ?, ?)")) {
            int id = 1;
            for (int tenant : TENANTS) {
                if (tenant != TENANT_WITHOUT_LOCAL) {
                    count += addIdp(insert, id++, tenant, "LOCAL");
                }
            }
            count += addIdp(insert, id++, -1234, "google");
            count += addIdp(insert, id, TENANT_WITHOUT_LOCAL, "azure");
            insert.executeBatch();
        }
        connection.commit();
        return count;
    }

    private static int addIdp(PreparedStatement insert, int id, int tenant, String name) throws SQLException {
        insert.setInt(1, id);
        insert.setInt(2, tenant);
        insert.setString(3, name);
        insert.addBatch();
        return 1;
    }

    /** 50 rows: a batch is fine here; only the big tables must be set-based. */
    private int insertApps(Connection connection) throws SQLException {
        int count = 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO IDN_OAUTH_CONSUMER_APPS (ID,"
                + " CONSUMER_KEY, CONSUMER_SECRET, USERNAME, TENANT_ID, USER_DOMAIN, APP_NAME, OAUTH_VERSION,"
                + " CALLBACK_URL, GRANT_TYPES) VALUES (?, ?, ?, 'admin', ?, 'PRIMARY', ?, 'OAuth-2.0',"
                + " 'https://app.example.com/callback', 'authorization_code password refresh_token')")) {
            for (int index = 0; index < TENANTS.size(); index++) {
                for (int app = 1; app <= APPS_PER_TENANT; app++) {
                    int id = index * APPS_PER_TENANT + app;
                    insert.setInt(1, id);
                    insert.setString(2, "bench-client-" + id);
                    insert.setString(3, "bench-secret-" + id);
                    insert.setInt(4, TENANTS.get(index));
                    insert.setString(5, "bench-app-" + id);
                    insert.addBatch();
                    count++;
                }
            }
            insert.executeBatch();
        }
        connection.commit();
        return count;
    }

    /** Rows N (1..count) with their tenant T and the tenant's index TI in {@link #TENANTS}. */
    private String rows(long count) {
        return "(SELECT N, T, CASE WHEN T = -1234 THEN 0 ELSE T END AS TI FROM (SELECT N,"
                + " CASE WHEN MOD(N, 100) < 60 THEN -1234 WHEN MOD(N, 100) = 99 THEN " + TENANT_WITHOUT_LOCAL
                + " ELSE MOD(N, 8) + 1 END AS T FROM (" + engine.numbers(count) + ") R0) R1) R";
    }

    private String secondsAgo(String seconds) {
        return engine.secondsBefore(generatedAt, seconds);
    }

    private String md5(String prefix) {
        return engine.md5("CONCAT('" + prefix + "', N)");
    }

    private static String app() {
        return "TI * " + APPS_PER_TENANT + " + MOD(N, " + APPS_PER_TENANT + ") + 1";
    }

    private static String userDomain() {
        return "CASE WHEN T = -1234 AND MOD(N, 19) = 0 THEN 'FEDERATED:google' ELSE 'PRIMARY' END";
    }

    private String tokenInsert() {
        String state = "CASE MOD(N, 11) WHEN 8 THEN 'EXPIRED' WHEN 9 THEN 'REVOKED' WHEN 10 THEN 'INACTIVE'"
                + " ELSE 'ACTIVE' END";
        return "INSERT INTO " + TOKEN_TABLE + " (TOKEN_ID, ACCESS_TOKEN, REFRESH_TOKEN, CONSUMER_KEY_ID, AUTHZ_USER,"
                + " TENANT_ID, USER_DOMAIN, USER_TYPE, GRANT_TYPE, TIME_CREATED, REFRESH_TOKEN_TIME_CREATED,"
                + " VALIDITY_PERIOD, REFRESH_TOKEN_VALIDITY_PERIOD, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID,"
                + " SUBJECT_IDENTIFIER, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH)"
                + " SELECT " + md5("t") + ", " + md5("a") + ", " + md5("r") + ", " + app() + ", CONCAT('user', N), T, "
                + userDomain() + ", 'APPLICATION_USER',"
                + " CASE MOD(N, 3) WHEN 0 THEN 'password' WHEN 1 THEN 'authorization_code' ELSE 'refresh_token' END, "
                + secondsAgo("MOD(N, 2592000)") + ", " + secondsAgo("MOD(N, 2592000)")
                + ", 3600000, 86400000, '369db21a386ae433e65c0ff34d35708d', " + state + ","
                + " CASE WHEN MOD(N, 11) < 8 THEN 'NONE' ELSE " + md5("s") + " END, CONCAT('user', N),"
                + " CONCAT('{\"hash\":\"', " + md5("ah") + ", '\",\"algorithm\":\"SHA-256\"}'),"
                + " CONCAT('{\"hash\":\"', " + md5("rh") + ", '\",\"algorithm\":\"SHA-256\"}')"
                + " FROM " + rows(tokens);
    }

    private String codeInsert() {
        return "INSERT INTO " + CODE_TABLE + " (CODE_ID, AUTHORIZATION_CODE, CONSUMER_KEY_ID, CALLBACK_URL, SCOPE,"
                + " AUTHZ_USER, TENANT_ID, USER_DOMAIN, TIME_CREATED, VALIDITY_PERIOD, STATE, TOKEN_ID,"
                + " SUBJECT_IDENTIFIER, AUTHORIZATION_CODE_HASH)"
                + " SELECT " + md5("c") + ", " + md5("k") + ", " + app() + ", 'https://app.example.com/callback',"
                + " 'openid', CONCAT('user', N), T, " + userDomain() + ", " + secondsAgo("MOD(N, 2592000)")
                + ", 300000, CASE MOD(N, 11) WHEN 9 THEN 'EXPIRED' WHEN 10 THEN 'INACTIVE' ELSE 'ACTIVE' END, "
                + md5("t") + ", CONCAT('user', N), CONCAT('{\"hash\":\"', " + md5("kh") + ", '\"}')"
                + " FROM " + rows(codes());
    }

    private String scopeInsert() {
        return "INSERT INTO " + SCOPE_TABLE + " (TOKEN_ID, TOKEN_SCOPE, TENANT_ID) SELECT " + md5("t")
                + ", 'openid', T FROM " + rows(scopes());
    }

    private String auditInsert() {
        return "INSERT INTO " + AUDIT_TABLE + " (TOKEN_ID, ACCESS_TOKEN, REFRESH_TOKEN, CONSUMER_KEY_ID, AUTHZ_USER,"
                + " TENANT_ID, USER_DOMAIN, USER_TYPE, GRANT_TYPE, TIME_CREATED, REFRESH_TOKEN_TIME_CREATED,"
                + " VALIDITY_PERIOD, REFRESH_TOKEN_VALIDITY_PERIOD, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID,"
                + " SUBJECT_IDENTIFIER, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH, INVALIDATED_TIME)"
                + " SELECT " + md5("u") + ", " + md5("ua") + ", " + md5("ur") + ", " + app()
                + ", CONCAT('user', N), T, " + userDomain() + ", 'APPLICATION_USER', 'password', "
                + secondsAgo("MOD(N, 2592000) + 3600") + ", " + secondsAgo("MOD(N, 2592000) + 3600")
                + ", 3600000, 86400000, '369db21a386ae433e65c0ff34d35708d', 'REVOKED', " + md5("us")
                + ", CONCAT('user', N), NULL, NULL, " + secondsAgo("MOD(N, 2592000)")
                + " FROM " + rows(auditRows());
    }

    private static long execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long rows = statement.executeLargeUpdate(sql);
            connection.commit();
            return rows;
        }
    }

    private void analyse(Connection connection, Iterable<String> tables) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            switch (engine) {
                case H2 -> statement.execute("ANALYZE");
                case POSTGRESQL -> statement.execute("VACUUM ANALYZE");
                case MARIADB -> {
                    for (String table : tables) {
                        statement.execute("ANALYZE TABLE " + table);
                    }
                }
            }
        } finally {
            connection.setAutoCommit(false);
        }
    }
}

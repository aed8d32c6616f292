package org.wso2.carbon.is.migration.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * The Identity Server's writes to the token tables, as one transaction each: a token issued with three scopes, the
 * token issued {@code distance} transactions before revoked (its state updated), and the one issued
 * {@code 2 * distance} before deleted (its scopes go with it, by the cascading foreign key). A sequence of them
 * touches only its own tokens (ids {@code <prefix><n>}), and {@link #removeLeftovers} deletes those still there, so a
 * run on a database without triggers leaves it as it was: the target, which never sees those writes, still matches.
 */
final class TokenLife implements AutoCloseable {

    static final List<String> SCOPES = List.of("openid", "email", "profile");
    /** Row writes per transaction: the token, its scopes, the revoke, the delete. */
    static final int ROW_WRITES = 3 + SCOPES.size();

    private final Connection connection;
    private final String prefix;
    private final int distance;
    private final PreparedStatement insertToken;
    private final PreparedStatement insertScope;
    private final PreparedStatement revoke;
    private final PreparedStatement delete;
    private long issued;

    TokenLife(Connection connection, String prefix, int distance) throws SQLException {
        this.connection = connection;
        this.prefix = prefix;
        this.distance = distance;
        connection.setAutoCommit(false);
        insertToken = connection.prepareStatement(insertTokenSql());
        insertScope = connection.prepareStatement("INSERT INTO " + TokenDataSet.SCOPE_TABLE
                + " (TOKEN_ID, TOKEN_SCOPE, TENANT_ID) VALUES (?, ?, -1234)");
        revoke = connection.prepareStatement("UPDATE " + TokenDataSet.TOKEN_TABLE
                + " SET TOKEN_STATE = 'REVOKED', TOKEN_STATE_ID = ? WHERE TOKEN_ID = ?");
        delete = connection.prepareStatement("DELETE FROM " + TokenDataSet.TOKEN_TABLE + " WHERE TOKEN_ID = ?");
    }

    /** Runs and commits the next transaction; returns the id of the token it issued. */
    String next() throws SQLException {
        String id = prefix + issued;
        insertToken(insertToken, id);
        for (String scope : SCOPES) {
            insertScope.setString(1, id);
            insertScope.setString(2, scope);
            insertScope.addBatch();
        }
        insertScope.executeBatch();
        if (issued >= distance) {
            String revoked = prefix + (issued - distance);
            revoke.setString(1, "revoked-" + revoked);
            revoke.setString(2, revoked);
            revoke.executeUpdate();
        }
        if (issued >= 2L * distance) {
            delete.setString(1, prefix + (issued - 2L * distance));
            delete.executeUpdate();
        }
        connection.commit();
        issued++;
        return id;
    }

    /** Deletes the tokens this sequence issued and has not deleted yet. */
    void removeLeftovers() throws SQLException {
        for (long n = Math.max(0, issued - 2L * distance); n < issued; n++) {
            delete.setString(1, prefix + n);
            delete.executeUpdate();
        }
        connection.commit();
    }

    /** Inserts one ACTIVE token of the super tenant, every value derived from {@code id}; does not commit. */
    static void insertToken(Connection connection, String id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertTokenSql())) {
            insertToken(insert, id);
        }
    }

    private static void insertToken(PreparedStatement insert, String id) throws SQLException {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        insert.setString(1, id);
        insert.setString(2, "access-" + id);
        insert.setString(3, "refresh-" + id);
        insert.setString(4, "user-" + id);
        insert.setTimestamp(5, now);
        insert.setTimestamp(6, now);
        insert.setString(7, "{\"hash\":\"access-" + id + "\",\"algorithm\":\"SHA-256\"}");
        insert.executeUpdate();
    }

    private static String insertTokenSql() {
        return "INSERT INTO " + TokenDataSet.TOKEN_TABLE + " (TOKEN_ID, ACCESS_TOKEN, REFRESH_TOKEN,"
                + " CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, USER_DOMAIN, USER_TYPE, GRANT_TYPE, TIME_CREATED,"
                + " REFRESH_TOKEN_TIME_CREATED, VALIDITY_PERIOD, REFRESH_TOKEN_VALIDITY_PERIOD, TOKEN_SCOPE_HASH,"
                + " TOKEN_STATE, TOKEN_STATE_ID, SUBJECT_IDENTIFIER, ACCESS_TOKEN_HASH) VALUES (?, ?, ?, 1, ?,"
                + " -1234, 'PRIMARY', 'APPLICATION_USER', 'authorization_code', ?, ?, 3600000, 86400000,"
                + " '369db21a386ae433e65c0ff34d35708d', 'ACTIVE', 'NONE', 'subject', ?)";
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : List.of(insertToken, insertScope, revoke, delete)) {
            statement.close();
        }
    }
}

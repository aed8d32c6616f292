package org.wso2.carbon.is.migration.migrator.oauth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.chunk.ChunkSettings;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.migrator.ChunkParameters;
import org.wso2.carbon.is.migration.migrator.ChunkedUpdate;
import org.wso2.carbon.is.migration.migrator.MigratorParameters;

/**
 * The 5.7.0 token-hash step ({@code OAuthTokenHashMigrator}; the old client ran it as its 5.7.0
 * {@code OAuthDataMigrator}, a name this tool gives the 5.8.0 IDP_ID step). Releases before 5.7.0 store the hex
 * digest of each access token, refresh token and authorization code in ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH and
 * AUTHORIZATION_CODE_HASH; 5.7.0 stores {@code {"hash":"<hex>","algorithm":"<algorithm>"}} there and finds a token
 * by comparing that whole text, so an old hash left as it is no longer finds its token. Each hash that is not yet
 * JSON becomes that text, exactly as the 5.7.0 server writes it (org.json's key order, no spaces), with the
 * algorithm the server is configured with (identity.xml {@code OAuth/HashAlgorithm}, SHA-256 when not set). A NULL
 * or empty hash is left as it is and counted in a warning: computing it needs the token in plain text, which an
 * encrypting deployment does not store, and the server can still find such tokens by their value. Rows already in
 * the JSON form are never touched, so a re-run changes nothing, and a deployment that stored no hashes is a no-op.
 *
 * <p>Parameters: {@code schema} (default {@code identity}), {@code hashAlgorithm} (default {@code SHA-256}), and the
 * chunking parameters of {@link ChunkParameters}: each column is walked in chunks ({@link ChunkedUpdate}).
 */
public final class TokenHashMigrator implements Migrator {

    public static final String NAME = "OAuthTokenHashMigrator";
    static final String DEFAULT_ALGORITHM = "SHA-256";
    private static final Pattern ALGORITHM = Pattern.compile("[A-Za-z0-9-]{1,50}");
    private static final String REVISION = "1";

    /** A hash column and the key its table is walked by. */
    enum HashColumn {
        ACCESS_TOKEN_HASH("IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID"),
        REFRESH_TOKEN_HASH("IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID"),
        AUTHORIZATION_CODE_HASH("IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID");

        private final String table;
        private final String key;

        HashColumn(String table, String key) {
            this.table = table;
            this.key = key;
        }

        String table() {
            return table;
        }

        /**
         * The rule on this column: a hash is stored (LIKE '_%': one character or more, which also holds on Oracle,
         * where '' is NULL and {@code <> ''} is never true), it is not JSON yet, and it has no quote, which would
         * need escaping in JSON. Two-argument CONCAT is the one form all seven dialects have.
         */
        ChunkedUpdate update(String algorithm) {
            String column = name();
            return new ChunkedUpdate(table, key, column + " = CONCAT(CONCAT('{\"hash\":\"', " + column + "), '\","
                    + "\"algorithm\":\"" + algorithm + "\"}')", column + " LIKE '_%' AND " + column + " NOT LIKE '{%'"
                    + " AND " + column + " NOT LIKE '%\"%'", table + ":" + column);
        }

        /** Rows whose hash is missing (NULL or empty), for the warning. */
        long missing(Connection connection) throws SQLException {
            try (PreparedStatement count = connection.prepareStatement(missingStatement());
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        /**
         * The count of {@link #missing}: rows whose hash fails the update's "stored" test ({@code LIKE '_%'}), with
         * no comparison with '' (never true on Oracle, where '' is NULL).
         */
        String missingStatement() {
            String missing = name() + " IS NULL OR " + name() + " NOT LIKE '_%'";
            String condition = this == REFRESH_TOKEN_HASH
                    // A token without refresh token has no refresh hash, rightly.
                    ? "REFRESH_TOKEN IS NOT NULL AND (" + missing + ")"
                    : missing;
            return "SELECT COUNT(*) FROM " + table + " WHERE " + condition;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepIdentity identify(Map<String, String> parameters) throws MigrationException {
        return MigratorParameters.onSchemaOrIdentity(parameters);
    }

    @Override
    public StepPlan plan(MigrationContext context) throws MigrationException {
        String schema = context.parameter("schema", "identity");
        String algorithm = algorithm(context);
        ChunkSettings settings = ChunkParameters.of(NAME, context);
        MigrationDatabase database = context.database(schema);
        DatabaseEngine engine = DatabaseEngine.of(database.dialect());
        List<String> actions = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (HashColumn column : HashColumn.values()) {
                ChunkedUpdate update = column.update(algorithm);
                actions.add(column.table() + "." + column + ": " + settings.describe() + ", one UPDATE per chunk"
                        + " committed with its checkpoint: " + update.sample(connection, engine));
                if (context.dryRun()) {
                    long rows = update.rowsNeeded(connection);
                    context.progress().rows(rows);
                    actions.add(column.table() + "." + column + ": would put " + rows + " hashes in the 5.7.0 JSON"
                            + " form; " + column.missing(connection) + " rows have no hash");
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new MigrationException(NAME + ": could not read the " + schema + " database: " + e.getMessage(), e);
        }
        return new StepPlan(schema, "token and code hashes in the 5.7.0 form {\"hash\":...,\"algorithm\":\""
                + algorithm + "\"}", "java:" + NAME + ":" + REVISION + ":" + algorithm, actions);
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        String schema = context.parameter("schema", "identity");
        String algorithm = algorithm(context);
        ChunkSettings settings = ChunkParameters.of(NAME, context);
        MigrationDatabase database = context.database(schema);
        DatabaseEngine engine = DatabaseEngine.of(database.dialect());
        try (Connection connection = database.connect()) {
            for (HashColumn column : HashColumn.values()) {
                column.update(algorithm).apply(connection, engine, settings, context.progress());
                long missing = column.missing(connection);
                connection.rollback();
                if (missing > 0) {
                    context.progress().warn(column.table() + "." + column + ": " + missing + " rows have no hash and"
                            + " were left as they are (a hash needs the token in plain text)");
                }
            }
        } catch (SQLException e) {
            throw new MigrationException(NAME + ": " + e.getMessage()
                    + " (chunks committed before this stay done; a re-run continues after the last of them)", e);
        }
    }

    private static String algorithm(MigrationContext context) throws MigrationException {
        String algorithm = context.parameter("hashAlgorithm", DEFAULT_ALGORITHM).trim();
        if (!ALGORITHM.matcher(algorithm).matches()) {
            throw new MigrationException(NAME + ": hashAlgorithm '" + algorithm + "' is not a digest algorithm name"
                    + " (letters, digits and '-', as identity.xml's OAuth/HashAlgorithm: " + Arrays.asList("SHA-256",
                    "SHA-512") + ")");
        }
        return algorithm;
    }
}

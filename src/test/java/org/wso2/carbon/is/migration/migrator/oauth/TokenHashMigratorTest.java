package org.wso2.carbon.is.migration.migrator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.engine.RunMode;
import org.wso2.carbon.is.migration.migrator.SingleStepRun;
import org.wso2.carbon.is.migration.migrator.claim.ClaimInstallation;
import org.wso2.carbon.is.migration.migrator.claim.TestDataSource;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.MariaDbEngine;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The 5.7.0 hash step on real engines: an identity database as 5.6.0 creates it with tokens and codes whose hashes
 * are the hex SHA-256 digests 5.6.0 writes (some tokens without refresh token), one token already in the 5.7.0 form,
 * one without a hash; walked in fixed chunks of 50.
 */
class TokenHashMigratorTest {

    private static final int TOKENS = 150;
    private static final int CODES = 120;

    @TempDir
    Path reports;

    static Stream<TestEngine> engines() {
        return Stream.of(H2Engines.CURRENT, PostgresEngine.instance(), MariaDbEngine.instance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void storedHashesTakeTheJsonFormThe570ServerLooksTokensUpByAndNothingElseChanges(TestEngine engine)
            throws Exception {
        ClaimInstallation installation = ClaimInstallation.create(engine, "5.6.0");
        String alreadyJson = json("0123abcd");
        try (Connection connection = installation.identity.connect();
             PreparedStatement token = connection.prepareStatement("INSERT INTO IDN_OAUTH2_ACCESS_TOKEN (TOKEN_ID,"
                     + " ACCESS_TOKEN, REFRESH_TOKEN, TENANT_ID, TOKEN_STATE, TOKEN_STATE_ID, ACCESS_TOKEN_HASH,"
                     + " REFRESH_TOKEN_HASH, TIME_CREATED, REFRESH_TOKEN_TIME_CREATED) VALUES (?, ?, ?, -1234, 'ACTIVE', ?, ?,"
                     + " ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
             PreparedStatement code = connection.prepareStatement("INSERT INTO IDN_OAUTH2_AUTHORIZATION_CODE (CODE_ID,"
                     + " AUTHORIZATION_CODE, TENANT_ID, STATE, AUTHORIZATION_CODE_HASH, TIME_CREATED) VALUES (?, ?, -1234,"
                     + " 'ACTIVE', ?, CURRENT_TIMESTAMP)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < TOKENS; i++) {
                boolean refresh = i % 3 != 0;
                token.setString(1, "token-id-" + i);
                token.setString(2, "access-" + i);
                token.setString(3, refresh ? "refresh-" + i : null);
                token.setString(4, "state-" + i);
                token.setString(5, hex("access-" + i));
                token.setString(6, refresh ? hex("refresh-" + i) : null);
                token.addBatch();
            }
            token.setString(1, "written-by-5.7.0");
            token.setString(2, "access-json");
            token.setString(3, null);
            token.setString(4, "state-json");
            token.setString(5, alreadyJson);
            token.setString(6, null);
            token.addBatch();
            token.setString(1, "without-hash");
            token.setString(2, "access-nohash");
            token.setString(3, null);
            token.setString(4, "state-nohash");
            token.setString(5, null);
            token.setString(6, null);
            token.addBatch();
            token.executeBatch();
            for (int i = 0; i < CODES; i++) {
                code.setString(1, "code-id-" + i);
                code.setString(2, "code-" + i);
                code.setString(3, hex("code-" + i));
                code.addBatch();
            }
            code.executeBatch();
            connection.commit();
        }
        Map<String, String> parameters = Map.of("batchSize", "50");

        MigrationReport dryRun = run(installation, parameters, RunMode.DRY_RUN);
        assertEquals(MigrationReport.Status.SUCCEEDED, dryRun.status(), dryRun.toJson());
        String actions = String.join("\n", dryRun.steps().get(0).actions());
        assertTrue(actions.contains("IDN_OAUTH2_ACCESS_TOKEN.ACCESS_TOKEN_HASH: would put " + TOKENS + " hashes in"
                + " the 5.7.0 JSON form; 1 rows have no hash"), actions);
        assertTrue(actions.contains("IDN_OAUTH2_ACCESS_TOKEN.REFRESH_TOKEN_HASH: would put 100 hashes"), actions);
        assertEquals(hex("access-7"), value(installation, "SELECT ACCESS_TOKEN_HASH FROM IDN_OAUTH2_ACCESS_TOKEN"
                + " WHERE TOKEN_ID = 'token-id-7'"), "a dry run changes nothing");

        MigrationReport migrate = run(installation, parameters, RunMode.MIGRATE);
        assertEquals(MigrationReport.Status.SUCCEEDED, migrate.status(), migrate.toJson());
        assertEquals(TOKENS + 100 + CODES, migrate.steps().get(0).rows());
        assertTrue(migrate.steps().get(0).warnings().contains("IDN_OAUTH2_ACCESS_TOKEN.ACCESS_TOKEN_HASH: 1 rows have"
                + " no hash and were left as they are (a hash needs the token in plain text)"),
                String.join("\n", migrate.steps().get(0).warnings()));
        List<String> expectedTokens = new ArrayList<>();
        for (int i = 0; i < TOKENS; i++) {
            expectedTokens.add("token-id-" + i + "|" + json(hex("access-" + i)) + "|"
                    + (i % 3 != 0 ? json(hex("refresh-" + i)) : null));
        }
        expectedTokens.add("without-hash|null|null");
        expectedTokens.add("written-by-5.7.0|" + alreadyJson + "|null");
        assertEquals(expectedTokens.stream().sorted().collect(Collectors.toList()), rows(installation,
                "SELECT TOKEN_ID, ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH FROM IDN_OAUTH2_ACCESS_TOKEN").stream()
                .sorted().collect(Collectors.toList()));
        List<String> expectedCodes = new ArrayList<>();
        for (int i = 0; i < CODES; i++) {
            expectedCodes.add("code-id-" + i + "|" + json(hex("code-" + i)));
        }
        assertEquals(expectedCodes.stream().sorted().collect(Collectors.toList()), rows(installation,
                "SELECT CODE_ID, AUTHORIZATION_CODE_HASH FROM IDN_OAUTH2_AUTHORIZATION_CODE").stream().sorted()
                .collect(Collectors.toList()));

        MigrationReport again = run(installation, parameters, RunMode.MIGRATE);
        assertEquals(StepReport.Outcome.ALREADY_APPLIED, again.steps().get(0).outcome(), again.toJson());
    }

    private MigrationReport run(ClaimInstallation installation, Map<String, String> parameters, RunMode mode)
            throws Exception {
        return SingleStepRun.run("5.6.0", "5.7.0", TokenHashMigrator.NAME, parameters,
                TestDataSource.of(installation.identity), TestDataSource.of(installation.shared), reports, mode);
    }

    /** What 5.6.0's HashingPersistenceProcessor stores: the hex SHA-256 digest. */
    private static String hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What 5.7.0's HashingPersistenceProcessor stores: org.json's JSONObject text of {algorithm, hash}, whose keys come
     * in the order of the HashMap it keeps them in.
     */
    private static String json(String hash) {
        Map<String, String> object = new HashMap<>();
        object.put("algorithm", "SHA-256");
        object.put("hash", hash);
        return object.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(ClaimInstallation installation, String sql) throws Exception {
        return rows(installation, sql).get(0);
    }

    private static List<String> rows(ClaimInstallation installation, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = installation.identity.connect();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet result = query.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getString(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}

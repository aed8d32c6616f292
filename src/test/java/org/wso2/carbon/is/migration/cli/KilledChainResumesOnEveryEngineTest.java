package org.wso2.carbon.is.migration.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.DataFingerprint;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.KilledMigrationRun;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.SampleData;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The whole 5.7.0 -> 5.9.0 chain, run by the command line in a child JVM that is killed (SIGKILL: no shutdown hook,
 * no rollback by the tool) once in each kind of step: a schema script (5.8.0 step1), the chunked OAuth data walk, the
 * index build (5.8.0 step3), the claims of many tenants, and the shared-database script (5.9.0 step2/um). Each kill
 * comes a random (seeded) delay after the ledger shows the step under way, and the ledger afterwards must show the step
 * still RUNNING: the run died inside it. One more run then finishes with exit 0, and the databases are exactly what
 * an uninterrupted chain leaves (MigrationChainTo590Test): the 5.9.0 schema, every row kept, IDP_ID filled by the
 * rule, and a further run that changes nothing. A failure names the seed; {@code -Dcrash.seed=<seed>} replays its
 * delays.
 */
class KilledChainResumesOnEveryEngineTest {

    // Per OAuth table: with BATCH, 40 committed chunks per table (PostgreSQL walks by pages: some 75 chunks of a page).
    static final int TOKENS = 600;
    private static final int BATCH = 15;
    private static final int TENANTS = 2; // with SampleData's 3 and the super tenant: 6 tenants to seed
    static final int TENANT = 77;
    private static final Duration KILL_WITHIN = Duration.ofSeconds(90);

    /**
     * Where a run is killed: the step (a STEP_KEY pattern of IS_MIGRATION_HISTORY) in the identity or the shared
     * database, once the run's log shows the step under way, and at most how long after. For a script that is its
     * first statement starting (the step's RUNNING row is committed before it); for a data step, a line the step logs
     * after it committed a chunk or a tenant. Read from the log, the moment needs no connection to the database: an
     * embedded H2 file can be read only through the run's own server, which came up too late on a quiet machine.
     */
    record KillPoint(String name, boolean shared, String stepKey, Function<TestEngine, Pattern> logged,
                     int maxDelayMillis, boolean mayEndFirstOnH2) {

        static KillPoint inScript(String name, boolean shared, String stepKey, String script, int maxDelayMillis) {
            return new KillPoint(name, shared, stepKey, engine -> Pattern.compile(Pattern.quote(
                    script + "/" + engine.dialect().scriptName() + ".sql:")), maxDelayMillis, false);
        }

        static KillPoint afterLogged(String name, String stepKey, String line, int maxDelayMillis) {
            return new KillPoint(name, false, stepKey, engine -> Pattern.compile(line), maxDelayMillis, false);
        }

        /**
         * This point, where on H2 the step may end before the kill lands: a script of a few statements on small
         * tables runs in 2-10 ms there, less than a kill takes to arrive on a busy machine. The kill then comes
         * after the step, which the test accepts there (and says so); everywhere else it must land inside.
         */
        KillPoint thatMayEndFirstOnH2() {
            return new KillPoint(name, shared, stepKey, logged, maxDelayMillis, true);
        }

        /**
         * After a chunked walk's progress line on {@code table} (ProgressMeter's "rows/s" line, logged after a chunk
         * was committed; not the step's closing "N rows changed" note, which also starts with the table's name).
         */
        static KillPoint afterProgressOf(String name, String stepKey, String table, int maxDelayMillis) {
            return afterLogged(name, stepKey, Pattern.quote(table) + ": [0-9,]+ [^\\n]*, [0-9,]+ rows/s",
                    maxDelayMillis);
        }
    }

    private static final List<KillPoint> KILL_POINTS = List.of(
            KillPoint.inScript("5.8.0 step1 schema script", false, "5.8.0/SchemaMigrator/%step1%",
                    "5.8.0/dbscripts/step1/identity", 20),
            // The walk's progress line, logged (every second, see the config below) after a chunk was committed.
            KillPoint.afterProgressOf("OAuth data walk", "5.8.0/OAuthDataMigrator/%", "IDN_OAUTH2_ACCESS_TOKEN", 60),
            KillPoint.inScript("5.8.0 step3 index build", false, "5.8.0/SchemaMigrator/%step3%",
                    "5.8.0/dbscripts/step3/identity", 20),
            // The step's note on a tenant, logged once the tenant's claims and checkpoint were committed.
            KillPoint.afterLogged("5.9.0 claims", "5.9.0/ClaimDataMigrator/%", "ClaimDataMigrator\\] tenant -?[0-9]+ \\(",
                    15),
            KillPoint.inScript("5.9.0 shared um script", true, "5.9.0/SchemaMigrator/%um%", "5.9.0/dbscripts/step2/um",
                    5).thatMayEndFirstOnH2());

    /** The random delays of one run of a crash test, from a seed that {@code -Dcrash.seed=<seed>} replays. */
    record SeededDelays(Random delays, String replay) {

        /** Draws the seed (or takes -Dcrash.seed) and prints it, so that a failure can be replayed. */
        static SeededDelays of(String test, String engineName) {
            long seed = Long.getLong("crash.seed", System.nanoTime());
            String replay = engineName + ", seed " + seed + " (replay: -Dcrash.seed=" + seed + ")";
            System.out.println(test + ": " + replay);
            return new SeededDelays(new Random(seed), replay);
        }
    }

    /** What must survive the migration: the fingerprinted columns of a database's tables, and their rows before. */
    record Rows(Map<String, List<String>> columns, Map<String, DataFingerprint.TableData> before) {

        /** Builds the release's tables with sample rows, adds the test's own rows and fingerprints the result. */
        static Rows fill(TestDatabase database, SchemaFacts release, Kept kept) throws Exception {
            try (Connection connection = database.connect()) {
                ReleaseDatabaseBuilder.create(connection, release);
                SampleData.fill(connection, 3);
                Map<String, List<String>> columns = kept.addRowsAndName(connection);
                return new Rows(columns, DataFingerprint.of(connection, columns));
            }
        }

        Map<String, DataFingerprint.TableData> now(Connection connection) throws SQLException {
            return DataFingerprint.of(connection, columns);
        }

        /** {@code database} is a fresh install of {@code release}'s shared database with these rows in it. */
        void assertKeptIn(TestDatabase database, String facts, String release, String replay) throws Exception {
            try (Connection connection = database.connect()) {
                assertEquals(List.of(), MigrationChainTo590Test.differences(connection, database,
                        SchemaFacts.load(facts, release, true)), "shared database = " + release + " fresh install; "
                        + replay);
                assertEquals(before, now(connection), "shared rows kept; " + replay);
            }
        }
    }

    /** Adds a database's own rows and names the columns whose rows the migration must keep. */
    @FunctionalInterface
    interface Kept {
        Map<String, List<String>> addRowsAndName(Connection connection) throws Exception;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H2 1.4.199", "PostgreSQL", "MariaDB"})
    void aChainKilledInEveryKindOfStepIsFinishedByTheNextRun(String engineName) throws Exception {
        SeededDelays seeded = SeededDelays.of("KilledChainResumesOnEveryEngineTest", engineName);
        Random delays = seeded.delays();
        String replay = seeded.replay();

        TestEngine engine = MigrationChainTo590Test.engine(engineName);
        TestDatabase identity = database(engine);
        TestDatabase shared = database(engine);
        String facts = engine.factsDialects().get(0);
        int[] localIdp = new int[1];
        Rows identityRows = Rows.fill(identity, SchemaFacts.load(facts, "5.7.0", false), connection -> {
            localIdp[0] = addLocalTokensAndCodes(connection, false);
            return MigrationChainTo590Test.withoutClaimTables(DataFingerprint.columns(connection));
        });
        Rows sharedRows = Rows.fill(shared, SchemaFacts.load(facts, "5.7.0", true), connection -> {
            addTenants(connection, TENANTS);
            return DataFingerprint.columns(connection);
        });
        IsHome home = MigrationChainTo590Test.home(identity, shared, "5.7.0");
        chunkSlowly(home, "{name: OAuthDataMigrator, order: 4, parameters: {schema: identity}}");

        for (KillPoint point : KILL_POINTS) {
            kill(point, engine, home, identity, shared, delays, replay);
        }

        StandaloneMigration580To590Test.Run last = StandaloneMigration580To590Test.cli("migrate", home, List.of());
        assertEquals(0, last.exitCode(), replay + "\n" + last.output());
        try (Connection connection = identity.connect()) {
            assertEquals(List.of(), MigrationChainTo590Test.differences(connection, identity,
                    SchemaFacts.load(facts, "5.9.0", false)), "identity database = 5.9.0 fresh install; " + replay);
            assertEquals(identityRows.before(), identityRows.now(connection), "identity rows kept; " + replay);
            for (String table : List.of("IDN_OAUTH2_ACCESS_TOKEN", "IDN_OAUTH2_ACCESS_TOKEN_AUDIT",
                    "IDN_OAUTH2_AUTHORIZATION_CODE")) {
                assertEquals(TOKENS, count(connection, "SELECT COUNT(*) FROM " + table + " WHERE TENANT_ID = " + TENANT
                        + " AND IDP_ID = " + localIdp[0]), table + ": IDP_ID = the tenant's LOCAL IdP; " + replay);
            }
        }
        sharedRows.assertKeptIn(shared, facts, "5.9.0", replay);

        runAgainAsANoOp(home, replay);
        try (Connection connection = identity.connect()) {
            assertEquals(identityRows.before(), identityRows.now(connection),
                    "a further run changed nothing; " + replay);
        }
    }

    /**
     * The shipped config of {@code home} with the chunked step {@code shippedStep} (its line as shipped) walking in
     * chunks of BATCH rows, so that the walk has many checkpoints to be killed between: a pause after each chunk keeps
     * the walk going for seconds, and its progress line comes every second.
     */
    static void chunkSlowly(IsHome home, String shippedStep) throws IOException {
        Path config = home.resources().resolve("migration-config.yaml");
        String shipped = Files.readString(config);
        assertTrue(shipped.contains(shippedStep) && shippedStep.endsWith("}}"), "the shipped config's " + shippedStep);
        Files.writeString(config, shipped.replace(shippedStep, shippedStep.substring(0, shippedStep.length() - 2)
                + ", batchSize: \"" + BATCH + "\", pauseMillis: \"40\", progressIntervalSeconds: \"1\"}}"));
    }

    /**
     * Runs the migration of {@code home} in a child JVM and kills it at {@code point} (a delay drawn from
     * {@code delays} after the log line), then checks that the ledger shows the step started and not ended.
     * Returns what the kill's assertions name: the point, the delay and {@code replay}.
     */
    static String kill(KillPoint point, TestEngine engine, IsHome home, TestDatabase identity, TestDatabase shared,
                       Random delays, String replay) throws Exception {
        TestDatabase watched = point.shared() ? shared : identity;
        long lastRowBefore = lastHistoryRow(watched);
        int delay = delays.nextInt(point.maxDelayMillis() + 1);
        String context = "killed in " + point.name() + " after " + delay + " ms; " + replay;
        Path log = home.path().resolve("killed-" + point.name().replace(' ', '-') + ".log");
        KilledMigrationRun.killWhenLogged(home.path(), log, point.logged().apply(engine), delay, KILL_WITHIN,
                context);
        // Opening both databases also lets H2 take over the files the killed run held, lock files included.
        try (Connection identityAfter = identity.connect(); Connection sharedAfter = shared.connect()) {
            List<String> outcomes = outcomes(point.shared() ? sharedAfter : identityAfter, point.stepKey(),
                    lastRowBefore);
            if (point.mayEndFirstOnH2() && engine.dialect() == Dialect.H2 && outcomes.equals(List.of("SUCCESS"))) {
                System.out.println(context + ": the step ended before the kill landed (H2, a script of a few ms)");
            } else {
                assertEquals(List.of("RUNNING"), outcomes, context + ": the run died inside the step\n"
                        + Files.readString(log));
            }
        }
        return context;
    }

    /** One more run of {@code home}'s migration ends well and reports every step as already applied, none applied. */
    static void runAgainAsANoOp(IsHome home, String replay) throws Exception {
        StandaloneMigration580To590Test.Run again = StandaloneMigration580To590Test.cli("migrate", home, List.of());
        assertEquals(0, again.exitCode(), replay + "\n" + again.output());
        assertFalse(again.output().contains("\"outcome\": \"APPLIED\""), replay + "\n" + again.output());
        assertTrue(again.output().contains("ALREADY_APPLIED"), replay + "\n" + again.output());
    }

    /**
     * H2 in a file, as IS ships it (one process at a time). WRITE_DELAY=0 writes each commit to the file at once: by
     * default H2 1.4 writes commits up to 500 ms later, so a kill also undoes the last commits, the ledger's RUNNING
     * row among them, and the kill would land before the step it was aimed at.
     */
    static TestDatabase database(TestEngine engine) {
        if (!(engine instanceof H2Engines h2)) {
            return engine.newDatabase();
        }
        TestDatabase file = h2.newFileDatabase();
        return new TestDatabase(file.dialect(), file.engine(), file.name(), file.url() + ";WRITE_DELAY=0",
                file.user(), file.password(), file.driver());
    }

    /** The outcomes recorded for the step after history row {@code after}, oldest first. */
    static List<String> outcomes(Connection connection, String stepKey, long after) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT OUTCOME FROM IS_MIGRATION_HISTORY"
                + " WHERE STEP_KEY LIKE ? AND ID > ? ORDER BY ID")) {
            query.setString(1, stepKey);
            query.setLong(2, after);
            List<String> outcomes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(rows.getString(1));
                }
            }
            return outcomes;
        }
    }

    private static long lastHistoryRow(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return StandaloneMigration580To590Test.hasLedger(connection)
                    ? count(connection, "SELECT COALESCE(MAX(ID), 0) FROM IS_MIGRATION_HISTORY") : 0;
        }
    }

    /**
     * A LOCAL IdP of tenant 77 and TOKENS tokens and codes of that tenant without IDP_ID (5.7.0 has no such column),
     * for the data steps to walk in many chunks; returns the IdP's id. Each token, refresh token and code is stored
     * as a deployment that encrypts them stores it (RSA 2048: 344 Base64 characters), which also gives PostgreSQL's
     * page-range walk some 75 pages of tokens to go. From 5.7.0 ({@code before570} false) each token also has an
     * audit row; before it (no audit table yet) each token and code has the SHA-256 hex digest that releases before
     * 5.7.0 store as its hash.
     */
    static int addLocalTokensAndCodes(Connection connection, boolean before570) throws Exception {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO IDP (TENANT_ID, NAME) VALUES (" + TENANT + ", 'LOCAL')");
            int app = (int) count(connection, "SELECT MIN(ID) FROM IDN_OAUTH_CONSUMER_APPS");
            Timestamp created = Timestamp.valueOf("2019-05-01 10:00:00");
            List<PreparedStatement> inserts = new ArrayList<>();
            try {
                PreparedStatement token = prepare(connection, inserts, "INSERT INTO IDN_OAUTH2_ACCESS_TOKEN"
                        + " (TOKEN_ID, CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, USER_DOMAIN, USER_TYPE, TIME_CREATED,"
                        + " REFRESH_TOKEN_TIME_CREATED, TOKEN_SCOPE_HASH, TOKEN_STATE, TOKEN_STATE_ID, ACCESS_TOKEN,"
                        + " REFRESH_TOKEN" + (before570 ? ", ACCESS_TOKEN_HASH, REFRESH_TOKEN_HASH" : "") + ")"
                        + " VALUES (?, ?, ?, ?, 'PRIMARY', 'APPLICATION_USER', ?, ?, 'h', 'ACTIVE', ?, ?, ?"
                        + (before570 ? ", ?, ?" : "") + ")");
                PreparedStatement code = prepare(connection, inserts, "INSERT INTO IDN_OAUTH2_AUTHORIZATION_CODE"
                        + " (CODE_ID, CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, USER_DOMAIN, TIME_CREATED, STATE,"
                        + " AUTHORIZATION_CODE" + (before570 ? ", AUTHORIZATION_CODE_HASH" : "") + ")"
                        + " VALUES (?, ?, ?, ?, 'PRIMARY', ?, 'ACTIVE', ?" + (before570 ? ", ?" : "") + ")");
                PreparedStatement auditRow = before570 ? null : prepare(connection, inserts, "INSERT INTO"
                        + " IDN_OAUTH2_ACCESS_TOKEN_AUDIT (TOKEN_ID, CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID,"
                        + " USER_DOMAIN, TIME_CREATED, INVALIDATED_TIME) VALUES (?, ?, ?, ?, 'PRIMARY', ?, ?)");
                for (int row = 0; row < TOKENS; row++) {
                    String user = "crash-user-" + row;
                    // Random keys spread the rows over the whole key range, as real token ids are.
                    String key = UUID.nameUUIDFromBytes(user.getBytes()).toString();
                    for (PreparedStatement insert : inserts) {
                        insert.setString(1, key);
                        insert.setInt(2, app);
                        insert.setString(3, user);
                        insert.setInt(4, TENANT);
                        insert.setTimestamp(5, created);
                    }
                    token.setTimestamp(6, created);
                    token.setString(7, key); // (CONSUMER_KEY_ID, AUTHZ_USER, TENANT_ID, ...) is unique per state id
                    String access = encrypted("access " + key);
                    String refresh = encrypted("refresh " + key);
                    String authorizationCode = encrypted("code " + key);
                    token.setString(8, access);
                    token.setString(9, refresh);
                    code.setString(6, authorizationCode);
                    if (before570) {
                        token.setString(10, hex(sha256, access));
                        token.setString(11, hex(sha256, refresh));
                        code.setString(7, hex(sha256, authorizationCode));
                    } else {
                        auditRow.setTimestamp(6, created);
                    }
                    for (PreparedStatement insert : inserts) {
                        insert.addBatch();
                    }
                }
                for (PreparedStatement insert : inserts) {
                    insert.executeBatch();
                }
            } finally {
                for (PreparedStatement insert : inserts) {
                    insert.close();
                }
            }
            connection.commit();
            return (int) count(connection, "SELECT ID FROM IDP WHERE TENANT_ID = " + TENANT + " AND NAME = 'LOCAL'");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** 256 bytes drawn from {@code seed}, in Base64: the size of an RSA 2048 cipher text. */
    private static String encrypted(String seed) {
        byte[] cipherText = new byte[256];
        new Random(seed.hashCode()).nextBytes(cipherText);
        return Base64.getEncoder().encodeToString(cipherText);
    }

    private static String hex(MessageDigest sha256, String text) {
        return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static PreparedStatement prepare(Connection connection, List<PreparedStatement> prepared, String sql)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        prepared.add(statement);
        return statement;
    }

    /** Tenants without claims: the claims step seeds each with the full 5.9.0 set, one transaction per tenant. */
    static void addTenants(Connection connection, int tenants) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO UM_TENANT (UM_DOMAIN_NAME, UM_EMAIL,"
                + " UM_ACTIVE, UM_CREATED_DATE, UM_USER_CONFIG) VALUES (?, ?, ?, ?, ?)")) {
            for (int tenant = 0; tenant < tenants; tenant++) {
                insert.setString(1, "crash" + tenant + ".com");
                insert.setString(2, "admin@crash" + tenant + ".com");
                insert.setBoolean(3, true);
                insert.setTimestamp(4, Timestamp.valueOf("2019-05-01 10:00:00"));
                insert.setBytes(5, new byte[0]);
                insert.executeUpdate();
            }
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

package org.wso2.carbon.is.migration.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.codec.digest.DigestUtils;
import org.wso2.carbon.is.migration.sync.SyncCleanup;
import org.wso2.carbon.is.migration.sync.SyncPrepare;
import org.wso2.carbon.is.migration.sync.SyncRun;
import org.wso2.carbon.is.migration.sync.SyncVerify;
import org.wso2.carbon.is.migration.sync.SyncedTable;
import org.wso2.carbon.is.migration.sync.VerifyReport;
import org.wso2.carbon.is.migration.testsupport.TcpProxy;

/**
 * The sync tool's benchmark (issue 15). On each engine a 5.7.0 identity database with N access tokens
 * ({@link TokenDataSet}) is the old server's, and a second copy of the same data migrated to 5.9.0 by the shipped
 * steps ({@link FloorRun}) is the new server's; then, in this order:
 *
 * <ol>
 * <li>write cost: {@code --transactions} IS-like transactions ({@link TokenLife}: a token with three scopes, a
 *     revoke, a delete), timed one by one, without and with the triggers in alternating rounds, p50 and p95;</li>
 * <li>apply rate: {@code --backlog} tokens changed in one transaction (so many journal entries), drained by the tool's
 *     passes ({@link SyncRun#pass}); the same change again, applied the old tool's way
 *     ({@link LegacySyncBaseline}) onto the same target; both once on the local socket and once through
 *     {@link TcpProxy proxies} that add {@code --round-trip-us} to every round trip to each database, the network
 *     between the new server and the databases;</li>
 * <li>lag: the tool running as an operator runs it while a writer makes {@code --write-rate} row writes per second
 *     for {@code --seconds} ({@link LagUnderLoad});</li>
 * <li>verify: after the backlog drained, a value changed, a row removed and a row added on the target; {@code sync
 *     verify} (chunks of 10,000, its default) must report exactly these.</li>
 * </ol>
 * H2 is not measured: the tool syncs H2 only in server mode, and the harness's H2 databases are embedded. Exit code
 * 0 when every target was met.
 *
 * <p>Run it with {@code bench/sync.sh [--tokens N] [--engines postgresql,mariadb] [--seconds S] [--transactions K]
 * [--backlog B] [--write-rate W] [--round-trip-us R]}. Not a test: {@code mvn verify} never runs it.
 */
public final class SyncBenchmark {

    private static final int VERIFY_CHUNK_ROWS = 10_000;
    /**
     * The write cost is measured in rounds after an untimed one, without and with the triggers in turn (cleanup
     * removes them in between), starting without in even rounds and with in odd ones, so that the load other
     * processes put on the machine meanwhile, and whatever warms up, falls on both alike. Odd, so that the last
     * round leaves the triggers in place. Nine rounds rather than five: with five rounds of 400 transactions the
     * PostgreSQL ratio at 1M tokens was 1.29x-1.52x over six runs, 1.29x and 1.31x on two runs the same day.
     */
    private static final int WRITE_COST_ROUNDS = 9;
    private static final String EXTRA_TOKEN = "bench-extra-row";
    private static final int KEYS_PER_UPDATE = 1000;

    private final SyncBenchOptions options;
    private final PrintStream out;

    private SyncBenchmark(SyncBenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchMain.run(args, SyncBenchOptions::parse, options -> new SyncBenchmark(options, System.out).run());
    }

    private boolean run() throws Exception {
        out.printf(Locale.ROOT, "Sync benchmark: 5.7.0 source -> 5.9.0 target, %,d access tokens; %,d transactions"
                + " per write-cost run; backlog %,d; %d row writes/s for %d s%n", options.tokens(),
                options.transactions(), options.backlog(), options.writeRate(), options.seconds());
        out.println("H2: not measured: the tool syncs H2 only in server mode, and the harness's H2 databases are"
                + " embedded; the targets are PostgreSQL's and MariaDB's");
        boolean allMet = true;
        List<String> summaries = new ArrayList<>();
        for (BenchEngine engine : options.engines()) {
            if (engine == BenchEngine.H2) {
                continue;
            }
            SyncFigures figures = measure(engine);
            figures.print(out);
            allMet &= figures.targetsMet();
            summaries.add(figures.summaryLine());
        }
        out.println();
        out.println("Summary");
        summaries.forEach(out::println);
        return allMet;
    }

    private SyncFigures measure(BenchEngine engine) throws Exception {
        TokenDataSet data = new TokenDataSet(engine, options.tokens());
        progress(engine, "generating the source and its copy");
        try (BenchDatabases source = BenchDatabases.create(engine, data);
             BenchDatabases target = BenchDatabases.create(engine, data)) {
            progress(engine, "migrating the copy to 5.9.0");
            new FloorRun(ShippedSteps.from("5.7.0"), target.identity(), target.shared()).runAll();
            SyncedPair pair = SyncedPair.of(source.identity(), target.identity());

            progress(engine, "write cost without and with triggers, " + WRITE_COST_ROUNDS + " rounds each");
            List<Long> without = new ArrayList<>();
            List<Long> with = new ArrayList<>();
            transactions(pair, "warm-up-", new ArrayList<>());
            for (int round = 0; round < WRITE_COST_ROUNDS; round++) {
                if (round % 2 == 0) {
                    transactions(pair, "plain-" + round + "-", without);
                }
                new SyncPrepare(pair.settings(), pair.databases()).run();
                transactions(pair, "journalled-" + round + "-", with);
                SyncedPair.drain(pair.newRun());
                if (round % 2 == 1) {
                    new SyncCleanup(pair.settings(), pair.databases()).run();
                    transactions(pair, "plain-" + round + "-", without);
                }
            }
            progress(engine, String.format(Locale.ROOT, "write cost p50 %.3f ms without, %.3f ms with triggers",
                    Latencies.ofNanos(without).p50Millis(), Latencies.ofNanos(with).p50Millis()));
            progress(engine, "apply on a local socket");
            ApplyRates local = applyRates(pair);
            ApplyRates networked = null;
            if (options.roundTripMicros() > 0) {
                Duration oneWay = Duration.ofNanos(options.roundTripMicros() * 500L);
                progress(engine, "apply with " + options.roundTripMicros() + " us per round trip to each database");
                try (TcpProxy toSource = TcpProxy.inFrontOf(pair.source(), oneWay);
                     TcpProxy toTarget = TcpProxy.inFrontOf(pair.target(), oneWay)) {
                    networked = applyRates(SyncedPair.of(toSource.reaching(pair.source()),
                            toTarget.reaching(pair.target())));
                }
            }

            progress(engine, "lag under a steady writer");
            LagUnderLoad.Result lag = new LagUnderLoad(pair, options.writeRate(), options.seconds()).run();
            SyncedPair.drain(pair.newRun());

            progress(engine, "verify");
            List<String> injected = injectDifferences(pair);
            long started = System.nanoTime();
            VerifyReport report = new SyncVerify(pair.settings(), pair.databases(), VERIFY_CHUNK_ROWS).run(false);
            long verifyMillis = (System.nanoTime() - started) / 1_000_000;
            List<String> listed = report.differingKeys(TokenDataSet.TOKEN_TABLE);
            int found = (int) injected.stream().filter(listed::contains).count();
            if (found != injected.size() || report.differences() != found) {
                out.println(report.text());
            }
            return new SyncFigures(engine, options.tokens(), pair.settings().syncIntervalMillis(),
                    Latencies.ofNanos(without), Latencies.ofNanos(with), local, options.roundTripMicros(), networked,
                    lag, options.writeRate(),
                    report.rowsPerSecondPerSide(TokenDataSet.TOKEN_TABLE), verifyMillis, injected.size(), found,
                    report.differences() - found);
        }
    }

    /**
     * The backlog ({@link #journalChanges}) drained by the tool's passes, then the same change again applied the old
     * tool's way onto the same target, through {@code pair}'s connections.
     */
    private ApplyRates applyRates(SyncedPair pair) throws Exception {
        SyncRun run = pair.newRun();
        String journal = tokenJournal(run);
        long backlog = journalChanges(pair);
        long started = System.nanoTime();
        long toolRows = SyncedPair.drain(run);
        long toolMillis = (System.nanoTime() - started) / 1_000_000;
        journalChanges(pair);
        try (Connection source = pair.source().connect(); Connection target = pair.target().connect()) {
            source.setAutoCommit(false);
            target.setAutoCommit(false);
            long[] ids = idRange(source, journal);
            LegacySyncBaseline.Result baseline = new LegacySyncBaseline(journal, pair.settings().batchSize())
                    .run(source, target, ids[0] - 1, ids[1]);
            forget(source, journal, ids[1]);
            return new ApplyRates(backlog, toolRows, toolMillis, baseline);
        }
    }

    /**
     * Times one round's share of {@code --transactions} transactions, after a tenth as many untimed, then removes
     * their tokens.
     */
    private void transactions(SyncedPair pair, String prefix, List<Long> nanos) throws SQLException {
        int count = Math.max(1, options.transactions() / WRITE_COST_ROUNDS);
        try (Connection connection = pair.source().connect();
             TokenLife writes = new TokenLife(connection, prefix, 1)) {
            for (int i = 0; i < count / 10; i++) {
                writes.next();
            }
            for (int i = 0; i < count; i++) {
                long started = System.nanoTime();
                writes.next();
                nanos.add(System.nanoTime() - started);
            }
            writes.removeLeftovers();
        }
    }

    /**
     * Changes the first {@code --backlog} generated tokens in one transaction (statements of
     * {@value #KEYS_PER_UPDATE} keys), so many journal entries; returns the rows changed.
     */
    private long journalChanges(SyncedPair pair) throws SQLException {
        long rows = 0;
        try (Connection connection = pair.source().connect();
             PreparedStatement update = connection.prepareStatement("UPDATE " + TokenDataSet.TOKEN_TABLE
                     + " SET VALIDITY_PERIOD = VALIDITY_PERIOD + 1 WHERE TOKEN_ID IN ("
                     + "?, ".repeat(KEYS_PER_UPDATE - 1) + "?)")) {
            connection.setAutoCommit(false);
            for (long first = 1; first <= options.backlog(); first += KEYS_PER_UPDATE) {
                for (int i = 0; i < KEYS_PER_UPDATE; i++) {
                    long n = first + i;
                    // past the backlog, a key no token has
                    update.setString(i + 1, n <= options.backlog() ? DigestUtils.md5Hex("t" + n) : "none");
                }
                rows += update.executeUpdate();
            }
            connection.commit();
        }
        return rows;
    }

    private static String tokenJournal(SyncRun run) {
        for (SyncedTable table : run.tables()) {
            if (table.name().equals(TokenDataSet.TOKEN_TABLE)) {
                return table.journal();
            }
        }
        throw new IllegalStateException(TokenDataSet.TOKEN_TABLE + " is not synced");
    }

    private static long[] idRange(Connection source, String journal) throws SQLException {
        try (Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MIN(SYNC_ID), MAX(SYNC_ID) FROM " + journal)) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    /** Removes the entries the old approach applied (it never removed any), so that the tool does not redo them. */
    private static void forget(Connection source, String journal, long upTo) throws SQLException {
        try (PreparedStatement delete = source.prepareStatement("DELETE FROM " + journal + " WHERE SYNC_ID <= ?")) {
            delete.setLong(1, upTo);
            delete.executeUpdate();
        }
        source.commit();
    }

    /**
     * On the target: a value changed, a row removed (a token without scopes, so that nothing cascades) and a row
     * only the target has; returns their keys as verify lists them.
     */
    private List<String> injectDifferences(SyncedPair pair) throws SQLException {
        String changed = DigestUtils.md5Hex("t" + (options.tokens() / 2));
        String missing = DigestUtils.md5Hex("t" + (options.tokens() / 2 + 1));
        try (Connection target = pair.target().connect()) {
            target.setAutoCommit(false);
            try (PreparedStatement update = target.prepareStatement("UPDATE " + TokenDataSet.TOKEN_TABLE
                    + " SET AUTHZ_USER = 'changed-on-the-target' WHERE TOKEN_ID = ?");
                 PreparedStatement delete = target.prepareStatement("DELETE FROM " + TokenDataSet.TOKEN_TABLE
                         + " WHERE TOKEN_ID = ?")) {
                update.setString(1, changed);
                update.executeUpdate();
                delete.setString(1, missing);
                delete.executeUpdate();
            }
            TokenLife.insertToken(target, EXTRA_TOKEN);
            target.commit();
        }
        return List.of("[" + changed + "]", "[" + missing + "]", "[" + EXTRA_TOKEN + "]");
    }

    private void progress(BenchEngine engine, String message) {
        out.printf(Locale.ROOT, "[%tT %s] %s%n", System.currentTimeMillis(), engine.label(), message);
        out.flush();
    }
}

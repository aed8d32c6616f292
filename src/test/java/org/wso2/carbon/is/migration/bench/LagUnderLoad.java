package org.wso2.carbon.is.migration.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.wso2.carbon.is.migration.sync.SyncRun;

/**
 * The lag under a steady writer: {@link TokenLife} transactions paced to {@code writeRate} row writes per second
 * (each issues a token with its scopes, revokes one and deletes one issued earlier) on the source while the tool
 * runs as an operator starts it ({@link SyncRun#run}, {@code syncInterval} at its default). The lag of a change is
 * measured outside the tool: from the moment its transaction committed on the source to the first look at the
 * target (every {@value #POLL_MILLIS} ms) that finds the issued token there; the look's own duration counts, so the
 * figure errs on the high side by up to one poll.
 */
final class LagUnderLoad {

    record Result(Latencies lag, long transactions, double rowWritesPerSecond, int neverLanded) {
    }

    private static final long POLL_MILLIS = 100;
    private static final int KEYS_PER_LOOK = 500;
    /** Seconds between a token's issue and its revoke; its delete comes as long after that. */
    private static final int SECONDS_BEFORE_REVOKE = 30;

    private final SyncedPair pair;
    private final int writeRate;
    private final long seconds;

    LagUnderLoad(SyncedPair pair, int writeRate, long seconds) {
        this.pair = pair;
        this.writeRate = writeRate;
        this.seconds = seconds;
    }

    Result run() throws Exception {
        SyncRun run = pair.newRun();
        AtomicBoolean stopTool = new AtomicBoolean();
        Thread tool = new Thread(() -> {
            try {
                run.run(stopTool::get);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sync-run");
        tool.start();
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> watch(committedAt, lags, writing), "lag-watcher");
        watcher.start();
        long transactions;
        long writeNanos;
        try {
            long started = System.nanoTime();
            transactions = write(committedAt);
            writeNanos = System.nanoTime() - started;
        } finally {
            writing.set(false);
        }
        watcher.join(TimeUnit.SECONDS.toMillis(60) + pair.settings().syncIntervalMillis() * 3);
        watcher.interrupt();
        watcher.join();
        stopTool.set(true);
        tool.join();
        return new Result(Latencies.ofNanos(lags), transactions,
                transactions * TokenLife.ROW_WRITES / (writeNanos / 1e9), committedAt.size());
    }

    /** Writes for {@code seconds} at the rate, by the clock: a late transaction is followed by the next at once. */
    private long write(Map<String, Long> committedAt) throws SQLException {
        double perSecond = (double) writeRate / TokenLife.ROW_WRITES;
        long interval = (long) (1e9 / perSecond);
        int distance = (int) Math.max(1, perSecond * SECONDS_BEFORE_REVOKE);
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        long count = 0;
        try (Connection connection = pair.source().connect();
             TokenLife writes = new TokenLife(connection, "lag-", distance)) {
            for (long due = started; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String id = writes.next();
                committedAt.put(id, System.nanoTime());
                count++;
            }
        }
        return count;
    }

    /** Looks for the issued tokens on the target until all landed and the writer stopped, or it is interrupted. */
    private void watch(Map<String, Long> committedAt, List<Long> lags, AtomicBoolean writing) {
        try (Connection target = pair.target().connect()) {
            target.setAutoCommit(true);
            while (!Thread.currentThread().isInterrupted() && (writing.get() || !committedAt.isEmpty())) {
                List<String> waiting = new ArrayList<>(committedAt.keySet());
                for (int from = 0; from < waiting.size(); from += KEYS_PER_LOOK) {
                    List<String> keys = waiting.subList(from, Math.min(waiting.size(), from + KEYS_PER_LOOK));
                    for (String landed : present(target, keys)) {
                        lags.add(System.nanoTime() - committedAt.remove(landed));
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look at the target: " + e, e);
        }
    }

    private static List<String> present(Connection target, List<String> keys) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement select = target.prepareStatement("SELECT TOKEN_ID FROM " + TokenDataSet.TOKEN_TABLE
                + " WHERE TOKEN_ID IN (" + "?, ".repeat(keys.size() - 1) + "?)")) {
            for (int i = 0; i < keys.size(); i++) {
                select.setString(i + 1, keys.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }
}

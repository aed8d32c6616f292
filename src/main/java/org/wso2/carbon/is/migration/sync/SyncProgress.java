package org.wso2.carbon.is.migration.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What an operator watching a run needs per table, every {@code syncInterval}: rows synced, the backlog (journal
 * entries not yet applied), how many of them belong to rows the target refused and that wait for a retry, the lag
 * (age of the oldest entry) and the rate since the last report; for a table with no backlog the old tool's line,
 * {@code No data to sync for: <TABLE>}, exactly.
 */
public final class SyncProgress {

    private final Consumer<String> lines;
    private final Map<String, Counter> counters = new LinkedHashMap<>();

    /** @param lines where the lines go (the log, standard output) */
    public SyncProgress(Consumer<String> lines) {
        this.lines = lines;
    }

    synchronized void applied(String table, long rows) {
        counter(table).total += rows;
    }

    /** The figures of one table now, and the rate since the figures before. */
    synchronized TableFigures figures(String table, long pending, long failing, long lagMillis) {
        Counter counter = counter(table);
        long now = System.currentTimeMillis();
        double seconds = Math.max(1, now - counter.reportedAt) / 1000.0;
        double rate = (counter.total - counter.reportedTotal) / seconds;
        counter.reportedAt = now;
        counter.reportedTotal = counter.total;
        return new TableFigures(table, counter.total, pending, failing, lagMillis, rate);
    }

    void report(List<TableFigures> figures) {
        for (TableFigures table : figures) {
            lines.accept(table.line());
        }
    }

    private Counter counter(String table) {
        Counter counter = counters.get(table);
        if (counter == null) {
            counter = new Counter();
            counters.put(table, counter);
        }
        return counter;
    }

    private static final class Counter {
        private long total;
        private long reportedTotal;
        private long reportedAt = System.currentTimeMillis();
    }

    /** One table's figures at one moment. */
    public static final class TableFigures {
        private final String table;
        private final long synced;
        private final long pending;
        private final long failing;
        private final long lagMillis;
        private final double rowsPerSecond;

        TableFigures(String table, long synced, long pending, long failing, long lagMillis, double rowsPerSecond) {
            this.table = table;
            this.synced = synced;
            this.pending = pending;
            this.failing = failing;
            this.lagMillis = lagMillis;
            this.rowsPerSecond = rowsPerSecond;
        }

        public String table() {
            return table;
        }

        /** Rows written or deleted on the target by this run. */
        public long synced() {
            return synced;
        }

        /** Journal entries not yet applied. */
        public long pending() {
            return pending;
        }

        /**
         * Of the pending entries, those of rows the target refused and that wait for a retry; the log has each
         * refusal's error, and after {@code maxAttempts} the row is parked.
         */
        public long failing() {
            return failing;
        }

        /** Age of the oldest pending entry, 0 without any. */
        public long lagMillis() {
            return lagMillis;
        }

        public double rowsPerSecond() {
            return rowsPerSecond;
        }

        /** The progress line. */
        public String line() {
            if (pending == 0) {
                return "No data to sync for: " + table;
            }
            return String.format(Locale.ROOT, "%s: %d rows synced (%.1f rows/s), backlog %d%s, lag %.1f s", table,
                    synced, rowsPerSecond, pending, failing == 0 ? "" : " (" + failing + " refused by the target,"
                            + " retried)", lagMillis / 1000.0);
        }
    }
}

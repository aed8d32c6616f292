package org.wso2.carbon.is.migration.chunk;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells how a long walk over a table goes, at a steady interval: rows done of the total, the rate so far and the
 * time left at that rate ({@code IDN_OAUTH2_ACCESS_TOKEN: 420,000 of ~1,000,000 rows (42%), 35,120 rows/s, about
 * 17 s left}). The total is an estimate (see {@link TableSizes}); when the walk passes it, the line says so instead
 * of a percentage.
 */
public final class ProgressMeter {

    private final String table;
    private final long total;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Consumer<String> out;
    private final long started;
    private long lastReport;
    private long done;

    /**
     * @param table         what is walked, for the line
     * @param total         rows expected (an estimate; 0 or less when unknown)
     * @param intervalNanos the least time between two lines
     * @param clock         {@link System#nanoTime} (tests pass their own)
     * @param out           where lines go (the log)
     */
    public ProgressMeter(String table, long total, long intervalNanos, LongSupplier clock, Consumer<String> out) {
        this.table = table;
        this.total = total;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.out = out;
        this.started = clock.getAsLong();
        this.lastReport = started;
    }

    /** Counts rows walked; writes a line when the interval has passed since the last one. */
    void advance(long rows) {
        done += rows;
        long now = clock.getAsLong();
        if (now - lastReport >= intervalNanos) {
            lastReport = now;
            out.accept(line(now));
        }
    }

    public long done() {
        return done;
    }

    String line(long now) {
        long elapsed = Math.max(1, now - started);
        double rate = done * 1e9 / elapsed;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,d", table, done));
        if (total > 0 && done <= total) {
            line.append(String.format(Locale.ROOT, " of ~%,d rows (%d%%)", total, done * 100 / total));
        } else {
            line.append(" rows").append(total > 0 ? String.format(Locale.ROOT, " (more than the ~%,d estimated)",
                    total) : "");
        }
        line.append(String.format(Locale.ROOT, ", %,d rows/s", (long) rate));
        if (total > done && rate > 0) {
            line.append(", about ").append(duration((long) ((total - done) / rate))).append(" left");
        }
        return line.toString();
    }

    /** {@code 17 s}, {@code 4 min 05 s}, {@code 2 h 03 min}. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}

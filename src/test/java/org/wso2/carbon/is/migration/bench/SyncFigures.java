package org.wso2.carbon.is.migration.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything the sync benchmark measured on one engine, printed as a table of figures against the targets:
 * trigger overhead (p50 with / without) at most 1.3x on PostgreSQL and 1.5x on MariaDB; the tool's apply rate at
 * least 5x the old approach's; lag p95 at most {@code syncInterval} + 1 s; verify at least 50,000 rows/s per side,
 * every injected difference found and nothing else.
 *
 * <p>The apply target is judged with the round trip of a network between the tool and the databases
 * ({@code networked}, when measured): the tool runs in the new server, which is never the host of the old database,
 * and a round trip per row is exactly what the old approach spends. The local-socket figures are printed beside
 * them, where a round trip costs next to nothing and both approaches mostly wait for the same row writes.
 */
record SyncFigures(BenchEngine engine, long tokens, long syncIntervalMillis, Latencies withoutTriggers,
                   Latencies withTriggers, ApplyRates local, int roundTripMicros, ApplyRates networked,
                   LagUnderLoad.Result lag, int writeRate, long verifyRowsPerSecond,
                   long verifyMillis, int injected, int injectedFound, long falsePositives) {

    static final double APPLY_TARGET = 5.0;
    static final long VERIFY_TARGET = 50_000;
    static final long LAG_MARGIN_MILLIS = 1000;

    double overheadTarget() {
        return engine == BenchEngine.POSTGRESQL ? 1.3 : 1.5;
    }

    double overhead() {
        return withTriggers.p50Millis() / withoutTriggers.p50Millis();
    }

    /** The apply figures the target is judged on: over the network when measured, else on the local socket. */
    ApplyRates judgedApply() {
        return networked != null ? networked : local;
    }

    long lagTargetMillis() {
        return syncIntervalMillis + LAG_MARGIN_MILLIS;
    }

    boolean lagMet() {
        return lag.neverLanded() == 0 && lag.lag().p95Millis() <= lagTargetMillis();
    }

    /** Each target in the order the table prints them: overhead, apply, lag, verify rate, verify findings. */
    List<Boolean> targets() {
        return List.of(overhead() <= overheadTarget(), judgedApply().ratio() >= APPLY_TARGET, lagMet(),
                verifyRowsPerSecond >= VERIFY_TARGET, injectedFound == injected && falsePositives == 0);
    }

    boolean targetsMet() {
        return !targets().contains(false);
    }

    void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "== %s: %,d tokens, batchSize 100, syncInterval %d ms%n", engine.label(), tokens,
                syncIntervalMillis);
        String row = "%-58s %-34s %-22s %s%n";
        out.printf(row, "figure", "measured", "target", "");
        out.printf(row, "IS-like transaction without triggers, p50 / p95",
                ms(withoutTriggers.p50Millis()) + " / " + ms(withoutTriggers.p95Millis()), "", "");
        out.printf(row, "IS-like transaction with triggers, p50 / p95",
                ms(withTriggers.p50Millis()) + " / " + ms(withTriggers.p95Millis()), "", "");
        out.printf(row, "trigger overhead, p50 with / without (p95 in brackets)", String.format(Locale.ROOT,
                "%.2fx (%.2fx)", overhead(), withTriggers.p95Millis() / withoutTriggers.p95Millis()),
                String.format(Locale.ROOT, "<= %.1fx", overheadTarget()), met(targets().get(0)));
        printApply(out, row, "local", local, networked == null);
        if (networked != null) {
            printApply(out, row, "+" + roundTripMicros + " us/round trip", networked, true);
        }
        out.printf(row, String.format(Locale.ROOT, "lag p95 at %d row writes/s (measured %.0f/s, %,d tx)", writeRate,
                        lag.rowWritesPerSecond(), lag.transactions()),
                String.format(Locale.ROOT, "%s (p50 %s, max %s%s)", ms(lag.lag().p95Millis()),
                        ms(lag.lag().p50Millis()), ms(lag.lag().maxMillis()),
                        lag.neverLanded() == 0 ? "" : ", " + lag.neverLanded() + " never landed"),
                "<= " + lagTargetMillis() + " ms", met(targets().get(2)));
        out.printf(row, "verify, rows/s per side (token table)", String.format(Locale.ROOT,
                "%,d rows/s (all tables %.1f s)", verifyRowsPerSecond, verifyMillis / 1000.0),
                String.format(Locale.ROOT, ">= %,d", VERIFY_TARGET), met(targets().get(3)));
        out.printf(row, "verify, injected differences found / false positives",
                injectedFound + " of " + injected + " / " + falsePositives, "all / 0", met(targets().get(4)));
    }

    private void printApply(PrintStream out, String row, String where, ApplyRates apply, boolean judged) {
        out.printf(row, "apply (" + where + "): tool, " + String.format(Locale.ROOT, "%,d", apply.backlog())
                + " changes", String.format(Locale.ROOT, "%,d rows/s (%,d rows, %.1f s)", apply.toolRowsPerSecond(),
                apply.toolRows(), apply.toolMillis() / 1000.0), "", "");
        out.printf(row, "apply (" + where + "): old approach, row by row",
                String.format(Locale.ROOT, "%,d rows/s (%,d rows, %.1f s)", apply.baseline().rowsPerSecond(),
                        apply.baseline().rows(), apply.baseline().millis() / 1000.0), "", "");
        out.printf(row, "apply (" + where + "): tool / old approach", String.format(Locale.ROOT, "%.1fx", apply.ratio()),
                judged ? String.format(Locale.ROOT, ">= %.0fx", APPLY_TARGET) : "(not judged)",
                judged ? met(targets().get(1)) : "");
    }

    String summaryLine() {
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%-10s N=%,d: trigger overhead %.2fx", engine.label(), tokens,
                overhead()));
        parts.add(String.format(Locale.ROOT, "apply %,d rows/s = %.1fx the old approach on a local socket",
                local.toolRowsPerSecond(), local.ratio()));
        if (networked != null) {
            parts.add(String.format(Locale.ROOT, "%,d rows/s = %.1fx at +%d us per round trip",
                    networked.toolRowsPerSecond(), networked.ratio(), roundTripMicros));
        }
        parts.add("lag p95 " + ms(lag.lag().p95Millis()));
        parts.add(String.format(Locale.ROOT, "verify %,d rows/s per side, %d/%d found, %d false positives",
                verifyRowsPerSecond, injectedFound, injected, falsePositives));
        parts.add(targetsMet() ? "targets met" : "TARGET MISSED");
        return String.join(", ", parts);
    }

    /** Milliseconds, to the microsecond below 10 ms (a transaction's cost), else to the tenth. */
    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.3f ms" : "%.1f ms", millis);
    }

    private static String met(boolean met) {
        return met ? "met" : "MISSED";
    }
}

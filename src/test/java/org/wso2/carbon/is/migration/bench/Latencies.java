package org.wso2.carbon.is.migration.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles (nearest rank) of measured durations, in milliseconds. */
record Latencies(int count, double p50Millis, double p95Millis, double maxMillis) {

    static Latencies ofNanos(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(sorted.length, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.95)),
                millis(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}

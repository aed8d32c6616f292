package org.wso2.carbon.is.migration.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The sync benchmark's command line.
 *
 * <pre>
 * --tokens N          access tokens in the source and its migrated copy (default 1000000)
 * --engines LIST      postgresql,mariadb (default both); h2 is accepted and reported as refused by the tool
 * --seconds S         how long the steady writer runs while the lag is measured (default 60)
 * --transactions K    IS-like transactions timed with and without the triggers (default 10000)
 * --backlog B         journalled changes drained by the tool and by the old approach (default N/20)
 * --write-rate W      row writes per second of the steady writer (default 500)
 * --round-trip-us R   apply is measured again with R microseconds added to every round trip to each database, as
 *                     between hosts (default 500; 0 measures on the local socket only)
 * </pre>
 */
record SyncBenchOptions(long tokens, List<BenchEngine> engines, long seconds, int transactions, long backlog,
                        int writeRate, int roundTripMicros) {

    static SyncBenchOptions parse(String... args) {
        long tokens = BenchOptions.DEFAULT_TOKENS;
        List<BenchEngine> engines = List.of(BenchEngine.POSTGRESQL, BenchEngine.MARIADB);
        long seconds = 60;
        int transactions = 10_000;
        Long backlog = null;
        int writeRate = 500;
        int roundTripMicros = 500;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--tokens" -> tokens = BenchOptions.positive(arg, BenchOptions.value(args, ++i, arg));
                case "--engines" -> {
                    List<BenchEngine> chosen = new ArrayList<>();
                    for (String name : BenchOptions.value(args, ++i, arg).split(",")) {
                        chosen.add(BenchEngine.parse(name));
                    }
                    engines = List.copyOf(chosen);
                }
                case "--seconds" -> seconds = BenchOptions.positive(arg, BenchOptions.value(args, ++i, arg));
                case "--transactions" ->
                        transactions = (int) BenchOptions.positive(arg, BenchOptions.value(args, ++i, arg));
                case "--backlog" -> backlog = BenchOptions.positive(arg, BenchOptions.value(args, ++i, arg));
                case "--write-rate" ->
                        writeRate = (int) BenchOptions.positive(arg, BenchOptions.value(args, ++i, arg));
                case "--round-trip-us" -> roundTripMicros = notNegative(arg, BenchOptions.value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (known: --tokens N,"
                        + " --engines postgresql,mariadb, --seconds S, --transactions K, --backlog B,"
                        + " --write-rate W, --round-trip-us R)");
            }
        }
        long chosenBacklog = backlog != null ? backlog : Math.max(1, tokens / 20);
        if (chosenBacklog > tokens) {
            throw new IllegalArgumentException("--backlog " + chosenBacklog + " is more than the " + tokens
                    + " tokens there are to change");
        }
        return new SyncBenchOptions(tokens, engines, seconds, transactions, chosenBacklog, writeRate,
                roundTripMicros);
    }

    private static int notNegative(String option, String value) {
        return value.equals("0") ? 0 : (int) BenchOptions.positive(option, value);
    }
}

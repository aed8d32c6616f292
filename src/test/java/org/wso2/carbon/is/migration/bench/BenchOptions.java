package org.wso2.carbon.is.migration.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line.
 *
 * <pre>
 * --tokens N              access tokens to generate (default 1000000); codes, scopes and audit rows are N/10
 * --engines h2,postgresql,mariadb   engines to run on, in this order (default all three)
 * --batch-target-ms M     the tool's target time per chunk (its step parameter chunkTargetMillis; default: the
 *                         tool's own default)
 * --tool-xmx SIZE         -Xmx of the JVM the tool runs in, so that heap figures compare across N (default 256m;
 *                         on H2 1g, the harness's own: embedded H2 keeps its page cache in the JVM that opens the
 *                         database, and the floor and the baseline run it in the harness's)
 * --skip-baseline         leave out the old client's OFFSET paging (it grows with the square of N: at 10M it takes
 *                         hours)
 * </pre>
 */
record BenchOptions(long tokens, List<BenchEngine> engines, Integer batchTargetMillis, String toolXmx,
                    boolean skipBaseline) {

    static final long DEFAULT_TOKENS = 1_000_000;

    /** The tool JVM's -Xmx on {@code engine}: the one given, else the default. */
    String toolXmx(BenchEngine engine) {
        return toolXmx != null ? toolXmx : engine == BenchEngine.H2 ? "1g" : "256m";
    }

    static BenchOptions parse(String... args) {
        long tokens = DEFAULT_TOKENS;
        List<BenchEngine> engines = List.of(BenchEngine.H2, BenchEngine.POSTGRESQL, BenchEngine.MARIADB);
        Integer target = null;
        String xmx = null;
        boolean skipBaseline = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--tokens" -> tokens = positive(arg, value(args, ++i, arg));
                case "--engines" -> {
                    List<BenchEngine> chosen = new ArrayList<>();
                    for (String name : value(args, ++i, arg).split(",")) {
                        chosen.add(BenchEngine.parse(name));
                    }
                    engines = List.copyOf(chosen);
                }
                case "--batch-target-ms" -> target = (int) positive(arg, value(args, ++i, arg));
                case "--tool-xmx" -> xmx = value(args, ++i, arg);
                case "--skip-baseline" -> skipBaseline = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "' (known: --tokens N,"
                        + " --engines h2,postgresql,mariadb, --batch-target-ms M, --tool-xmx SIZE, --skip-baseline)");
            }
        }
        return new BenchOptions(tokens, engines, target, xmx, skipBaseline);
    }

    static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    static long positive(String option, String value) {
        try {
            long number = Long.parseLong(value.replace("_", "").replace(",", ""));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive whole number, not '" + value + "'");
    }
}

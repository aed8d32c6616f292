package org.wso2.carbon.is.migration.bench;

import java.util.function.Function;

/**
 * How a benchmark harness ends its JVM: exit code 2 for a wrong option (its message on standard error), 0 when every
 * target was met, 1 when one was missed or the run failed. The JVM is always ended: the embedded engines' threads
 * would keep it alive after a stack trace.
 */
final class BenchMain {

    /** A harness run with parsed options; true when every target was met. */
    @FunctionalInterface
    interface Harness<O> {
        boolean run(O options) throws Exception;
    }

    private BenchMain() {
    }

    static <O> void run(String[] args, Function<String[], O> parse, Harness<O> harness) {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean allMet;
        try {
            allMet = harness.run(options);
        } catch (Exception e) {
            e.printStackTrace();
            allMet = false;
        }
        System.exit(allMet ? 0 : 1);
    }
}

package org.wso2.carbon.is.migration.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything measured on one engine, the table printed from it, and the targets checked against it:
 * total within 1.25x of the floor, no data-step chunk over 1 s, the old approach beaten by at least 5x (the heap
 * target compares runs at different N, so it is printed, not checked here).
 */
record EngineFigures(BenchEngine engine, BenchOptions options, TokenDataSet data, long generationMillis,
                     ShippedSteps shipped, List<StepFigure> floor, OffsetPagingBaseline.Result baseline,
                     ToolRun.Result tool) {

    static final double TOTAL_TARGET = 1.25;
    static final long CHUNK_TARGET_MILLIS = 1000;
    static final double BASELINE_TARGET = 5.0;

    long floorMillis() {
        return floor.stream().mapToLong(StepFigure::millis).sum();
    }

    /** The tool's step for the shipped step at {@code index}, matched by version and order. */
    StepFigure toolStep(int index) {
        ShippedSteps.Step step = shipped.steps().get(index);
        String prefix = step.version() + "/" + step.order() + " ";
        return tool.steps().stream().filter(figure -> figure.label().startsWith(prefix)).findFirst()
                .orElse(new StepFigure(prefix + "(not in the report)", 0, 0));
    }

    StepFigure toolDataStep() {
        for (int i = 0; i < shipped.steps().size(); i++) {
            if (shipped.steps().get(i).isDataStep()) {
                return toolStep(i);
            }
        }
        throw new IllegalStateException("no data step");
    }

    double totalRatio() {
        return ratio(tool.totalMillis(), floorMillis());
    }

    double baselineRatio() {
        return baseline == null ? Double.NaN : ratio(baseline.millis(), toolDataStep().millis());
    }

    boolean targetsMet() {
        return tool.exitCode() == 0 && totalRatio() <= TOTAL_TARGET && tool.longestChunkMillis() <= CHUNK_TARGET_MILLIS
                && (baseline == null || baselineRatio() >= BASELINE_TARGET);
    }

    void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "== %s: %,d tokens; data generated in %.1f s (per copy)%n", engine.label(),
                data.tokens(), generationMillis / 1000.0);
        if (tool.exitCode() != 0) {
            out.printf(Locale.ROOT, "   THE TOOL FAILED (exit code %d): see %s and %s%n", tool.exitCode(), tool.log(),
                    tool.report());
        }
        out.printf(Locale.ROOT, "%-48s %12s %9s %11s %9s %11s %10s%n", "step", "rows", "tool s", "tool rows/s",
                "floor s", "floor rows/s", "tool/floor");
        for (int i = 0; i < shipped.steps().size(); i++) {
            StepFigure floorStep = floor.get(i);
            StepFigure toolStep = toolStep(i);
            out.printf(Locale.ROOT, "%-48s %,12d %9.2f %,11d %9.2f %,11d %10s%n", floorStep.label(), toolStep.rows(),
                    toolStep.seconds(), toolStep.rowsPerSecond(), floorStep.seconds(), floorStep.rowsPerSecond(),
                    ratioText(toolStep.millis(), floorStep.millis()));
        }
        out.printf(Locale.ROOT, "%-48s %12s %9.2f %11s %9.2f %11s %10s  (target <= %.2fx: %s)%n",
                "total (tool: the whole run, planning and ledger included)", "", tool.totalMillis() / 1000.0, "",
                floorMillis() / 1000.0, "", ratioText(tool.totalMillis(), floorMillis()), TOTAL_TARGET,
                met(totalRatio() <= TOTAL_TARGET));
        long inSteps = tool.steps().stream().mapToLong(StepFigure::millis).sum();
        out.printf(Locale.ROOT, "tool outside its steps: %.2f s (planning with the steps' preconditions, the ledger;"
                + " the floor checks nothing)%n", (tool.totalMillis() - inSteps) / 1000.0);
        StepFigure dataStep = toolDataStep();
        if (baseline != null) {
            out.printf(Locale.ROOT, "data step, old client's OFFSET paging: %,d rows in %.2f s (%,d rows/s, %d pages,"
                            + " longest page %d ms); baseline/tool = %.1fx (target >= %.0fx: %s)%n",
                    baseline.rows(), baseline.millis() / 1000.0, rate(baseline.rows(), baseline.millis()),
                    baseline.pages(), baseline.longestPageMillis(), baselineRatio(), BASELINE_TARGET,
                    met(baselineRatio() >= BASELINE_TARGET));
        } else {
            out.println("data step, old client's OFFSET paging: skipped (--skip-baseline)");
        }
        out.printf(Locale.ROOT, "data step, longest chunk (row locks held in one transaction): %d ms (target <= %d ms:"
                + " %s)%n", tool.longestChunkMillis(), CHUNK_TARGET_MILLIS,
                met(tool.longestChunkMillis() <= CHUNK_TARGET_MILLIS));
        HeapSampler.Peak heap = tool.heap();
        out.printf(Locale.ROOT, "tool JVM heap (-Xmx%s): peak live after GC %.1f MB, peak sampled in use %.1f MB, after"
                        + " GC at start %.1f MB, %d collections, the longest %d ms%n", options.toolXmx(engine),
                mb(heap.peakAfterGc()), mb(heap.peakUsed()), mb(heap.atStart()), heap.collections(),
                heap.longestCollectionMillis());
        out.println("data step notes: " + String.join(" | ", tool.dataStepNotes()));
        out.println("tool log: " + tool.log() + ", report: " + tool.report());
    }

    String summaryLine() {
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%-12s N=%,d: tool %.1f s, floor %.1f s, tool/floor %.2fx", engine.label(),
                data.tokens(), tool.totalMillis() / 1000.0, floorMillis() / 1000.0, totalRatio()));
        parts.add(String.format(Locale.ROOT, "data step %.1f s (%,d rows/s)", toolDataStep().seconds(),
                toolDataStep().rowsPerSecond()));
        if (baseline != null) {
            parts.add(String.format(Locale.ROOT, "OFFSET baseline %.1f s = %.1fx the tool", baseline.millis() / 1000.0,
                    baselineRatio()));
        }
        parts.add("longest chunk " + tool.longestChunkMillis() + " ms");
        parts.add(String.format(Locale.ROOT, "peak live heap %.1f MB", mb(tool.heap().peakAfterGc())));
        parts.add(targetsMet() ? "targets met" : "TARGET MISSED");
        return String.join(", ", parts);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator <= 0 ? Double.POSITIVE_INFINITY : (double) numerator / denominator;
    }

    private static String ratioText(long numerator, long denominator) {
        return denominator <= 0 ? (numerator <= 0 ? "-" : "inf")
                : String.format(Locale.ROOT, "%.2fx", (double) numerator / denominator);
    }

    private static long rate(long rows, long millis) {
        return millis > 0 ? rows * 1000 / millis : 0;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String met(boolean met) {
        return met ? "met" : "MISSED";
    }
}

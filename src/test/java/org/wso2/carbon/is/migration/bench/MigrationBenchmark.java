package org.wso2.carbon.is.migration.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark of issue 4: on each engine, a 5.7.0 identity database with N access tokens (N/10 codes, scopes and
 * audit rows; see {@link TokenDataSet}) is migrated to 5.9.0 three times, each time on a fresh copy of the same data:
 *
 * <ol>
 * <li>the floor ({@link FloorRun}): the shipped DDL and one set-based UPDATE per table, straight through JDBC;</li>
 * <li>the old client's approach to the data step ({@link OffsetPagingBaseline}): OFFSET paging in pages of 10,000;</li>
 * <li>the tool ({@link ToolRun}): the standalone command line in a child JVM, timed per step from its JSON report.</li>
 * </ol>
 * It prints, per engine and step, rows, seconds, rows/s and tool/floor; baseline/tool for the data step; the longest
 * chunk of the data step (the longest the tool held row locks in one transaction); the tool JVM's peak heap.
 *
 * <p>Run it with {@code bench/run.sh [--tokens N] [--engines h2,postgresql,mariadb] [--batch-target-ms M]
 * [--tool-xmx 256m] [--skip-baseline]}. Not a test: {@code mvn verify} never runs it.
 */
public final class MigrationBenchmark {

    private final BenchOptions options;
    private final PrintStream out;

    private MigrationBenchmark(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchMain.run(args, BenchOptions::parse, options -> new MigrationBenchmark(options, System.out).run());
    }

    /** Runs every engine; true when every target was met. */
    private boolean run() throws Exception {
        ShippedSteps shipped = ShippedSteps.from("5.7.0");
        TokenDataSet data = new TokenDataSet(options.engines().get(0), options.tokens());
        out.printf(Locale.ROOT, "Benchmark: 5.7.0 -> 5.9.0, %,d access tokens, %,d authorization codes, %,d scopes,"
                + " %,d audit rows; steps: %d%n", data.tokens(), data.codes(), data.scopes(),
                data.auditRows(), shipped.steps().size());
        boolean allMet = true;
        List<String> summaries = new ArrayList<>();
        for (BenchEngine engine : options.engines()) {
            EngineFigures figures = measure(engine, shipped, new TokenDataSet(engine, options.tokens()));
            figures.print(out);
            allMet &= figures.targetsMet();
            summaries.add(figures.summaryLine());
        }
        out.println();
        out.println("Summary");
        summaries.forEach(out::println);
        return allMet;
    }

    private EngineFigures measure(BenchEngine engine, ShippedSteps shipped, TokenDataSet data) throws Exception {
        progress(engine, "floor: generating data");
        List<StepFigure> floor;
        long generationMillis;
        try (BenchDatabases databases = BenchDatabases.create(engine, data)) {
            generationMillis = databases.generationMillis();
            progress(engine, "floor: data generated in " + seconds(generationMillis) + "; running the floor");
            floor = new FloorRun(shipped, databases.identity(), databases.shared()).runAll();
        }
        OffsetPagingBaseline.Result baseline = null;
        if (!options.skipBaseline()) {
            progress(engine, "baseline: generating data");
            try (BenchDatabases databases = BenchDatabases.create(engine, data)) {
                FloorRun before = new FloorRun(shipped, databases.identity(), databases.shared());
                for (ShippedSteps.Step step : shipped.steps()) {
                    if (step.isDataStep()) {
                        break;
                    }
                    before.run(step); // the DDL that adds IDP_ID; untimed
                }
                OffsetPagingBaseline.withReleaseIndexes(databases.identity(), engine.factsDialect());
                progress(engine, "baseline: OFFSET paging");
                baseline = new OffsetPagingBaseline(databases.identity()).run();
            }
        }
        progress(engine, "tool: generating data");
        ToolRun.Result tool;
        try (BenchDatabases databases = BenchDatabases.create(engine, data)) {
            progress(engine, "tool: migrating in a child JVM");
            tool = new ToolRun(shipped, engine, options).run(databases.identity(), databases.shared());
        }
        return new EngineFigures(engine, options, data, generationMillis, shipped, floor, baseline, tool);
    }

    private void progress(BenchEngine engine, String message) {
        out.printf(Locale.ROOT, "[%s] %s%n", engine.label(), message);
        out.flush();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

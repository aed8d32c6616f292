package org.wso2.carbon.is.migration.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * The tool, run as an operator runs it: the standalone command line ({@code migrate --is-home}) on an IS home whose
 * deployment.toml points at the benchmark's databases and whose migration-config.yaml is the shipped one with
 * {@code currentVersion: "5.7.0"}. It runs in a child JVM ({@link MeasuredToolRun}) with a fixed {@code -Xmx};
 * the per-step figures come from the run's JSON report, the longest chunk from the data step's notes.
 */
final class ToolRun {

    /** {@code ... longest chunk 412 ms ...} in a data step's notes. */
    private static final Pattern LONGEST_CHUNK = Pattern.compile("longest chunk (\\d+) ms");

    record Result(int exitCode, long totalMillis, List<StepFigure> steps, long longestChunkMillis,
                  HeapSampler.Peak heap, long maxHeap, Path log, Path report, List<String> dataStepNotes) {
    }

    private final ShippedSteps shipped;
    private final BenchEngine engine;
    private final BenchOptions options;

    ToolRun(ShippedSteps shipped, BenchEngine engine, BenchOptions options) {
        this.shipped = shipped;
        this.engine = engine;
        this.options = options;
    }

    Result run(TestDatabase identity, TestDatabase shared) throws Exception {
        IsHome home = IsHome.create("bench-" + engine.name().toLowerCase(java.util.Locale.ROOT))
                .withProjectResources()
                .withConfig(config())
                .withDeploymentToml(IsHome.databaseSection("identity_db", engine.isType(), identity.url(),
                        identity.user(), identity.password())
                        + IsHome.databaseSection("shared_db", engine.isType(), shared.url(), shared.user(),
                        shared.password()));
        String[] driverArgs = engine.provideDriver(home);
        Path report = home.path().resolve("report.json");
        Path heapFile = home.path().resolve("heap.properties");
        Path log = home.path().resolve("tool.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.toolXmx(engine),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"),
                MeasuredToolRun.class.getName(), heapFile.toString(),
                "migrate", "--is-home", home.path().toString(), "--report", report.toString()));
        command.addAll(List.of(driverArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        if (!Files.exists(report)) {
            throw new IllegalStateException("The tool wrote no report (exit code " + exit + "); see " + log);
        }
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        List<StepFigure> steps = new ArrayList<>();
        long longestChunk = 0;
        List<String> dataNotes = new ArrayList<>();
        for (JsonNode step : root.path("steps")) {
            String label = step.path("version").asText() + "/" + step.path("order").asInt() + " "
                    + step.path("migrator").asText();
            steps.add(new StepFigure(label, step.path("rows").asLong(), step.path("durationMillis").asLong()));
            if (step.path("migrator").asText().equals(OAuthDataStep.MIGRATOR)) {
                for (JsonNode note : step.path("notes")) {
                    dataNotes.add(note.asText());
                    Matcher matcher = LONGEST_CHUNK.matcher(note.asText());
                    while (matcher.find()) {
                        longestChunk = Math.max(longestChunk, Long.parseLong(matcher.group(1)));
                    }
                }
            }
        }
        Properties heap = new Properties();
        if (Files.exists(heapFile)) {
            heap.load(new StringReader(Files.readString(heapFile)));
        }
        HeapSampler.Peak peak = new HeapSampler.Peak(number(heap, "atStart"), number(heap, "peakUsed"),
                number(heap, "peakAfterGc"), number(heap, "collections"),
                number(heap, "longestCollectionMillis"));
        return new Result(exit, root.path("durationMillis").asLong(), steps, longestChunk, peak,
                number(heap, "maxHeap"), log, report, dataNotes);
    }

    private static long number(Properties properties, String key) {
        return Long.parseLong(properties.getProperty(key, "0"));
    }

    /** The shipped configuration, from 5.7.0, with the data step's chunk target when one was given. */
    private String config() {
        String text = shipped.configText().replaceFirst("(?m)^currentVersion:.*$", "currentVersion: \"5.7.0\"");
        if (options.batchTargetMillis() != null) {
            text = withDataStepParameter(text, "chunkTargetMillis", options.batchTargetMillis().toString());
        }
        return text;
    }

    /** Adds {@code key: "value"} to the parameters of the data step's line in the flow-style YAML. */
    static String withDataStepParameter(String config, String key, String value) {
        Matcher line = Pattern.compile("(?m)^(.*name: " + OAuthDataStep.MIGRATOR + ".*parameters: \\{)(.*)$")
                .matcher(config);
        if (!line.find()) {
            throw new IllegalStateException("The shipped config has no one-line " + OAuthDataStep.MIGRATOR
                    + " entry with 'parameters: {' to add " + key + " to");
        }
        return config.substring(0, line.start()) + line.group(1) + key + ": \"" + value + "\", " + line.group(2)
                + config.substring(line.end());
    }
}

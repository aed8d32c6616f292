package org.wso2.carbon.is.migration.prepare;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wso2.carbon.is.migration.cli.MigrationCli;

/** {@code java -jar ... prepare} run in the test's JVM, with its console output and JSON report. */
final class PrepareCli {

    record Run(int exitCode, String output, String reportText, JsonNode report) {

        /** Each file's action, by path. */
        Map<String, String> actions() {
            Map<String, String> actions = new LinkedHashMap<>();
            report.get("files").forEach(file -> actions.put(file.get("path").asText(), file.get("action").asText()));
            return actions;
        }

        List<String> mayNeedUpdating() {
            List<String> paths = new ArrayList<>();
            report.get("mayNeedUpdating").forEach(path -> paths.add(path.asText()));
            return paths;
        }

        /** The verdict of an item ({@code primary keystore}...), or null. */
        String verdict(String item) {
            for (JsonNode verdict : report.get("verdicts")) {
                if (verdict.get("item").asText().equals(item)) {
                    return verdict.get("verdict").asText();
                }
            }
            return null;
        }

        JsonNode keystore(String file) {
            for (JsonNode keystore : report.get("keystores")) {
                if (keystore.get("file").asText().equals(file)) {
                    return keystore;
                }
            }
            return null;
        }
    }

    private PrepareCli() {
    }

    /** Runs {@code prepare} on both homes with the report written beside them (outside either home). */
    static Run prepare(TwoHomes homes, String... options) {
        Path report = homes.fresh().resolveSibling("prepare-report-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("prepare", "--old-is-home", homes.old().toString(),
                "--new-is-home", homes.fresh().toString(), "--report", report.toString()));
        args.addAll(Arrays.asList(options));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MigrationCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(new String[0]));
        try {
            String text = Files.isRegularFile(report) ? Files.readString(report) : null;
            return new Run(exit, out + err.toString(), text, text == null ? null : new ObjectMapper().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

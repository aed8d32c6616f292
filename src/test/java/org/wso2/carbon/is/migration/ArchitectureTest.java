package org.wso2.carbon.is.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules the layout stands on, checked over the compiled classes (jdeps, class by class): the exported
 * API depends on nothing private; the chunked walk can be used without the migrator SPI; the sync tool and the
 * assistant do not reach into the migration engine or the migrators; only the API is exported.
 */
class ArchitectureTest {

    private static final String ROOT = "org.wso2.carbon.is.migration.";
    private static final Pattern EDGE = Pattern.compile("^\\s+(" + Pattern.quote(ROOT) + "[\\w.$]+)\\s+->\\s+("
            + Pattern.quote(ROOT) + "[\\w.$]+)\\s", Pattern.MULTILINE);

    private static List<String[]> edges;

    @BeforeAll
    static void readDependencies() {
        Path classes = Paths.get("target", "classes");
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, "-verbose:class",
                "-filter:none", "--multi-release", "base", classes.toString());
        assertEquals(0, exit, "jdeps ran");
        edges = parse(out.toString(StandardCharsets.UTF_8));
        assertTrue(edges.size() > 100, "jdeps found the bundle's class dependencies: " + edges.size());
    }

    @Test
    void theExportedApiDependsOnNothingPrivate() {
        assertEquals(List.of(), violations(edges, "api", Arrays.asList("")));
    }

    @Test
    void theChunkedWalkIsUsableWithoutTheMigratorSpi() {
        // Dialect is a value the SPI hands out; the walk may name it. Nothing else of api, migrator or engine.
        List<String> found = new ArrayList<>();
        for (String[] edge : edges) {
            if (inPackage(edge[0], "chunk") && isOurs(edge[1]) && !inPackage(edge[1], "chunk")
                    && !inPackage(edge[1], "database") && !edge[1].equals(ROOT + "api.Dialect")) {
                found.add(edge[0] + " -> " + edge[1]);
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void syncAndAssistDoNotReachIntoTheEngineOrTheMigrators() {
        for (String client : List.of("sync", "assist")) {
            assertEquals(List.of(), violations(edges, client, List.of("engine", "migrator")), client);
        }
    }

    @Test
    void theRulesNoticeAPlantedViolation() {
        List<String[]> planted = parse("   " + ROOT + "sync.Applier -> " + ROOT + "migrator.oauth.IdpIdRule   x\n"
                + "   " + ROOT + "api.Migrator -> " + ROOT + "engine.StepContext   x\n");
        assertEquals(List.of(ROOT + "sync.Applier -> " + ROOT + "migrator.oauth.IdpIdRule"),
                violations(planted, "sync", List.of("engine", "migrator")));
        assertEquals(List.of(ROOT + "api.Migrator -> " + ROOT + "engine.StepContext"),
                violations(planted, "api", List.of("")));
    }

    @Test
    void onlyTheApiIsExported() throws IOException {
        Path manifestFile = Paths.get("target", "classes", "META-INF", "MANIFEST.MF");
        assertTrue(Files.isRegularFile(manifestFile), "bnd wrote " + manifestFile);
        Manifest manifest;
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest = new Manifest(in);
        }
        String exports = manifest.getMainAttributes().getValue("Export-Package");
        assertNotNull(exports);
        assertEquals(ROOT + "api;version=\"1.0.0\"", exports);
        assertFalse(exports.contains(","), "one exported package");
    }

    /** Edges from classes of {@code from} to classes of any of the {@code forbidden} packages (prefixes). */
    private static List<String> violations(List<String[]> all, String from, List<String> forbidden) {
        List<String> found = new ArrayList<>();
        for (String[] edge : all) {
            if (!inPackage(edge[0], from) || !isOurs(edge[1]) || inPackage(edge[1], from)) {
                continue;
            }
            for (String target : forbidden) {
                if (target.isEmpty() || inPackage(edge[1], target)) {
                    found.add(edge[0] + " -> " + edge[1]);
                    break;
                }
            }
        }
        return found;
    }

    private static boolean isOurs(String type) {
        return type.startsWith(ROOT);
    }

    /** The class is in the package or one below it. */
    private static boolean inPackage(String type, String pkg) {
        return type.startsWith(ROOT + pkg + ".");
    }

    private static List<String[]> parse(String jdepsOutput) {
        List<String[]> found = new ArrayList<>();
        Matcher matcher = EDGE.matcher(jdepsOutput);
        while (matcher.find()) {
            found.add(new String[] {matcher.group(1), matcher.group(2)});
        }
        return found;
    }
}

package org.wso2.carbon.is.migration.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.wso2.carbon.is.migration.cli.MigrationCli;

/**
 * The child JVM in which the benchmark runs the tool: the standalone command line exactly as an operator runs it
 * ({@code migrate --is-home ...}), watched by a {@link HeapSampler}. Runs in its own JVM with a fixed {@code -Xmx}
 * so that the heap figures belong to the tool alone (plus, on H2, the embedded engine's page cache, which H2 bounds
 * by its cache size), not to the harness or the generated data.
 *
 * <p>Arguments: the file to write the heap figures to, then the command line's arguments. The exit code is the
 * command line's.
 */
public final class MeasuredToolRun {

    private MeasuredToolRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: MeasuredToolRun <heap-figures-file> <migration CLI arguments>");
        }
        HeapSampler sampler = new HeapSampler();
        int exit = MigrationCli.execute(Arrays.copyOfRange(args, 1, args.length));
        HeapSampler.Peak peak = sampler.stop();
        Files.writeString(Path.of(args[0]), "exit=" + exit + "\natStart=" + peak.atStart() + "\npeakUsed="
                + peak.peakUsed() + "\npeakAfterGc=" + peak.peakAfterGc() + "\ncollections=" + peak.collections()
                + "\nlongestCollectionMillis=" + peak.longestCollectionMillis()
                + "\nmaxHeap=" + Runtime.getRuntime().maxMemory() + "\n");
        System.exit(exit);
    }
}

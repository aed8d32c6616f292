package org.wso2.carbon.is.migration.osgi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The OSGi runtimes the bundle is booted in, laid out by the build under {@code target/osgi-runtimes}. */
enum ServerRuntime {
    /**
     * What IS 5.9.0 and 5.10.0 run (Carbon 4.5.1): Equinox 3.14 with Equinox DS 1.4 (DS 1.2), pax-logging-api 1.11
     * (SLF4J 1.7.26), and a Java 8 execution environment advertised.
     */
    EQUINOX_IS_5_9_0("equinox-is590", true),
    /** A newer runtime: Felix 7 (OSGi R8) with Felix SCR 2.2 (DS 1.5), the running JVM's execution environment. */
    FELIX_SCR_2_2("felix-scr", false);

    private final String folder;
    private final boolean javaSE8;

    ServerRuntime(String folder, boolean javaSE8) {
        this.folder = folder;
        this.javaSE8 = javaSE8;
    }

    boolean advertisesJavaSE8() {
        return javaSE8;
    }

    /** The framework's class path. */
    List<Path> framework() {
        return jars("framework");
    }

    /** The runtime's bundles (DS, logging, the DS API where the framework lacks it). */
    List<Path> bundles() {
        return jars("bundles");
    }

    private List<Path> jars(String kind) {
        Path directory = Paths.get(System.getProperty("osgi.runtimes.dir", "target/osgi-runtimes"), folder, kind);
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).sorted()
                    .collect(Collectors.toList());
            if (jars.isEmpty()) {
                throw new IllegalStateException("no jars in " + directory);
            }
            return jars;
        } catch (IOException e) {
            throw new IllegalStateException(directory + " is missing: the build copies the runtimes there in "
                    + "generate-test-resources (run the tests through Maven)", e);
        }
    }
}

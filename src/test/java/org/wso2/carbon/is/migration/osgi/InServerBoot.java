package org.wso2.carbon.is.migration.osgi;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.wso2.carbon.is.migration.testsupport.IsHome;
import org.wso2.carbon.is.migration.testsupport.WorkDirectory;

/**
 * One server boot: {@code CarbonLikeLauncher} in a child JVM with a runtime, the stand-in bundles and the built
 * migration bundle, the given system properties ({@code migrate}, {@code component}, {@code carbon.home}, ...) and
 * DataSources bound in JNDI (H2 1.4.199, the engine IS 5.9.0 ships, or PostgreSQL, whose driver is on the server's
 * class path too).
 */
final class InServerBoot {

    private static final long TIMEOUT_SECONDS = 240;
    private static int boots;

    private final ServerRuntime runtime;
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> dataSources = new LinkedHashMap<>();
    private final List<Path> extraBundles = new ArrayList<>();

    private InServerBoot(ServerRuntime runtime) {
        this.runtime = runtime;
    }

    static InServerBoot of(ServerRuntime runtime) {
        return new InServerBoot(runtime);
    }

    /** Carbon's launcher turns {@code -Dmigrate -Dcomponent=identity} into these two system properties. */
    InServerBoot withMigrateFlags() {
        return property("migrate", "true").property("component", "identity");
    }

    InServerBoot property(String name, String value) {
        systemProperties.put(name, value);
        return this;
    }

    InServerBoot carbonHome(Path home) {
        return property("carbon.home", home.toString());
    }

    InServerBoot dataSource(String jndiName, String url) {
        dataSources.put(jndiName, url);
        return this;
    }

    /** Installs one more bundle after the migration bundle. */
    InServerBoot bundle(Path jar) {
        extraBundles.add(jar);
        return this;
    }

    /** Boots, waits for the launcher to end (bounded) and returns what it printed and its exit code. */
    Result boot() throws IOException, InterruptedException {
        return start().end();
    }

    /** Boots and returns while the server runs, for a test that acts on it (e.g. sends it SIGTERM). */
    Running start() throws IOException {
        int number;
        synchronized (InServerBoot.class) {
            number = ++boots;
        }
        Path work = WorkDirectory.of("osgi-boots").resolve(runtime.name().toLowerCase() + "-" + ProcessHandle
                .current().pid() + "-" + number);
        Files.createDirectories(work);
        Path log = work.resolve("server.log");

        List<String> classPath = new ArrayList<>();
        runtime.framework().forEach(jar -> classPath.add(jar.toString()));
        classPath.add(StandInBundles.launcher().toString());
        classPath.add(IsHome.testDriver("h2-1.4.199.jar").toString());
        classPath.add(IsHome.testDriver("postgresql-42.7.4.jar").toString());
        List<String> bundles = new ArrayList<>();
        runtime.bundles().forEach(jar -> bundles.add(jar.toString()));
        bundles.add(StandInBundles.carbonCore().toString());
        bundles.add(StandInBundles.identityCore().toString());
        bundles.add(Paths.get(System.getProperty("migration.bundle.jar")).toString());
        extraBundles.forEach(jar -> bundles.add(jar.toString()));

        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Djava.io.tmpdir=" + work);
        command.add("-Dorg.ops4j.pax.logging.DefaultServiceLog.level=INFO");
        command.add("-Dlauncher.storage=" + work.resolve("osgi-storage"));
        command.add("-Dlauncher.bundles=" + String.join(File.pathSeparator, bundles));
        command.add("-Dlauncher.javaSE8=" + runtime.advertisesJavaSE8());
        command.add("-Dlauncher.dataSources=" + dataSources.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("|")));
        systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add("org.wso2.carbon.is.migration.osgi.launcher.CarbonLikeLauncher");

        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new Running(process, log);
    }

    /** A server that is booting or running. */
    static final class Running {
        private final Process process;
        private final Path log;

        Running(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        /** Waits (bounded) until the server printed the text; false if it ended or the time is up first. */
        boolean awaitPrinted(String text, long seconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
                if (!process.isAlive()) {
                    return false;
                }
                Thread.sleep(50);
            }
            return false;
        }

        /** SIGTERM, as {@code kill <pid>} or the service manager stopping the server. */
        void terminate() {
            process.destroy();
        }

        /** Waits for the launcher to end (bounded) and returns what it printed and its exit code. */
        Result end() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the server did not end within " + TIMEOUT_SECONDS + " s; its log: " + log
                        + "\n" + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return new Result(process.exitValue(), lines, log);
        }
    }

    /** What a boot printed and how the launcher ended (see {@code CarbonLikeLauncher}'s exit codes). */
    static final class Result {
        static final int IDENTITY_STARTED = 0;
        static final int FRAMEWORK_STOPPED = 3;
        /** The JVM ended on SIGTERM (128 + 15). */
        static final int TERMINATED = 143;

        private final int exitCode;
        private final List<String> lines;
        private final Path log;

        Result(int exitCode, List<String> lines, Path log) {
            this.exitCode = exitCode;
            this.lines = lines;
            this.log = log;
        }

        int exitCode() {
            return exitCode;
        }

        boolean printed(String text) {
            return indexOf(text) >= 0;
        }

        /** The first line containing the text, or -1. */
        int indexOf(String text) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i;
                }
            }
            return -1;
        }

        /** The first line containing the text, or null. */
        String lineWith(String text) {
            int index = indexOf(text);
            return index < 0 ? null : lines.get(index);
        }

        /** For assertion messages: where the log is and what it says. */
        String describe() {
            return "server log " + log + ":\n" + String.join("\n", lines);
        }
    }
}

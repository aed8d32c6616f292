package org.wso2.carbon.is.migration.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.commons.io.FileUtils;

/**
 * A throw-away {@code <NEW_IS_HOME>} laid out as a real installation: {@code repository/conf/deployment.toml},
 * JDBC drivers in {@code repository/components/lib} or the server's H2 bundle in {@code .../plugins}, and a copy of
 * this project's {@code migration-resources}.
 */
public final class IsHome {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Path home;

    private IsHome(Path home) {
        this.home = home;
    }

    /** A new, empty home under {@code java.io.tmpdir} (inside target/ in the build). */
    public static IsHome create(String name) {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "is-homes",
                name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
        try {
            // A test JVM of an earlier build may have had the same process id: its home, databases included, goes.
            FileUtils.deleteDirectory(home.toFile());
            Files.createDirectories(home.resolve("repository/conf"));
            Files.createDirectories(home.resolve("repository/components/lib"));
            Files.createDirectories(home.resolve("repository/components/plugins"));
            Files.createDirectories(home.resolve("repository/database"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IsHome(home);
    }

    /** A home at the given folder (created if missing). */
    public static IsHome at(Path home) {
        try {
            for (String dir : new String[] {"repository/conf", "repository/components/lib",
                    "repository/components/plugins", "repository/database"}) {
                Files.createDirectories(home.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IsHome(home);
    }

    public Path path() {
        return home;
    }

    public Path resources() {
        return home.resolve("migration-resources");
    }

    /** Copies the project's migration-resources (as an operator copies them into the new IS home). */
    public IsHome withProjectResources() {
        Path source = projectResources();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = resources().resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces {@code migration-resources/migration-config.yaml}. */
    public IsHome withConfig(String yaml) {
        return write(resources().resolve("migration-config.yaml"), yaml);
    }

    /** Writes {@code repository/conf/deployment.toml}. */
    public IsHome withDeploymentToml(String toml) {
        return write(home.resolve("repository/conf/deployment.toml"), toml);
    }

    /** Copies a jar from target/test-drivers into {@code repository/components/lib}. */
    public IsHome withDriverInLib(String jar) {
        return copyDriver(jar, home.resolve("repository/components/lib").resolve(jar));
    }

    /** Copies a jar from target/test-drivers into {@code repository/components/plugins} under the given name. */
    public IsHome withPlugin(String jar, String asName) {
        return copyDriver(jar, home.resolve("repository/components/plugins").resolve(asName));
    }

    /** Copies a jar from target/test-drivers into a folder outside the home, for {@code --lib}; returns it. */
    public Path extraLibWith(String jar) {
        Path dir = home.resolveSibling(home.getFileName() + "-extra-lib");
        try {
            Files.createDirectories(dir);
            Files.copy(testDriver(jar), dir.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A {@code [database.<id>]} section. */
    public static String databaseSection(String id, String type, String url, String user, String password) {
        return "[database." + id + "]\n"
                + "type = \"" + type + "\"\n"
                + "url = \"" + url.replace("\\", "\\\\") + "\"\n"
                + "username = \"" + user + "\"\n"
                + "password = \"" + password + "\"\n\n";
    }

    public static Path projectResources() {
        return Path.of(System.getProperty("migration.resources.dir", "migration-resources"));
    }

    public static Path testDriver(String jar) {
        Path file = Path.of(System.getProperty("test.drivers.dir", "target/test-drivers")).resolve(jar);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: Maven's generate-test-resources phase copies it");
        }
        return file;
    }

    private IsHome copyDriver(String jar, Path target) {
        try {
            Files.copy(testDriver(jar), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private IsHome write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}

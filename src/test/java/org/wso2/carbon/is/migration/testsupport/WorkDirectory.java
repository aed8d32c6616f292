package org.wso2.carbon.is.migration.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where engines keep their files: under {@code java.io.tmpdir}, which Surefire points at {@code target/test-work}, so
 * nothing lands in /tmp and {@code mvn clean} removes it all.
 */
public final class WorkDirectory {

    private WorkDirectory() {
    }

    /** {@code <java.io.tmpdir>/<name>}, created if needed. */
    public static Path of(String name) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), name).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create test work directory " + dir, e);
        }
    }

    /** Deletes a directory tree if it exists (an engine's data left over from an earlier run). */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}

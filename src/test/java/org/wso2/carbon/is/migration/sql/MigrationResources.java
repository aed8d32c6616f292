package org.wso2.carbon.is.migration.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Where the tests find the project's migration-resources tree, and the script folders in it. */
final class MigrationResources {

    private MigrationResources() {
    }

    /** The tree surefire points at ({@code migration.resources.dir}), or ./migration-resources when run elsewhere. */
    static Path root() {
        Path root = Paths.get(System.getProperty("migration.resources.dir", "migration-resources"));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("migration resources not found at " + root.toAbsolutePath()
                    + " (set -Dmigration.resources.dir)");
        }
        return root;
    }

    /** Every {@code <version>/dbscripts/<location>/<schema>} folder under {@code root}, sorted. */
    static List<Path> scriptFolders(Path root) {
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(Files::isDirectory)
                    .map(version -> version.resolve("dbscripts"))
                    .filter(Files::isDirectory)
                    .flatMap(dbscripts -> subfolders(dbscripts).stream())
                    .flatMap(location -> subfolders(location).stream())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> subfolders(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

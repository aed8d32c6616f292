package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wso2.carbon.is.migration.api.Dialect;

/** A schema step that ships for one engine but not another would leave some operators half migrated. */
class ScriptSetCompletenessTest {

    private static final Set<String> DIALECT_FILES =
            Arrays.stream(Dialect.values()).map(Dialect::scriptFileName).collect(Collectors.toSet());

    @Test
    void everyScriptFolderHoldsOneScriptPerDialectAndNoOthers() {
        Path root = MigrationResources.root();
        assertFalse(MigrationResources.scriptFolders(root).isEmpty(), "no <version>/dbscripts/<location>/<schema> "
                + "folder under " + root.toAbsolutePath());
        assertEquals(List.of(), problems(root));
    }

    @Test
    void aMissingOrMisnamedScriptIsReported(@TempDir Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve("5.9.0/dbscripts/step1/identity"));
        for (Dialect dialect : Dialect.values()) {
            if (dialect != Dialect.DB2) {
                Files.writeString(folder.resolve(dialect.scriptFileName()), "SELECT 1;");
            }
        }
        Files.writeString(folder.resolve("oracel.sql"), "SELECT 1 FROM DUAL;");
        Path db2Only = Files.createDirectories(root.resolve("5.10.0/dbscripts/step2/shared"));
        Files.writeString(db2Only.resolve("db2.sql"), "SELECT 1 FROM SYSIBM.SYSDUMMY1;");
        assertEquals(List.of(
                root.relativize(db2Only) + ": missing h2.sql, mariadb.sql, mssql.sql, mysql.sql, oracle.sql, postgresql.sql",
                root.relativize(folder) + ": missing db2.sql",
                root.relativize(folder) + ": unexpected oracel.sql (script names are the dialects': " + expected() + ")"),
                problems(root));
    }

    /** One line per missing or unexpected script, folder relative to {@code root}. */
    static List<String> problems(Path root) {
        List<String> problems = new ArrayList<>();
        for (Path folder : MigrationResources.scriptFolders(root)) {
            Set<String> present = sqlFiles(folder);
            List<String> missing = DIALECT_FILES.stream().filter(name -> !present.contains(name)).sorted().toList();
            if (!missing.isEmpty()) {
                problems.add(root.relativize(folder) + ": missing " + String.join(", ", missing));
            }
            present.stream().filter(name -> !DIALECT_FILES.contains(name)).sorted().forEach(name ->
                    problems.add(root.relativize(folder) + ": unexpected " + name
                            + " (script names are the dialects': " + expected() + ")"));
        }
        return problems;
    }

    private static String expected() {
        return DIALECT_FILES.stream().sorted().collect(Collectors.joining(", "));
    }

    private static Set<String> sqlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sql")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wso2.carbon.is.migration.api.Dialect;

/**
 * The Oracle, MSSQL and DB2 scripts cannot be run in this build (no engines), so every statement they hold is parsed
 * with JSqlParser, through {@link CheckableSql} for the procedural wrappers. And every dialect's script in a folder
 * must create the same tables and indexes, so no engine is left with a different schema.
 */
class StaticScriptCheckTest {

    /** The engines whose scripts no test runs for real. */
    private static final Set<Dialect> PARSED_ONLY = EnumSet.of(Dialect.ORACLE, Dialect.MSSQL, Dialect.DB2);

    @TestFactory
    Stream<DynamicTest> everyStatementOfTheOracleMsSqlAndDb2ScriptsParses() {
        Path root = MigrationResources.root();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path folder : MigrationResources.scriptFolders(root)) {
            for (Dialect dialect : PARSED_ONLY) {
                Path script = folder.resolve(dialect.scriptFileName());
                if (Files.exists(script)) {
                    tests.add(DynamicTest.dynamicTest(root.relativize(script).toString(),
                            () -> assertEveryStatementParses(root, script, dialect)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no oracle/mssql/db2 script under " + root.toAbsolutePath());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyDialectCreatesTheSameTablesAndIndexes() {
        Path root = MigrationResources.root();
        List<Path> folders = MigrationResources.scriptFolders(root);
        assertFalse(folders.isEmpty(), "no script folder under " + root.toAbsolutePath());
        return folders.stream().map(folder -> DynamicTest.dynamicTest(root.relativize(folder).toString(),
                () -> assertSameObjectsInEveryDialect(root, folder)));
    }

    private static void assertEveryStatementParses(Path root, Path script, Dialect dialect) throws Exception {
        List<SqlStatement> statements = load(root, script, dialect).statements();
        assertFalse(statements.isEmpty(), script + " holds no statement");
        List<String> failures = new ArrayList<>();
        for (SqlStatement statement : statements) {
            try {
                CheckableSql.of(statement, dialect);
            } catch (IllegalArgumentException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " statement(s) cannot be checked:\n" + String.join("\n", failures));
        }
    }

    private static void assertSameObjectsInEveryDialect(Path root, Path folder) throws Exception {
        Map<Dialect, List<String>> created = new LinkedHashMap<>();
        for (Dialect dialect : Dialect.values()) {
            Path script = folder.resolve(dialect.scriptFileName());
            if (Files.exists(script)) {
                Set<String> rebuilt = droppedInOtherSteps(root, folder, dialect);
                created.put(dialect, createdObjects(load(root, script, dialect), dialect).stream()
                        .filter(object -> !(object.startsWith("INDEX ") && rebuilt.contains(object.split(" ")[1])))
                        .toList());
            }
        }
        assertFalse(created.isEmpty(), "no dialect script in " + folder);
        List<String> reference = created.values().iterator().next();
        Map<Dialect, List<String>> expected = new LinkedHashMap<>();
        created.keySet().forEach(dialect -> expected.put(dialect, reference));
        assertEquals(expected, created, "tables and indexes created per dialect in " + root.relativize(folder));
    }

    /**
     * Indexes a dialect drops in another step of the same version and schema (PostgreSQL drops the token tables'
     * indexes before the backfill and builds them again after it): building those is no new object, so the other
     * dialects need not build them.
     */
    private static Set<String> droppedInOtherSteps(Path root, Path folder, Dialect dialect) throws Exception {
        Set<String> dropped = new HashSet<>();
        Path schema = folder.getFileName();
        try (Stream<Path> locations = Files.list(folder.getParent().getParent())) {
            for (Path location : locations.toList()) {
                Path script = location.resolve(schema).resolve(dialect.scriptFileName());
                if (!location.equals(folder.getParent()) && Files.exists(script)) {
                    for (SqlStatement statement : load(root, script, dialect).statements()) {
                        dropped.addAll(CheckableSql.of(statement, dialect).droppedIndexes());
                    }
                }
            }
        }
        return dropped;
    }

    private static List<String> createdObjects(SqlScript script, Dialect dialect) {
        return script.statements().stream()
                .flatMap(statement -> CheckableSql.of(statement, dialect).createdObjects().stream())
                .sorted()
                .toList();
    }

    private static SqlScript load(Path root, Path script, Dialect dialect) throws Exception {
        return SqlScript.load(script, root.relativize(script).toString(), dialect);
    }
}

package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.schema.LiveSchemaReader;
import org.wso2.carbon.is.migration.schema.SchemaComparer;
import org.wso2.carbon.is.migration.schema.SchemaDifference;
import org.wso2.carbon.is.migration.schema.SchemaDifference.Kind;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.H2Engines;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * Found by KilledChainResumesOnEveryEngineTest: H2 creates a table first and the keys declared with it as further
 * changes, so a migration killed inside a script can leave a new table without its primary, unique or foreign keys,
 * and the re-run's CREATE TABLE IF NOT EXISTS skips the table. Every shipped H2 script that creates tables is run on
 * the database a killed run leaves (the previous release, plus each of the script's new tables with its columns and
 * none of its keys), twice: the new tables must end with exactly the keys of the release's fresh install.
 */
class H2ScriptsAddTheKeysAKilledRunLeftOutTest {

    private static final List<String> RELEASES = List.of("5.5.0", "5.6.0", "5.7.0", "5.8.0", "5.9.0");
    private static final Set<Kind> KEYS = EnumSet.of(Kind.PRIMARY_KEY, Kind.MISSING_UNIQUE, Kind.EXTRA_UNIQUE,
            Kind.UNIQUE_NAME, Kind.MISSING_FOREIGN_KEY, Kind.EXTRA_FOREIGN_KEY, Kind.FOREIGN_KEY_ON_DELETE,
            Kind.FOREIGN_KEY_NAME);
    private static final Pattern CREATE = Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+) \\(");
    private static final Pattern KEY = Pattern.compile("(CONSTRAINT\\s+\\w+\\s+)?(PRIMARY KEY|UNIQUE|FOREIGN KEY)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** Every shipped H2 script of the identity database that creates tables, with both H2 engines. */
    static Stream<Arguments> scriptsThatCreateTables() {
        Path root = MigrationResources.root();
        List<Arguments> cases = new ArrayList<>();
        for (Path folder : MigrationResources.scriptFolders(root)) {
            Path script = folder.resolve("h2.sql");
            String release = root.relativize(folder).getName(0).toString();
            boolean identity = !Set.of("um", "registry").contains(folder.getFileName().toString());
            if (identity && Files.exists(script) && CREATE.matcher(read(script)).find()) {
                for (H2Engines engine : H2Engines.values()) {
                    cases.add(Arguments.of(root.relativize(script).toString(), release, engine));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("scriptsThatCreateTables")
    void aReRunAddsTheKeysOfTablesAKilledRunCreatedWithoutThem(String scriptPath, String release, H2Engines engine)
            throws Exception {
        String before = RELEASES.get(RELEASES.indexOf(release) - 1);
        SqlScript script = SqlScript.load(MigrationResources.root().resolve(scriptPath), scriptPath, Dialect.H2);
        List<String> newTables = new ArrayList<>();
        TestDatabase database = engine.newDatabase();
        StatementRunner runner = new StatementRunner(StatementRunner.NO_LISTENER);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            ReleaseDatabaseBuilder.create(connection, SchemaFacts.load("h2", before, false));
            for (SqlStatement create : script.statements()) {
                Matcher table = CREATE.matcher(create.sql());
                if (table.find()) {
                    newTables.add(table.group(1).toUpperCase(Locale.ROOT));
                    statement.execute(withoutKeys(create.sql()));
                }
            }
            assertFalse(keyDifferences(connection, release, newTables).isEmpty(), "the crash state lacks keys");

            runner.run(connection, script.statements());
            assertEquals(List.of(), keyDifferences(connection, release, newTables), "after the re-run");

            runner.run(connection, script.statements());
            assertEquals(List.of(), keyDifferences(connection, release, newTables), "after one more run");
        }
    }

    /** The CREATE TABLE statement with its columns only: what H2 has written when a kill stops it there. */
    private static String withoutKeys(String create) {
        int open = create.indexOf('(');
        int close = create.lastIndexOf(')');
        List<String> columns = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i <= close; i++) {
            char c = create.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && i < close) {
                depth--;
            } else if ((c == ',' && depth == 0) || i == close) {
                String element = create.substring(start, i).trim();
                if (!KEY.matcher(element).matches()) {
                    columns.add(element);
                }
                start = i + 1;
            }
        }
        return create.substring(0, open + 1) + String.join(", ", columns) + ")";
    }

    /** How the keys of the script's new tables differ from the release's fresh install. */
    private static List<String> keyDifferences(Connection connection, String release, List<String> tables)
            throws Exception {
        List<SchemaDifference> all = SchemaComparer.compare(SchemaFacts.load("h2", release, false),
                LiveSchemaReader.read(connection, Dialect.H2));
        return all.stream()
                .filter(difference -> KEYS.contains(difference.kind()))
                .filter(difference -> tables.contains(difference.table().toUpperCase(Locale.ROOT)))
                .map(Object::toString)
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

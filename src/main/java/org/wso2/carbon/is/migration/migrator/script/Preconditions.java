package org.wso2.carbon.is.migration.migrator.script;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.migrator.MigratorParameters;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Rules the data must already follow before a step can change the schema, from {@code preconditions.yaml} beside
 * the step's scripts. A new UNIQUE or NOT NULL fails on rows that break it; rather than have the database refuse
 * half-way, or delete or rewrite those rows, each check's query lists the offending rows and the run stops before
 * anything changes, saying how to resolve them. The checks run when the step is planned, which is before any step
 * of the run executes (and in a dry run too).
 *
 * <p>A run from an older release plans every step before the first runs, so a later step's check may read a table that
 * an earlier step of the same run creates (the 5.9.0 checks of IDN_AUTH_WAIT_STATUS, a 5.7.0 table, on a 5.6.0
 * database). Such a check names its tables under {@code tables}; where one does not exist yet, the step that creates
 * it creates it empty, so no row can break the rule and the check is skipped.
 * <pre>
 * checks:
 *   - rule: "UM_HYBRID_ROLE: a role name appears once per tenant"
 *     dialects: [mysql, mariadb]        # optional: only on these
 *     tables: [UM_HYBRID_ROLE]          # optional: only where these tables exist when the run is planned
 *     query: "SELECT UM_ROLE_NAME, UM_TENANT_ID, COUNT(*) FROM UM_HYBRID_ROLE GROUP BY ... HAVING COUNT(*) > 1"
 *     resolve: "Rename or merge the duplicate roles ..."
 * </pre>
 */
public final class Preconditions {

    static final String FILE_NAME = "preconditions.yaml";
    private static final int ROWS_SHOWN = 20;

    /** One rule. */
    public static final class Check {

        private final String rule;
        private final List<String> dialects;
        private final String query;
        private final String resolve;
        private final List<String> tables;

        public Check(String rule, List<String> dialects, String query, String resolve) {
            this(rule, dialects, query, resolve, Collections.<String>emptyList());
        }

        /** @param tables the tables the check reads, when an earlier step of a run may create them; else empty */
        public Check(String rule, List<String> dialects, String query, String resolve, List<String> tables) {
            this.rule = rule;
            this.dialects = dialects;
            this.query = query;
            this.resolve = resolve;
            this.tables = tables;
        }

        public String rule() {
            return rule;
        }

        public List<String> dialects() {
            return dialects;
        }

        public String query() {
            return query;
        }

        public String resolve() {
            return resolve;
        }

        public List<String> tables() {
            return tables;
        }

        boolean appliesTo(Dialect dialect) {
            return dialects.isEmpty() || dialects.contains(dialect.scriptName());
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Check)) {
                return false;
            }
            Check other = (Check) o;
            return Objects.equals(rule, other.rule) && Objects.equals(dialects, other.dialects)
                    && Objects.equals(query, other.query) && Objects.equals(resolve, other.resolve)
                    && Objects.equals(tables, other.tables);
        }

        @Override
        public int hashCode() {
            return Objects.hash(rule, dialects, query, resolve, tables);
        }

        @Override
        public String toString() {
            return "Check[rule=" + rule + ", dialects=" + dialects + ", query=" + query + ", resolve=" + resolve
                    + ", tables=" + tables + "]";
        }
    }

    private final Path file;
    private final List<Check> checks;

    private Preconditions(Path file, List<Check> checks) {
        this.file = file;
        this.checks = Collections.unmodifiableList(new ArrayList<>(checks));
    }

    /** The checks in {@code folder/preconditions.yaml}, or none when there is no such file. */
    public static Preconditions in(Path folder) throws MigrationException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new Preconditions(file, Collections.<Check>emptyList());
        }
        Object root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (MarkedYAMLException e) {
            throw new MigrationException(file + ":" + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem());
        } catch (IOException | YAMLException e) {
            throw new MigrationException("Could not read " + file + ": " + e.getMessage(), e);
        }
        Object checksValue = root instanceof Map ? ((Map<?, ?>) root).get("checks") : null;
        if (!(checksValue instanceof List)) {
            throw new MigrationException(file + ": expected a top-level 'checks' list");
        }
        List<?> items = (List<?>) checksValue;
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map)) {
                throw new MigrationException(file + ": checks[" + i + "] must be a map of rule, query, resolve");
            }
            Map<?, ?> item = (Map<?, ?>) items.get(i);
            checks.add(new Check(text(file, i, item, "rule"), names(file, i, "dialects", item.get("dialects")),
                    text(file, i, item, "query"), text(file, i, item, "resolve"),
                    names(file, i, "tables", item.get("tables"))));
        }
        return new Preconditions(file, checks);
    }

    private static String text(Path file, int index, Map<?, ?> item, String key) throws MigrationException {
        Object value = item.get(key);
        if (!(value instanceof String) || MigratorParameters.isBlank((String) value)) {
            throw new MigrationException(file + ": checks[" + index + "]." + key + " is missing");
        }
        return ((String) value).trim();
    }

    /** An optional list of names ({@code dialects}: lower case, {@code tables}: upper case), empty when absent. */
    private static List<String> names(Path file, int index, String key, Object value) throws MigrationException {
        if (value == null) {
            return Collections.emptyList();
        }
        if (!(value instanceof List)) {
            throw new MigrationException(file + ": checks[" + index + "]." + key + " must be a list");
        }
        List<?> list = (List<?>) value;
        return Collections.unmodifiableList(list.stream().map(name -> key.equals("tables")
                ? String.valueOf(name).toUpperCase(Locale.ROOT) : String.valueOf(name).toLowerCase(Locale.ROOT))
                .collect(Collectors.toList()));
    }

    private boolean tablesExist(Connection connection, Check check) throws MigrationException {
        try {
            for (String table : check.tables()) {
                if (!CatalogLookup.tableExists(connection, table)) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            throw new MigrationException(file + ": the check '" + check.rule() + "' could not look for its tables: "
                    + e.getMessage(), e);
        }
    }

    /** The checks that apply to a dialect, as lines for the plan. */
    public List<String> describe(Dialect dialect) {
        return Collections.unmodifiableList(checks.stream().filter(c -> c.appliesTo(dialect))
                .map(c -> "-- precondition: " + c.rule()).collect(Collectors.toList()));
    }

    /**
     * What {@link #verify} did: how many checks ran and how long they took. A check is one query over a table the
     * step is about to change (on PostgreSQL one GROUP BY over every access token, which grows with the table: see
     * docs/benchmark.md), and it runs while the run is planned, before any step reports progress; the note says where
     * that time went.
     */
    public static final class Verified {

        private final Path file;
        private final int checks;
        private final long millis;

        public Verified(Path file, int checks, long millis) {
            this.file = file;
            this.checks = checks;
            this.millis = millis;
        }

        public Path file() {
            return file;
        }

        public int checks() {
            return checks;
        }

        public long millis() {
            return millis;
        }

        /** A line for the step's notes, or empty when no check applied. */
        public String describe() {
            return checks == 0 ? "" : "checked " + checks + " precondition" + (checks == 1 ? "" : "s") + " of "
                    + file.getFileName() + " in " + millis + " ms: no row breaks them";
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Verified)) {
                return false;
            }
            Verified other = (Verified) o;
            return Objects.equals(file, other.file) && checks == other.checks && millis == other.millis;
        }

        @Override
        public int hashCode() {
            return Objects.hash(file, checks, millis);
        }

        @Override
        public String toString() {
            return "Verified[file=" + file + ", checks=" + checks + ", millis=" + millis + "]";
        }
    }

    /**
     * Runs every check that applies; throws, listing the offending rows and how to resolve them, if any check
     * finds rows. Reads only: the connection's transaction is rolled back.
     */
    public Verified verify(Connection connection, Dialect dialect) throws MigrationException {
        StringBuilder failures = new StringBuilder();
        int failed = 0;
        int ran = 0;
        long started = System.nanoTime();
        for (Check check : checks) {
            if (!check.appliesTo(dialect) || !tablesExist(connection, check)) {
                continue;
            }
            ran++;
            List<String> rows = offendingRows(connection, check);
            if (!rows.isEmpty()) {
                failed++;
                failures.append("\n  * ").append(check.rule()).append('\n');
                for (String row : rows) {
                    failures.append("      ").append(row).append('\n');
                }
                failures.append("    To resolve: ").append(check.resolve()).append('\n');
            }
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            // Nothing was written; a failed rollback of a read-only transaction changes nothing.
        }
        if (failed > 0) {
            throw new MigrationException(failed + " precondition" + (failed == 1 ? "" : "s") + " of " + file
                    + " failed: existing rows would break the schema this step creates. Nothing was changed;"
                    + " no row was deleted or rewritten." + failures);
        }
        return new Verified(file, ran, (System.nanoTime() - started) / 1_000_000);
    }

    private List<String> offendingRows(Connection connection, Check check) throws MigrationException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(ROWS_SHOWN + 1);
            try (ResultSet result = statement.executeQuery(check.query())) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    if (rows.size() == ROWS_SHOWN) {
                        rows.add("... (more rows; run the query to see them all: " + check.query() + ")");
                        break;
                    }
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.append(i > 1 ? ", " : "").append(meta.getColumnLabel(i).toUpperCase(Locale.ROOT))
                                .append('=').append(result.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
        } catch (SQLException e) {
            throw new MigrationException(file + ": the check '" + check.rule() + "' could not run: " + e.getMessage(),
                    e);
        }
        return rows;
    }
}

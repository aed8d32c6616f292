package org.wso2.carbon.is.migration.sql;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.api.Dialect;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a step folder's {@code preconditions.yaml} (the shape the precondition mechanism reads: {@code checks} of
 * {@code rule}, optional {@code dialects}, {@code query}, {@code resolve}) so that tests can run its queries on a real
 * database. Refuses a file that lacks a field, naming the file and the check.
 */
final class PreconditionChecks {

    /** One check; {@code dialects} empty means every dialect. */
    record Check(String rule, List<String> dialects, String query, String resolve) {

        boolean appliesTo(Dialect dialect) {
            return dialects.isEmpty() || dialects.contains(dialect.scriptName());
        }

        /** How many rows the query returns on {@code connection}. */
        int offendingRows(Connection connection) throws SQLException {
            int rows = 0;
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private PreconditionChecks() {
    }

    static List<Check> load(Path file) throws IOException {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        if (root == null || !(root.get("checks") instanceof List<?> checks)) {
            throw new IllegalArgumentException(file + ": no 'checks' list");
        }
        List<Check> loaded = new ArrayList<>();
        for (Object entry : checks) {
            if (!(entry instanceof Map<?, ?> check)) {
                throw new IllegalArgumentException(file + ": check " + (loaded.size() + 1) + " is not a mapping");
            }
            Object dialects = check.get("dialects");
            loaded.add(new Check(text(file, check, "rule"), dialects == null ? List.of()
                    : ((List<?>) dialects).stream().map(String::valueOf).toList(),
                    text(file, check, "query"), text(file, check, "resolve")));
        }
        return loaded;
    }

    private static String text(Path file, Map<?, ?> check, String field) {
        Object value = check.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(file + ": check " + check.get("rule") + " has no '" + field + "'");
        }
        return text;
    }
}

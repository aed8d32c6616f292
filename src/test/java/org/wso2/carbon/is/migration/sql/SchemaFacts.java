package org.wso2.carbon.is.migration.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The release schema facts (test resource {@code schema-facts/<dialect>/is-<version>.schema.json}) of one table,
 * written the way the script checks describe what they find: {@code NAME TYPE [NOT NULL] [DEFAULT x]} per column,
 * then {@code PK (..)}, then {@code INDEX name (..)} per index.
 */
final class SchemaFacts {

    private SchemaFacts() {
    }

    /** The description of {@code table} in the facts of {@code factsDialect} (h2, mysql, postgresql). */
    @SuppressWarnings("unchecked")
    static List<String> describe(String factsDialect, String version, String table) throws IOException {
        String file = "schema-facts/" + factsDialect + "/is-" + version + ".schema.json";
        InputStream json = SchemaFacts.class.getClassLoader().getResourceAsStream(file);
        if (json == null) {
            throw new IOException("test resource " + file + " not found");
        }
        Map<String, Object> facts;
        try (Reader reader = new InputStreamReader(json, StandardCharsets.UTF_8)) {
            // JSON is YAML; snakeyaml is already a dependency.
            facts = new Yaml().load(reader);
        }
        Map<String, Object> definition = (Map<String, Object>) ((Map<String, Object>) facts.get("tables")).get(table);
        if (definition == null) {
            throw new IllegalArgumentException(file + " has no table " + table);
        }
        List<String> description = new ArrayList<>();
        for (Map<String, Object> column : (List<Map<String, Object>>) definition.get("columns")) {
            description.add(column((String) column.get("name"), (String) column.get("type"),
                    Boolean.TRUE.equals(column.get("nullable")), (String) column.get("default")));
        }
        description.add(primaryKey((List<String>) definition.get("primaryKey")));
        for (Map<String, Object> index : (List<Map<String, Object>>) definition.get("indexes")) {
            description.add(index((String) index.get("name"), (List<String>) index.get("columns")));
        }
        return description;
    }

    static String column(String name, String type, boolean nullable, String defaultValue) {
        return name + " " + type + (nullable ? "" : " NOT NULL") + (defaultValue == null ? "" : " DEFAULT " + defaultValue);
    }

    static String primaryKey(List<String> columns) {
        return "PK (" + String.join(", ", columns) + ")";
    }

    static String index(String name, List<String> columns) {
        return "INDEX " + name + " (" + String.join(", ", columns) + ")";
    }
}

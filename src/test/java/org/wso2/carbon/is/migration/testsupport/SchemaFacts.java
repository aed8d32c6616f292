package org.wso2.carbon.is.migration.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A release's fresh-install schema as described by {@code src/test/resources/schema-facts/<dialect>/is-<V>[.kernel].schema.json}
 * (shape documented in that folder's README). The {@code constraintNames} block of the JSON is folded into the
 * constraints it names: {@link TableSchema#primaryKeyName()}, {@link UniqueConstraint#name()},
 * {@link ForeignKeyConstraint#name()} (null where the script leaves the name to the engine).
 *
 * @param version   release, e.g. {@code 5.9.0}
 * @param dialect   facts dialect: {@code h2}, {@code mysql}, {@code mysql5.7} or {@code postgresql}
 * @param kernel    true for the shared UM_/REG_ database, false for the identity database
 * @param resource  class-path resource it was read from (for messages)
 * @param tables    tables by upper-case name, in file order
 * @param sequences stand-alone sequences (PostgreSQL)
 * @param seedRows  rows the scripts insert
 */
public record SchemaFacts(String version, String dialect, boolean kernel, String resource,
                          Map<String, TableSchema> tables, List<String> sequences, List<SeedRow> seedRows) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SchemaFacts {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        sequences = List.copyOf(sequences);
        seedRows = List.copyOf(seedRows);
    }

    /**
     * Loads the facts of one release and database from the test class path.
     *
     * @param factsDialect {@code h2}, {@code mysql}, {@code mysql5.7} or {@code postgresql}
     * @param version      {@code 5.7.0} .. {@code 5.10.0}
     * @param kernel       true for the shared UM_/REG_ database ({@code .kernel.schema.json})
     * @throws IllegalArgumentException when there is no such file or it does not have the documented shape
     */
    public static SchemaFacts load(String factsDialect, String version, boolean kernel) {
        String resource = "/schema-facts/" + factsDialect + "/is-" + version + (kernel ? ".kernel" : "")
                + ".schema.json";
        try (InputStream in = SchemaFacts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema facts for dialect '" + factsDialect + "', version '"
                        + version + "'" + (kernel ? " (kernel)" : "") + ": class-path resource " + resource
                        + " does not exist");
            }
            return parse(JSON.readTree(in), kernel, resource);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read schema facts " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Facts {@code dialect/version}, for messages. */
    public String describe() {
        return dialect + "/" + version + (kernel ? " kernel" : " identity");
    }

    private static SchemaFacts parse(JsonNode root, boolean kernel, String resource) {
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        JsonNode tablesNode = required(root, "tables", resource);
        tablesNode.fields().forEachRemaining(entry -> tables.put(entry.getKey(),
                table(entry.getKey(), entry.getValue(), resource + " table " + entry.getKey())));
        List<SeedRow> seeds = new ArrayList<>();
        for (JsonNode row : root.path("seedRows")) {
            JsonNode columns = row.path("columns");
            seeds.add(new SeedRow(text(required(row, "table", resource + " seedRows")),
                    columns.isNull() || columns.isMissingNode() ? null : strings(columns), strings(row.path("values"))));
        }
        return new SchemaFacts(text(required(root, "version", resource)), text(required(root, "dialect", resource)),
                kernel, resource, tables, strings(root.path("sequences")), seeds);
    }

    private static TableSchema table(String name, JsonNode node, String where) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (JsonNode column : required(node, "columns", where)) {
            String columnWhere = where + " column " + column.path("name").asText("?");
            columns.add(new ColumnSchema(text(required(column, "name", columnWhere)),
                    text(required(column, "type", columnWhere)), required(column, "nullable", columnWhere).asBoolean(),
                    textOrNull(column.path("default")), column.path("autoIncrement").asBoolean(false)));
        }
        JsonNode names = node.path("constraintNames");
        List<UniqueConstraint> uniques = new ArrayList<>();
        JsonNode uniqueNames = names.path("uniques");
        int u = 0;
        for (JsonNode unique : node.path("uniques")) {
            uniques.add(new UniqueConstraint(textOrNull(uniqueNames.path(u++)), strings(unique)));
        }
        List<ForeignKeyConstraint> foreignKeys = new ArrayList<>();
        JsonNode foreignKeyNames = names.path("foreignKeys");
        int f = 0;
        for (JsonNode fk : node.path("foreignKeys")) {
            String fkWhere = where + " foreign key " + f;
            foreignKeys.add(new ForeignKeyConstraint(textOrNull(foreignKeyNames.path(f++)),
                    strings(required(fk, "columns", fkWhere)), text(required(fk, "refTable", fkWhere)),
                    strings(required(fk, "refColumns", fkWhere)), textOrNull(fk.path("onDelete"))));
        }
        List<IndexSchema> indexes = new ArrayList<>();
        for (JsonNode index : node.path("indexes")) {
            indexes.add(new IndexSchema(text(required(index, "name", where + " index")),
                    strings(required(index, "columns", where + " index")), index.path("unique").asBoolean(false)));
        }
        return new TableSchema(name, columns, strings(node.path("primaryKey")), textOrNull(names.path("primaryKey")),
                uniques, foreignKeys, indexes);
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("Schema facts " + where + ": field '" + field + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node.asText();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }
}

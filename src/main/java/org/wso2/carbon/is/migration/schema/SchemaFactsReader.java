package org.wso2.carbon.is.migration.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a facts file into {@link SchemaFacts}. The files are JSON, which is YAML: SnakeYAML, which the bundle embeds
 * for its configuration anyway, parses them into maps (in file order), lists and scalars, so no JSON library has to
 * ship. Optional fields may be absent; a required one that is missing, or a value of the wrong shape, is an error
 * naming the file and the place.
 */
final class SchemaFactsReader {

    private SchemaFactsReader() {
    }

    static SchemaFacts read(InputStream in, boolean kernel, String resource) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> false);
        Object root;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException | IOException e) {
            throw new IllegalArgumentException("Cannot read schema facts " + resource + ": " + e.getMessage(), e);
        }
        return facts(object(root, resource), kernel, resource);
    }

    private static SchemaFacts facts(Map<String, Object> root, boolean kernel, String resource) {
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : object(required(root, "tables", resource), resource + " tables")
                .entrySet()) {
            String where = resource + " table " + entry.getKey();
            tables.put(entry.getKey(), table(entry.getKey(), object(entry.getValue(), where), where));
        }
        List<SeedRow> seeds = new ArrayList<>();
        for (Object element : list(root.get("seedRows"), resource + " seedRows")) {
            Map<String, Object> row = object(element, resource + " seedRows");
            Object columns = row.get("columns");
            seeds.add(new SeedRow(text(required(row, "table", resource + " seedRows")),
                    columns == null ? null : strings(columns, resource + " seedRows columns"),
                    strings(row.get("values"), resource + " seedRows values")));
        }
        return new SchemaFacts(text(required(root, "version", resource)), text(required(root, "dialect", resource)),
                kernel, resource, tables, strings(root.get("sequences"), resource + " sequences"), seeds);
    }

    private static TableSchema table(String name, Map<String, Object> table, String where) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (Object element : list(required(table, "columns", where), where + " columns")) {
            Map<String, Object> column = object(element, where + " column");
            String columnWhere = where + " column " + (column.get("name") == null ? "?" : text(column.get("name")));
            columns.add(new ColumnSchema(text(required(column, "name", columnWhere)),
                    text(required(column, "type", columnWhere)), flag(required(column, "nullable", columnWhere)),
                    textOrNull(column.get("default")), flag(column.get("autoIncrement"))));
        }
        Map<String, Object> names = table.get("constraintNames") == null ? Collections.<String, Object>emptyMap()
                : object(table.get("constraintNames"), where + " constraintNames");
        List<Object> uniqueNames = list(names.get("uniques"), where + " constraintNames uniques");
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (Object unique : list(table.get("uniques"), where + " uniques")) {
            uniques.add(new UniqueConstraint(textOrNull(element(uniqueNames, uniques.size())),
                    strings(unique, where + " unique")));
        }
        List<Object> foreignKeyNames = list(names.get("foreignKeys"), where + " constraintNames foreignKeys");
        List<ForeignKeyConstraint> foreignKeys = new ArrayList<>();
        for (Object element : list(table.get("foreignKeys"), where + " foreignKeys")) {
            String fkWhere = where + " foreign key " + foreignKeys.size();
            Map<String, Object> fk = object(element, fkWhere);
            foreignKeys.add(new ForeignKeyConstraint(textOrNull(element(foreignKeyNames, foreignKeys.size())),
                    strings(required(fk, "columns", fkWhere), fkWhere), text(required(fk, "refTable", fkWhere)),
                    strings(required(fk, "refColumns", fkWhere), fkWhere), textOrNull(fk.get("onDelete"))));
        }
        List<IndexSchema> indexes = new ArrayList<>();
        for (Object element : list(table.get("indexes"), where + " indexes")) {
            Map<String, Object> index = object(element, where + " index");
            indexes.add(new IndexSchema(text(required(index, "name", where + " index")),
                    strings(required(index, "columns", where + " index"), where + " index"),
                    flag(index.get("unique"))));
        }
        return new TableSchema(name, columns, strings(table.get("primaryKey"), where + " primaryKey"),
                textOrNull(names.get("primaryKey")), uniques, foreignKeys, indexes);
    }

    private static Object required(Map<String, Object> node, String field, String where) {
        Object value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException("Schema facts " + where + ": field '" + field + "' is missing");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object node, String where) {
        if (!(node instanceof Map)) {
            throw new IllegalArgumentException("Schema facts " + where + ": expected an object, found " + shape(node));
        }
        return (Map<String, Object>) node;
    }

    /** The list {@code node} is; an absent (null) list is empty. */
    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node, String where) {
        if (node == null) {
            return Collections.emptyList();
        }
        if (!(node instanceof List)) {
            throw new IllegalArgumentException("Schema facts " + where + ": expected a list, found " + shape(node));
        }
        return (List<Object>) node;
    }

    private static String shape(Object node) {
        return node instanceof Map ? "an object" : node instanceof List ? "a list" : "the value '" + node + "'";
    }

    private static Object element(List<Object> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    private static String text(Object scalar) {
        return String.valueOf(scalar);
    }

    private static String textOrNull(Object scalar) {
        return scalar == null ? null : text(scalar);
    }

    /** A JSON boolean (or its text); absent is false. */
    private static boolean flag(Object scalar) {
        return scalar != null && Boolean.parseBoolean(text(scalar));
    }

    private static List<String> strings(Object node, String where) {
        List<String> values = new ArrayList<>();
        for (Object value : list(node, where)) {
            values.add(text(value));
        }
        return values;
    }
}

package org.wso2.carbon.is.migration.sql;

import java.util.ArrayList;
import java.util.List;

import org.wso2.carbon.is.migration.schema.ColumnSchema;
import org.wso2.carbon.is.migration.schema.IndexSchema;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.schema.TableSchema;

/**
 * One table of the release schema facts ({@link SchemaFacts}), written the way the script checks describe what they
 * find: {@code NAME TYPE [NOT NULL] [DEFAULT x]} per column, then {@code PK (..)}, then {@code INDEX name (..)} per
 * index.
 */
final class FactsNotation {

    private FactsNotation() {
    }

    /** The description of {@code table} in the identity facts of {@code factsDialect} (h2, mysql, postgresql). */
    static List<String> describe(String factsDialect, String version, String table) {
        SchemaFacts facts = SchemaFacts.load(factsDialect, version, false);
        TableSchema definition = facts.tables().get(table);
        if (definition == null) {
            throw new IllegalArgumentException(facts.resource() + " has no table " + table);
        }
        List<String> description = new ArrayList<>();
        for (ColumnSchema column : definition.columns()) {
            description.add(column(column.name(), column.type(), column.nullable(), column.defaultValue()));
        }
        description.add(primaryKey(definition.primaryKey()));
        for (IndexSchema index : definition.indexes()) {
            description.add(index(index.name(), index.columns()));
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

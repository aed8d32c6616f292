package org.wso2.carbon.is.migration.testsupport;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One table: the same shape whether it comes from the schema facts or from a live database, so that
 * {@link SchemaComparer} can put the two side by side.
 *
 * @param name           upper-case table name
 * @param columns        columns in declared (ordinal) order
 * @param primaryKey     primary-key columns in order; empty when the table has none
 * @param primaryKeyName the declared primary-key constraint name, or null (engines generate or fix it)
 * @param uniques        UNIQUE constraints
 * @param foreignKeys    FOREIGN KEY constraints
 * @param indexes        indexes created on their own (CREATE INDEX), not those backing a constraint
 */
public record TableSchema(String name, List<ColumnSchema> columns, List<String> primaryKey, String primaryKeyName,
                          List<UniqueConstraint> uniques, List<ForeignKeyConstraint> foreignKeys,
                          List<IndexSchema> indexes) {
    public TableSchema {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniques = List.copyOf(uniques);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
    }

    /** The column with this name, compared case-insensitively. */
    public Optional<ColumnSchema> column(String columnName) {
        String wanted = columnName.toUpperCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}

package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
public final class TableSchema {

    private final String name;
    private final List<ColumnSchema> columns;
    private final List<String> primaryKey;
    private final String primaryKeyName;
    private final List<UniqueConstraint> uniques;
    private final List<ForeignKeyConstraint> foreignKeys;
    private final List<IndexSchema> indexes;

    public TableSchema(String name, List<ColumnSchema> columns, List<String> primaryKey, String primaryKeyName,
                       List<UniqueConstraint> uniques, List<ForeignKeyConstraint> foreignKeys,
                       List<IndexSchema> indexes) {
        this.name = name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.primaryKey = Collections.unmodifiableList(new ArrayList<>(primaryKey));
        this.primaryKeyName = primaryKeyName;
        this.uniques = Collections.unmodifiableList(new ArrayList<>(uniques));
        this.foreignKeys = Collections.unmodifiableList(new ArrayList<>(foreignKeys));
        this.indexes = Collections.unmodifiableList(new ArrayList<>(indexes));
    }

    public String name() {
        return name;
    }

    public List<ColumnSchema> columns() {
        return columns;
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    public String primaryKeyName() {
        return primaryKeyName;
    }

    public List<UniqueConstraint> uniques() {
        return uniques;
    }

    public List<ForeignKeyConstraint> foreignKeys() {
        return foreignKeys;
    }

    public List<IndexSchema> indexes() {
        return indexes;
    }

    /** The column with this name, compared case-insensitively. */
    public Optional<ColumnSchema> column(String columnName) {
        String wanted = columnName.toUpperCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TableSchema)) {
            return false;
        }
        TableSchema that = (TableSchema) other;
        return Objects.equals(name, that.name) && columns.equals(that.columns) && primaryKey.equals(that.primaryKey)
                && Objects.equals(primaryKeyName, that.primaryKeyName) && uniques.equals(that.uniques)
                && foreignKeys.equals(that.foreignKeys) && indexes.equals(that.indexes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns, primaryKey, primaryKeyName, uniques, foreignKeys, indexes);
    }

    @Override
    public String toString() {
        return "TableSchema[name=" + name + ", columns=" + columns + ", primaryKey=" + primaryKey
                + ", primaryKeyName=" + primaryKeyName + ", uniques=" + uniques + ", foreignKeys=" + foreignKeys
                + ", indexes=" + indexes + "]";
    }
}

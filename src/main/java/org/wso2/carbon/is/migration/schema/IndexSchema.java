package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An index created by CREATE [UNIQUE] INDEX (not one an engine creates to back a constraint).
 *
 * @param name    upper-case index name
 * @param columns upper-case columns in order; a MySQL prefix index column keeps its length: {@code ATTR_NAME(500)}
 * @param unique  true for CREATE UNIQUE INDEX
 */
public final class IndexSchema {

    private final String name;
    private final List<String> columns;
    private final boolean unique;

    public IndexSchema(String name, List<String> columns, boolean unique) {
        this.name = name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.unique = unique;
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public boolean unique() {
        return unique;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof IndexSchema)) {
            return false;
        }
        IndexSchema that = (IndexSchema) other;
        return unique == that.unique && Objects.equals(name, that.name) && columns.equals(that.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns, unique);
    }

    @Override
    public String toString() {
        return "IndexSchema[name=" + name + ", columns=" + columns + ", unique=" + unique + "]";
    }
}

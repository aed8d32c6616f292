package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A UNIQUE constraint.
 *
 * @param name    the declared name, or null where the script leaves naming to the engine (facts); for a live
 *                constraint, the name the engine holds
 * @param columns upper-case column names in declared order
 */
public final class UniqueConstraint {

    private final String name;
    private final List<String> columns;

    public UniqueConstraint(String name, List<String> columns) {
        this.name = name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof UniqueConstraint)) {
            return false;
        }
        UniqueConstraint that = (UniqueConstraint) other;
        return Objects.equals(name, that.name) && columns.equals(that.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns);
    }

    @Override
    public String toString() {
        return "UniqueConstraint[name=" + name + ", columns=" + columns + "]";
    }
}

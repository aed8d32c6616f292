package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A FOREIGN KEY constraint.
 *
 * @param name       declared name, or null where the engine generates one (facts); the engine's name (live)
 * @param columns    referencing columns, in order
 * @param refTable   referenced table
 * @param refColumns referenced columns, in order
 * @param onDelete   the ON DELETE action as written ({@code CASCADE}), or null when none is declared
 */
public final class ForeignKeyConstraint {

    private final String name;
    private final List<String> columns;
    private final String refTable;
    private final List<String> refColumns;
    private final String onDelete;

    public ForeignKeyConstraint(String name, List<String> columns, String refTable, List<String> refColumns,
                                String onDelete) {
        this.name = name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.refTable = refTable;
        this.refColumns = Collections.unmodifiableList(new ArrayList<>(refColumns));
        this.onDelete = onDelete;
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    public String refTable() {
        return refTable;
    }

    public List<String> refColumns() {
        return refColumns;
    }

    public String onDelete() {
        return onDelete;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ForeignKeyConstraint)) {
            return false;
        }
        ForeignKeyConstraint that = (ForeignKeyConstraint) other;
        return Objects.equals(name, that.name) && columns.equals(that.columns)
                && Objects.equals(refTable, that.refTable) && refColumns.equals(that.refColumns)
                && Objects.equals(onDelete, that.onDelete);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns, refTable, refColumns, onDelete);
    }

    @Override
    public String toString() {
        return "ForeignKeyConstraint[name=" + name + ", columns=" + columns + ", refTable=" + refTable
                + ", refColumns=" + refColumns + ", onDelete=" + onDelete + "]";
    }
}

package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A row a release's scripts insert on a fresh install.
 *
 * @param table   target table
 * @param columns the INSERT's column list, or null when the script gives none (values in table column order)
 * @param values  SQL literals as written ({@code 'DEFAULT'}, {@code '-1234'})
 */
public final class SeedRow {

    private final String table;
    private final List<String> columns;
    private final List<String> values;

    public SeedRow(String table, List<String> columns, List<String> values) {
        this.table = table;
        this.columns = columns == null ? null : Collections.unmodifiableList(new ArrayList<>(columns));
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public String table() {
        return table;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> values() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SeedRow)) {
            return false;
        }
        SeedRow that = (SeedRow) other;
        return Objects.equals(table, that.table) && Objects.equals(columns, that.columns)
                && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, columns, values);
    }

    @Override
    public String toString() {
        return "SeedRow[table=" + table + ", columns=" + columns + ", values=" + values + "]";
    }
}

package org.wso2.carbon.is.migration.testsupport;

import java.util.List;

/**
 * A row a release's scripts insert on a fresh install.
 *
 * @param table   target table
 * @param columns the INSERT's column list, or null when the script gives none (values in table column order)
 * @param values  SQL literals as written ({@code 'DEFAULT'}, {@code '-1234'})
 */
public record SeedRow(String table, List<String> columns, List<String> values) {
    public SeedRow {
        columns = columns == null ? null : List.copyOf(columns);
        values = List.copyOf(values);
    }
}

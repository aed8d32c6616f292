package org.wso2.carbon.is.migration.testsupport;

import java.util.List;

/**
 * An index created by CREATE [UNIQUE] INDEX (not one an engine creates to back a constraint).
 *
 * @param name    upper-case index name
 * @param columns upper-case columns in order; a MySQL prefix index column keeps its length: {@code ATTR_NAME(500)}
 * @param unique  true for CREATE UNIQUE INDEX
 */
public record IndexSchema(String name, List<String> columns, boolean unique) {
    public IndexSchema {
        columns = List.copyOf(columns);
    }
}

package org.wso2.carbon.is.migration.testsupport;

import java.util.List;

/**
 * A UNIQUE constraint.
 *
 * @param name    the declared name, or null where the script leaves naming to the engine (facts); for a live
 *                constraint, the name the engine holds
 * @param columns upper-case column names in declared order
 */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}

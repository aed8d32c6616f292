package org.wso2.carbon.is.migration.testsupport;

import java.util.List;

/**
 * A FOREIGN KEY constraint.
 *
 * @param name       declared name, or null where the engine generates one (facts); the engine's name (live)
 * @param columns    referencing columns, in order
 * @param refTable   referenced table
 * @param refColumns referenced columns, in order
 * @param onDelete   the ON DELETE action as written ({@code CASCADE}), or null when none is declared
 */
public record ForeignKeyConstraint(String name, List<String> columns, String refTable, List<String> refColumns,
                                   String onDelete) {
    public ForeignKeyConstraint {
        columns = List.copyOf(columns);
        refColumns = List.copyOf(refColumns);
    }
}

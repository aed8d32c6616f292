package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A column {@code sync verify} compares, with what each side selects for it: the column itself, or an expression
 * that gives the value the release transform makes (so that equal data hashes equal), which the client may finish
 * on the source side ({@link SourceFill}).
 */
final class VerifiedColumn {

    /** What the client makes of the value the source side selected, from what it read once and the row's values. */
    interface SourceFill {
        /** The value as selected. */
        SourceFill AS_SELECTED = new SourceFill() {
            @Override
            public void read(Connection source) {
            }

            @Override
            public Object value(Object selected, Object[] row) {
                return selected;
            }
        };

        /** Reads (again) what the values depend on; before the first row and before keys are checked again. */
        void read(Connection source) throws SQLException;

        Object value(Object selected, Object[] row);
    }

    private final String name;
    private final String sourceSelect;
    private final String targetSelect;
    private final SourceFill sourceFill;

    VerifiedColumn(String name, String sourceSelect, String targetSelect, SourceFill sourceFill) {
        this.name = name;
        this.sourceSelect = sourceSelect;
        this.targetSelect = targetSelect;
        this.sourceFill = sourceFill;
    }

    /** The column's name, which gives its type on the target. */
    String name() {
        return name;
    }

    String sourceSelect() {
        return sourceSelect;
    }

    String targetSelect() {
        return targetSelect;
    }

    SourceFill sourceFill() {
        return sourceFill;
    }
}

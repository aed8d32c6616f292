package org.wso2.carbon.is.migration.sync;

/**
 * A column {@code sync verify} compares, with what each side selects for it: the column itself, or an expression
 * that gives the value the release transform makes (so that equal data hashes equal).
 */
final class VerifiedColumn {

    private final String name;
    private final String sourceSelect;
    private final String targetSelect;

    VerifiedColumn(String name, String sourceSelect, String targetSelect) {
        this.name = name;
        this.sourceSelect = sourceSelect;
        this.targetSelect = targetSelect;
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
}

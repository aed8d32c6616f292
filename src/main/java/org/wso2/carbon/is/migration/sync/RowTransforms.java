package org.wso2.carbon.is.migration.sync;

/** The transform a table's rows need between the configured releases ({@link RowTransform}). */
final class RowTransforms {

    private RowTransforms() {
    }

    static RowTransform between(SyncSettings settings, SyncedTable table) {
        return RowTransform.NONE;
    }
}

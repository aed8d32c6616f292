package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the release migration would have done to rows written in the source release's form: run on the target,
 * in the transaction that wrote them, on the rows just written, so that target == transform(source).
 */
interface RowTransform {

    /** Nothing to change: the releases store these rows alike. */
    RowTransform NONE = (target, table, written) -> { };

    void afterWrite(Connection target, SyncedTable table, List<RowKey> written) throws SQLException;
}

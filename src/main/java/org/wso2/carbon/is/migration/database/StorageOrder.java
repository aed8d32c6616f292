package org.wso2.carbon.is.migration.database;

/**
 * The order in which SQL can name where an engine keeps a table's rows, so that a chunked walk reads each chunk's rows
 * where they lie ({@link DatabaseEngine#storageOrder}).
 */
public enum StorageOrder {
    /** Ranges of heap pages ({@code ctid}), which PostgreSQL 14 and later read with a TID range scan. */
    HEAP_PAGES,
    /** Ranges of the row id that keys the table's own storage (H2's {@code _ROWID_}). */
    ROW_ID,
    /**
     * None that SQL can name: the walk goes by the table's key, which is the storage order where the engine clusters
     * rows by their primary key (InnoDB, an MSSQL clustered key) and an index's order elsewhere.
     */
    KEY
}

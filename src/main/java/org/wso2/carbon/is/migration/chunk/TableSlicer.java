package org.wso2.carbon.is.migration.chunk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.database.StorageOrder;

/**
 * How a {@link TableWalker} cuts a table into chunks. Rows are walked in the order the engine stores them wherever
 * SQL can name that order, because a chunk that reads its rows where they lie costs what a whole-table UPDATE costs
 * per row, while a chunk over a range of a secondary index (such as the token table's VARCHAR primary key on an engine
 * that does not cluster by it) visits rows scattered over the whole table:
 *
 * <ul>
 * <li>PostgreSQL 14 and later: ranges of heap pages ({@code ctid}, read by a TID range scan), {@link PageRangeSlicer};</li>
 * <li>H2: ranges of the row id ({@code _ROWID_}) that keys the table's own storage, {@link KeyOrderSlicer};</li>
 * <li>MySQL and MariaDB (InnoDB stores rows in primary-key order), MSSQL (clustered primary key), Oracle, DB2 and
 *     PostgreSQL before 14: ranges of the given key, {@link KeyOrderSlicer}, which needs an index on it.</li>
 * </ul>
 */
public interface TableSlicer {

    /**
     * The next range, starting after {@code checkpoint} (the start of the table when empty), covering about
     * {@code rows} rows; empty when the table has been walked to its end.
     */
    Optional<ChunkRange> next(Connection connection, Optional<String> checkpoint, int rows) throws SQLException;

    /** The column the ranges are over ({@code TOKEN_ID}, {@code _ROWID_}, {@code ctid}), for notes and plans. */
    String column();

    /**
     * True when the ranges cover every row, needing no index (false for a walk by key: it needs an index on the key,
     * and rows whose key is NULL fall outside every range).
     */
    boolean coversEveryRow();

    /**
     * True when a row's place in the walk changes when the row is updated (a PostgreSQL row version may move to
     * another page), so that a row another session updates while the walk goes on may be passed over.
     */
    boolean rowsMayMove();

    /** A range with placeholders only, for showing a chunk's statement in a plan. */
    ChunkRange sample();

    /**
     * The slicer for walking {@code table} in storage order on this engine, else by {@code key} (which must then be
     * indexed; {@code numericKey} says whether it is bound as a number).
     */
    static TableSlicer forTable(Connection connection, DatabaseEngine engine, String table, String key,
                                boolean numericKey) throws SQLException {
        return forOrder(engine.storageOrder(connection), engine, table, key, numericKey);
    }

    /** The slicer for walking {@code table} where the engine reports {@code order} (see {@link #forTable}). */
    static TableSlicer forOrder(StorageOrder order, DatabaseEngine engine, String table, String key,
                                boolean numericKey) {
        switch (order) {
            case HEAP_PAGES:
                return new PageRangeSlicer(table);
            case ROW_ID:
                return KeyOrderSlicer.byRowId(engine, table);
            default:
                return KeyOrderSlicer.byKey(engine, table, key, numericKey);
        }
    }
}

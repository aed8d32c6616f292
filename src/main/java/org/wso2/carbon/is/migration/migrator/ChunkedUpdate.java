package org.wso2.carbon.is.migration.migrator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.StepProgress;
import org.wso2.carbon.is.migration.chunk.ChunkPacer;
import org.wso2.carbon.is.migration.chunk.ChunkRange;
import org.wso2.carbon.is.migration.chunk.ChunkSettings;
import org.wso2.carbon.is.migration.chunk.ProgressMeter;
import org.wso2.carbon.is.migration.chunk.TableSlicer;
import org.wso2.carbon.is.migration.chunk.TableWalker;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.database.StorageOrder;
import org.wso2.carbon.is.migration.database.TableSizes;

/**
 * A release rule that one set-based UPDATE expresses ({@code SET ... WHERE <rows that need it>}), applied to a table
 * of any size in chunks: a {@link TableWalker} over the engine's storage order or the table's key, each chunk one
 * UPDATE over its range committed with its checkpoint, so a re-run continues after the last committed chunk and a
 * run after success changes nothing (the condition only matches rows the rule has not reached). Used by the data
 * steps whose rule needs nothing but the row itself.
 */
public final class ChunkedUpdate {

    private static final Logger LOG = LoggerFactory.getLogger(ChunkedUpdate.class);

    private final String table;
    private final String key;
    private final String set;
    private final String needed;
    private final String checkpointKey;
    private final Object[] setValues;

    /**
     * @param table  the table updated
     * @param key    its key column, indexed, never NULL (the walk's ranges where the engine has no storage order)
     * @param set    the SET list, without {@code SET}; values in it are placeholders, bound from {@code setValues}
     * @param needed the condition true exactly for rows the rule still has to change
     * @param checkpointKey the walk's name in the step's checkpoints (distinct per walk of one step)
     * @param setValues the values of the SET list's placeholders, in their order
     */
    public ChunkedUpdate(String table, String key, String set, String needed, String checkpointKey,
                         Object... setValues) {
        this.table = table;
        this.key = key;
        this.set = set;
        this.needed = needed;
        this.checkpointKey = checkpointKey;
        this.setValues = setValues.clone();
    }

    /** The UPDATE of one chunk: the SET list's placeholders, then its range's. */
    public String statement(ChunkRange range) {
        return "UPDATE " + table + " SET " + set + " WHERE (" + needed + ") AND " + range.condition(table);
    }

    /** The UPDATE of one chunk as a plan shows it (placeholders for the range). */
    public String sample(Connection connection, DatabaseEngine engine) throws SQLException {
        return statement(slicer(connection, engine).sample());
    }

    /** Rows the rule would still change; reads the whole table once. */
    public long rowsNeeded(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(countStatement());
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The count of the rows the rule would still change. */
    String countStatement() {
        return "SELECT COUNT(*) FROM " + table + " WHERE " + needed;
    }

    /**
     * Walks the table and applies the rule chunk by chunk on {@code connection} (auto-commit off); returns the rows
     * changed. Where rows may move under the walk (PostgreSQL pages, when another session updates the table), rows
     * still needing the rule afterwards get one more pass; the step fails if some remain after it.
     */
    public long apply(Connection connection, DatabaseEngine engine, ChunkSettings settings, StepProgress progress)
            throws SQLException {
        long estimate = TableSizes.of(connection, engine, table).rows();
        connection.rollback();
        ProgressMeter meter = new ProgressMeter(table, estimate, settings.progressIntervalNanos(), System::nanoTime,
                line -> LOG.info("{}", line));
        ChunkPacer pacer = new ChunkPacer(settings.sizer(), meter, settings.pauseMillis());
        TableSlicer slicer = slicer(connection, engine);
        StepChunkProgress ledger = new StepChunkProgress(progress);
        TableWalker.Outcome outcome = walk(connection, new TableWalker(table, checkpointKey, slicer, pacer), ledger);
        long rows = outcome.rowsChanged();
        progress.note(table + ": " + rows + " rows changed in " + outcome.chunks() + " chunks by ranges of "
                + slicer.column() + ", longest chunk " + pacer.longestMillis() + " ms" + (outcome.resumed()
                ? ", continuing after the checkpoint of an interrupted run" : ""));
        if (slicer.rowsMayMove()) {
            long left = rowsNeeded(connection);
            connection.rollback();
            if (left > 0) {
                TableWalker.Outcome recheck = walk(connection, new TableWalker(table, checkpointKey + ":recheck",
                        slicer(connection, engine), pacer), ledger);
                rows += recheck.rowsChanged();
                progress.note(table + ": " + left + " rows still needed the rule after the walk (moved by another"
                        + " session meanwhile); a second pass changed " + recheck.rowsChanged());
                if (rowsNeeded(connection) > 0) {
                    connection.rollback();
                    throw new SQLException(table + ": rows still need the rule after two passes: another session"
                            + " keeps writing the table. Stop it and run the migration again.");
                }
                connection.rollback();
            }
        }
        return rows;
    }

    private TableWalker.Outcome walk(Connection connection, TableWalker walker, StepChunkProgress ledger)
            throws SQLException {
        try {
            return walker.walk(connection, ledger, (chunk, range) -> {
                try (PreparedStatement update = chunk.prepareStatement(statement(range))) {
                    for (int i = 0; i < setValues.length; i++) {
                        update.setObject(i + 1, setValues[i]);
                    }
                    range.bind(update, setValues.length + 1);
                    return update.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new SQLException(table + ": a chunk failed and was rolled back: " + e.getMessage(), e.getSQLState(),
                    e);
        }
    }

    private TableSlicer slicer(Connection connection, DatabaseEngine engine) throws SQLException {
        return slicer(engine, engine.storageOrder(connection));
    }

    /** The walk's slicer where the engine reports {@code order}; package-private so a test can build every walk. */
    TableSlicer slicer(DatabaseEngine engine, StorageOrder order) {
        return TableSlicer.forOrder(order, engine, table, key, false);
    }
}

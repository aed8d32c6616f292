package org.wso2.carbon.is.migration.migrator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.chunk.KeyOrderSlicer;
import org.wso2.carbon.is.migration.chunk.KeyOrderSlicer.KeyRange;
import org.wso2.carbon.is.migration.chunk.TableSlicer;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.database.StorageOrder;

/**
 * Every statement a {@link ChunkedUpdate} can send on a dialect, built through the code the walk runs: the count of
 * rows still needing the rule, and for each storage order the dialect's engine can report, the slicer's queries for a
 * range's upper end (the dialect's first-rows form) and the chunk UPDATE over each kind of range it cuts.
 */
public final class ChunkedUpdateStatements {

    /** Rows per chunk in the statements built; any count gives the same form. */
    private static final int ROWS = 500;

    private ChunkedUpdateStatements() {
    }

    public static List<String> of(ChunkedUpdate update, Dialect dialect) {
        DatabaseEngine engine = DatabaseEngine.of(dialect);
        List<String> statements = new ArrayList<>();
        statements.add(update.countStatement());
        for (StorageOrder order : storageOrders(dialect)) {
            TableSlicer slicer = update.slicer(engine, order);
            statements.add(update.statement(slicer.sample()));
            if (slicer instanceof KeyOrderSlicer) {
                KeyOrderSlicer keys = (KeyOrderSlicer) slicer;
                statements.add(update.statement(new KeyRange(keys.column(), false, null, "?", "?")));
                statements.add(keys.upperEndSql(true, ROWS));
                statements.add(keys.upperEndSql(false, ROWS));
            }
        }
        return statements;
    }

    /**
     * What {@link DatabaseEngine#storageOrder} answers for the dialect: H2 its row id, PostgreSQL heap pages from 14
     * on and the key before, every other engine the key.
     */
    static Set<StorageOrder> storageOrders(Dialect dialect) {
        switch (dialect) {
            case H2:
                return EnumSet.of(StorageOrder.ROW_ID);
            case POSTGRESQL:
                return EnumSet.of(StorageOrder.HEAP_PAGES, StorageOrder.KEY);
            default:
                return EnumSet.of(StorageOrder.KEY);
        }
    }
}

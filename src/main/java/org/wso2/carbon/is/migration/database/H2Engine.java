package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.util.EnumSet;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.SqlSyntax.Feature;
import org.wso2.carbon.is.migration.database.SqlSyntax.Terminators;
import org.wso2.carbon.is.migration.database.TableSizes.TableSize;

/** H2, the engine IS ships with (1.4.199 in 5.9.0; 2.x read too). */
final class H2Engine extends DatabaseEngine {

    H2Engine() {
        super(Dialect.H2, new SqlSyntax(EnumSet.of(Feature.DOLLAR_QUOTES), Terminators.SEMICOLON),
                FirstRowsSyntax.LIMIT, "org.h2.Driver", null);
    }

    /** None: H2 answers {@code COUNT(*)} from its table metadata without reading the rows. */
    @Override
    public Optional<TableSize> tableSizeEstimate(Connection connection, String table) {
        return Optional.empty();
    }

    /** The row id ({@code _ROWID_}) keys the table's storage, even where the primary key is a VARCHAR. */
    @Override
    public StorageOrder storageOrder(Connection connection) {
        return StorageOrder.ROW_ID;
    }

    @Override
    public boolean updatesRewriteEveryIndex() {
        return true;
    }

    @Override
    public long estimatedUpdateRowsPerSecond() {
        return 20_000;
    }
}

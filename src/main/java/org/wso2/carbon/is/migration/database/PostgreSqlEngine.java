package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.SqlSyntax.Feature;
import org.wso2.carbon.is.migration.database.SqlSyntax.Terminators;
import org.wso2.carbon.is.migration.database.TableSizes.TableSize;

final class PostgreSqlEngine extends DatabaseEngine {

    /** TID range scans came with PostgreSQL 14; before it, a ctid range reads the whole table. */
    private static final int TID_RANGE_SCANS_SINCE_MAJOR = 14;

    PostgreSqlEngine() {
        super(Dialect.POSTGRESQL, new SqlSyntax(
                EnumSet.of(Feature.DOLLAR_QUOTES, Feature.NESTED_BLOCK_COMMENTS, Feature.ESCAPE_STRING_PREFIX),
                Terminators.SEMICOLON), FirstRowsSyntax.LIMIT, "org.postgresql.Driver",
                "jdbc:postgresql://{hostname}:{port}/{name}");
    }

    /** {@code pg_class.reltuples} of the table in the current schema, -1 before the first ANALYZE. */
    @Override
    public Optional<TableSize> tableSizeEstimate(Connection connection, String table) throws SQLException {
        return TableSizes.fromStatistics(connection, table, "SELECT CAST(C.reltuples AS BIGINT) FROM pg_class C"
                + " JOIN pg_namespace S ON S.oid = C.relnamespace WHERE S.nspname = current_schema()"
                + " AND C.relname = LOWER(?)", "pg_class.reltuples");
    }

    @Override
    public StorageOrder storageOrder(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion() >= TID_RANGE_SCANS_SINCE_MAJOR
                ? StorageOrder.HEAP_PAGES : StorageOrder.KEY;
    }

    @Override
    public boolean ddlRollsBackWithTransaction() {
        return true;
    }

    @Override
    public long estimatedUpdateRowsPerSecond() {
        return 50_000;
    }
}

package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.SqlSyntax.Feature;
import org.wso2.carbon.is.migration.database.SqlSyntax.Terminators;
import org.wso2.carbon.is.migration.database.TableSizes.TableSize;

/** Microsoft SQL Server. */
final class MsSqlEngine extends DatabaseEngine {

    MsSqlEngine() {
        super(Dialect.MSSQL, new SqlSyntax(EnumSet.of(Feature.BRACKET_IDENTIFIERS), Terminators.GO_LINE),
                FirstRowsSyntax.TOP, "com.microsoft.sqlserver.jdbc.SQLServerDriver",
                "jdbc:sqlserver://{hostname}:{port};databaseName={name};SendStringParametersAsUnicode=false");
    }

    /** The rows of the table's heap or clustered index. */
    @Override
    public Optional<TableSize> tableSizeEstimate(Connection connection, String table) throws SQLException {
        return TableSizes.fromStatistics(connection, table, "SELECT SUM(P.rows) FROM sys.partitions P"
                + " JOIN sys.tables T ON T.object_id = P.object_id WHERE T.name = ? AND P.index_id IN (0, 1)",
                "sys.partitions");
    }

    @Override
    boolean indexNamesPerTable() {
        return true;
    }
}

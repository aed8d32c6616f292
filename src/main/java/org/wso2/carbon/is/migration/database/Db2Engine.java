package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.SqlSyntax.Feature;
import org.wso2.carbon.is.migration.database.SqlSyntax.Terminators;
import org.wso2.carbon.is.migration.database.TableSizes.TableSize;

final class Db2Engine extends DatabaseEngine {

    Db2Engine() {
        super(Dialect.DB2, new SqlSyntax(EnumSet.noneOf(Feature.class), Terminators.SLASH_LINE),
                FirstRowsSyntax.FETCH_FIRST, "com.ibm.db2.jcc.DB2Driver", "jdbc:db2://{hostname}:{port}/{name}");
    }

    @Override
    public Optional<TableSize> tableSizeEstimate(Connection connection, String table) throws SQLException {
        return TableSizes.fromStatistics(connection, table,
                "SELECT CARD FROM SYSCAT.TABLES WHERE TABSCHEMA = CURRENT SCHEMA AND TABNAME = UPPER(?)",
                "SYSCAT.TABLES.CARD");
    }
}

package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.SqlSyntax.Feature;
import org.wso2.carbon.is.migration.database.SqlSyntax.Terminators;
import org.wso2.carbon.is.migration.database.TableSizes.TableSize;

/** Oracle 12c and later, the first to take {@code FETCH FIRST n ROWS ONLY}. */
final class OracleEngine extends DatabaseEngine {

    OracleEngine() {
        super(Dialect.ORACLE, new SqlSyntax(EnumSet.of(Feature.ALTERNATIVE_QUOTING,
                Feature.BLOCK_KEEPS_FINAL_SEMICOLON), Terminators.SLASH_LINE), FirstRowsSyntax.FETCH_FIRST,
                "oracle.jdbc.OracleDriver", "jdbc:oracle:thin:@{hostname}:{port}/{sid}");
    }

    @Override
    public Optional<TableSize> tableSizeEstimate(Connection connection, String table) throws SQLException {
        return TableSizes.fromStatistics(connection, table,
                "SELECT NUM_ROWS FROM USER_TABLES WHERE TABLE_NAME = UPPER(?)", "USER_TABLES.NUM_ROWS");
    }
}

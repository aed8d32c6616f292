package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.SqlSyntax.Feature;
import org.wso2.carbon.is.migration.database.SqlSyntax.Terminators;
import org.wso2.carbon.is.migration.database.TableSizes.TableSize;

/** MySQL, and the base of {@link MariaDbEngine}, which answers the same everywhere the tool asks. */
class MySqlEngine extends DatabaseEngine {

    MySqlEngine() {
        this(Dialect.MYSQL, "com.mysql.jdbc.Driver", "jdbc:mysql://{hostname}:{port}/{name}");
    }

    MySqlEngine(Dialect dialect, String driverClass, String urlTemplate) {
        super(dialect, new SqlSyntax(EnumSet.of(Feature.BACKSLASH_ESCAPES, Feature.DOUBLE_QUOTED_STRINGS,
                Feature.BACKTICK_IDENTIFIERS, Feature.HASH_COMMENTS, Feature.DASH_COMMENT_NEEDS_SPACE,
                Feature.EXECUTABLE_COMMENTS), Terminators.DELIMITER_COMMAND), FirstRowsSyntax.LIMIT, driverClass,
                urlTemplate);
    }

    /** InnoDB's sampled estimate. */
    @Override
    public Optional<TableSize> tableSizeEstimate(Connection connection, String table) throws SQLException {
        return TableSizes.fromStatistics(connection, table, "SELECT TABLE_ROWS FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) = UPPER(?)",
                "information_schema.TABLES.TABLE_ROWS");
    }

    @Override
    boolean indexNamesPerTable() {
        return true;
    }

    @Override
    public long estimatedUpdateRowsPerSecond() {
        return 25_000;
    }
}

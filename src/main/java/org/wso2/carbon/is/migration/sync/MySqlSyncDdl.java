package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * MySQL and MariaDB: three row triggers per table. Triggers do not fire for rows a foreign key's ON DELETE CASCADE
 * removes on these engines; the target has the same cascading keys, so deleting the parent there removes them too.
 */
final class MySqlSyncDdl extends SyncDdl {

    MySqlSyncDdl(Dialect dialect) {
        super(dialect);
    }

    /** MariaDB runs MySQL's trigger syntax as it is. */
    @Override
    String templateFolder() {
        return "mysql";
    }

    @Override
    public List<String> leftovers(Connection connection) throws SQLException {
        List<String> drops = new ArrayList<>();
        drops.addAll(drops(connection, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA ="
                + " DATABASE() AND UPPER(TRIGGER_NAME) LIKE " + NAME_PATTERN + " ORDER BY 1",
                (name, table) -> "DROP TRIGGER IF EXISTS " + name));
        drops.addAll(drops(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA ="
                + " DATABASE() AND UPPER(TABLE_NAME) LIKE " + NAME_PATTERN + " ORDER BY 1",
                (name, table) -> "DROP TABLE IF EXISTS " + name));
        return drops;
    }
}

package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * SQL Server 2016 and later: triggers fire once per statement and see the changed rows as the {@code inserted} and
 * {@code deleted} tables, so an update that changes keys records each old key that no new row has.
 */
final class MsSqlSyncDdl extends SyncDdl {

    MsSqlSyncDdl() {
        super(Dialect.MSSQL);
    }

    @Override
    Map<String, String> variables(SyncedTable table) {
        Map<String, String> variables = super.variables(table);
        List<String> join = new ArrayList<>();
        for (KeyColumn key : table.keys()) {
            join.add("I." + key.name() + " = D." + key.name());
        }
        variables.put("keyJoin", String.join(" AND ", join));
        variables.put("insertedKeys", table.keyList("I."));
        variables.put("deletedKeys", table.keyList("D."));
        return variables;
    }

    @Override
    public List<String> leftovers(Connection connection) throws SQLException {
        List<String> drops = new ArrayList<>();
        drops.addAll(drops(connection, "SELECT name FROM sys.triggers WHERE UPPER(name) LIKE " + NAME_PATTERN
                + " ORDER BY 1", (name, table) -> "DROP TRIGGER IF EXISTS " + name));
        drops.addAll(drops(connection, "SELECT name FROM sys.tables WHERE UPPER(name) LIKE " + NAME_PATTERN
                + " ORDER BY 1", (name, table) -> "DROP TABLE IF EXISTS " + name));
        return drops;
    }
}

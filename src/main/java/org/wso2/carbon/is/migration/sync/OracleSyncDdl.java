package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.wso2.carbon.is.migration.api.Dialect;

/** Oracle 12c and later (identity columns): three row triggers per table, in the user's own schema. */
final class OracleSyncDdl extends SyncDdl {

    OracleSyncDdl() {
        super(Dialect.ORACLE);
    }

    @Override
    String newRow() {
        return ":NEW.";
    }

    @Override
    String oldRow() {
        return ":OLD.";
    }

    @Override
    String columnType(KeyColumn key) {
        switch (key.jdbcType()) {
            case Types.VARCHAR:
                return "VARCHAR2(" + key.size() + ")";
            case Types.INTEGER:
                return "NUMBER(10)";
            case Types.BIGINT:
                return "NUMBER(19)";
            case Types.DECIMAL:
                return "NUMBER(" + key.size() + ", " + key.scale() + ")";
            default:
                return super.columnType(key);
        }
    }

    @Override
    public List<String> leftovers(Connection connection) throws SQLException {
        List<String> drops = new ArrayList<>();
        drops.addAll(drops(connection, "SELECT TRIGGER_NAME FROM USER_TRIGGERS WHERE TRIGGER_NAME LIKE "
                + NAME_PATTERN + " ORDER BY 1", (name, table) -> "DROP TRIGGER " + name));
        drops.addAll(drops(connection, "SELECT TABLE_NAME FROM USER_TABLES WHERE TABLE_NAME LIKE " + NAME_PATTERN
                + " ORDER BY 1", (name, table) -> "DROP TABLE " + name + " PURGE"));
        return drops;
    }
}

package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.wso2.carbon.is.migration.api.Dialect;

/** DB2 LUW: three row triggers per table, naming the rows through {@code REFERENCING NEW AS N OLD AS O}. */
final class Db2SyncDdl extends SyncDdl {

    Db2SyncDdl() {
        super(Dialect.DB2);
    }

    @Override
    String newRow() {
        return "N.";
    }

    @Override
    String oldRow() {
        return "O.";
    }

    @Override
    public List<String> leftovers(Connection connection) throws SQLException {
        List<String> drops = new ArrayList<>();
        drops.addAll(drops(connection, "SELECT TRIGNAME FROM SYSCAT.TRIGGERS WHERE TRIGSCHEMA = CURRENT SCHEMA AND"
                + " TRIGNAME LIKE " + NAME_PATTERN + " ORDER BY 1", (name, table) -> "DROP TRIGGER " + name));
        drops.addAll(drops(connection, "SELECT TABNAME FROM SYSCAT.TABLES WHERE TABSCHEMA = CURRENT SCHEMA AND"
                + " TYPE = 'T' AND TABNAME LIKE " + NAME_PATTERN + " ORDER BY 1", (name, table) -> "DROP TABLE "
                + name));
        return drops;
    }
}

package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.wso2.carbon.is.migration.api.Dialect;

/** PostgreSQL: one PL/pgSQL trigger function and one row trigger for the three operations per table. */
final class PostgreSqlSyncDdl extends SyncDdl {

    PostgreSqlSyncDdl() {
        super(Dialect.POSTGRESQL);
    }

    @Override
    public List<String> leftovers(Connection connection) throws SQLException {
        List<String> drops = new ArrayList<>();
        drops.addAll(drops(connection, "SELECT T.tgname, C.relname FROM pg_trigger T JOIN pg_class C ON C.oid ="
                + " T.tgrelid JOIN pg_namespace S ON S.oid = C.relnamespace WHERE S.nspname = current_schema() AND"
                + " UPPER(T.tgname) LIKE " + NAME_PATTERN + " ORDER BY 1",
                (name, table) -> "DROP TRIGGER IF EXISTS " + name + " ON " + table));
        drops.addAll(drops(connection, "SELECT P.proname FROM pg_proc P JOIN pg_namespace S ON S.oid ="
                + " P.pronamespace WHERE S.nspname = current_schema() AND UPPER(P.proname) LIKE " + NAME_PATTERN
                + " ORDER BY 1", (name, table) -> "DROP FUNCTION IF EXISTS " + name + "()"));
        drops.addAll(drops(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                + " current_schema() AND UPPER(table_name) LIKE " + NAME_PATTERN + " ORDER BY 1",
                (name, table) -> "DROP TABLE IF EXISTS " + name));
        return drops;
    }
}

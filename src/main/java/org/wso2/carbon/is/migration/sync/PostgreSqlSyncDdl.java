package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * PostgreSQL: one PL/pgSQL trigger function per table, called by a row trigger for inserts and updates and one for
 * deletes. PostgreSQL runs a foreign key's ON DELETE action as a statement inside the key's own trigger, so the rows
 * it deletes fire the delete trigger one level down ({@code pg_trigger_depth() > 0}). Where the target repeats
 * those deletes ({@link SyncedTable#foreignKeyDeletesRepeated}: a token's scopes go with the token) the delete
 * trigger leaves them out: three of the nine journal rows of a token's life, about a fifth of the trigger cost
 * (docs/benchmark.md). Only triggers can run a delete that deep, so this holds while the source has no trigger of
 * its own ({@link #otherTriggers}); prepare journals every delete where it has one, and the run reports one
 * created later ({@link #leftOutDeletesAtRisk}).
 */
final class PostgreSqlSyncDdl extends SyncDdl {

    /** Any trigger not the tool's, in the whole database: a trigger may delete from another schema's tables. */
    private static final String OTHER_TRIGGERS = "SELECT T.tgname || ' on ' || C.relname FROM pg_trigger T JOIN"
            + " pg_class C ON C.oid = T.tgrelid WHERE NOT T.tgisinternal AND UPPER(T.tgname) NOT LIKE " + NAME_PATTERN
            + " ORDER BY 1";

    PostgreSqlSyncDdl() {
        super(Dialect.POSTGRESQL);
    }

    @Override
    String foreignKeyDeletesLeftOut() {
        return "WHEN (pg_trigger_depth() = 0) ";
    }

    @Override
    public List<String> otherTriggers(Connection connection) throws SQLException {
        return names(connection, OTHER_TRIGGERS);
    }

    @Override
    public List<String> leftOutDeletesAtRisk(Connection connection) throws SQLException {
        boolean leavesOut = !names(connection, "SELECT T.tgname FROM pg_trigger T JOIN pg_class C ON C.oid ="
                + " T.tgrelid JOIN pg_namespace S ON S.oid = C.relnamespace WHERE S.nspname = current_schema()"
                + " AND UPPER(T.tgname) LIKE " + NAME_PATTERN + " AND T.tgqual IS NOT NULL").isEmpty();
        return leavesOut ? otherTriggers(connection) : Collections.<String>emptyList();
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

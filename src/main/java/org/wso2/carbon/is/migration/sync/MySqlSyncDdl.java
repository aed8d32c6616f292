package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * MySQL and MariaDB: three row triggers per table, and a BEFORE DELETE trigger on every table whose deletes reach
 * synced rows through ON DELETE foreign keys in a way the target does not repeat (the OAuth application's), because
 * these engines fire no trigger for the rows a foreign key action removes or changes ({@link CascadePath}).
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

    /** One BEFORE DELETE trigger per table whose deletes reach synced rows, journalling them all. */
    @Override
    String foreignKeyActionsScript(List<SyncedTable> tables) {
        Map<String, List<String>> inserts = new LinkedHashMap<>();
        for (SyncedTable table : tables) {
            for (CascadePath path : table.cascades()) {
                inserts.computeIfAbsent(path.ancestor(), ancestor -> new ArrayList<>())
                        .add(path.journalInsert(table, oldRow()));
            }
        }
        StringBuilder script = new StringBuilder();
        for (Map.Entry<String, List<String>> ancestor : inserts.entrySet()) {
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("ancestor", ancestor.getKey());
            variables.put("cascadeTrigger", SyncNames.trigger(ancestor.getKey(), 'C'));
            variables.put("journalInserts", "  " + String.join(";\n  ", ancestor.getValue()) + ";");
            script.append('\n').append(template("prepare-cascade.sql", variables));
        }
        return script.toString();
    }

    @Override
    public List<String> leftovers(Connection connection) throws SQLException {
        return informationSchemaLeftovers(connection, "DATABASE()");
    }
}

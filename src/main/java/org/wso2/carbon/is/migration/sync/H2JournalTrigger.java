package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * The journal trigger on H2, which runs triggers written in Java only, inside the engine that serves the database
 * (the H2 server the old server and the tool reach): {@code prepare} names this class in
 * {@code CREATE TRIGGER ... CALL}, and that server must find it on its class path. It writes what
 * the other engines' SQL triggers write, in the changing transaction: {@code I} with the new key, {@code D} with
 * the old, and for an update {@code K} with the old key if a key column changed, then {@code U} with the new.
 *
 * <p>H2 1.3.175 (IS 5.7.0, 5.8.0) to 2.x load it: it implements every method of {@link Trigger} (2.x gives three of
 * them defaults that 1.x lacks), and it needs no class of the tool but {@link SyncNames}. Rows reach a trigger in
 * the table's column order, so the key columns' places are read from the catalog once, when the engine loads it.
 */
public final class H2JournalTrigger implements Trigger {

    /** The journal's own columns, before the key columns it copies. */
    private static final List<String> JOURNAL_COLUMNS = Arrays.asList("SYNC_ID", "SYNC_OP", "CHANGED_AT",
            "SYNC_FAILURES");

    private String insert;
    private int[] keyPlaces;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        String journal = SyncNames.journal(table);
        List<String> keys = new ArrayList<>(columns(connection, schema, journal));
        keys.removeAll(JOURNAL_COLUMNS);
        List<String> tableColumns = columns(connection, schema, table);
        keyPlaces = new int[keys.size()];
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quoted(schema)).append('.').append(journal)
                .append(" (SYNC_OP");
        for (int i = 0; i < keys.size(); i++) {
            keyPlaces[i] = tableColumns.indexOf(keys.get(i));
            if (keyPlaces[i] < 0) {
                throw new SQLException(journal + " keeps " + keys.get(i) + ", which " + table + " does not have:"
                        + " run sync prepare again");
            }
            sql.append(", ").append(keys.get(i));
        }
        sql.append(") VALUES (?");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(", ?");
        }
        insert = sql.append(')').toString();
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null) {
            journal(connection, "I", newRow);
        } else if (newRow == null) {
            journal(connection, "D", oldRow);
        } else {
            if (keyChanged(oldRow, newRow)) {
                journal(connection, "K", oldRow);
            }
            journal(connection, "U", newRow);
        }
    }

    @Override
    public void close() {
        // nothing held between calls
    }

    @Override
    public void remove() {
        // the journal outlives the trigger: cleanup drops it, and a prepare run again keeps its pending entries
    }

    private boolean keyChanged(Object[] oldRow, Object[] newRow) {
        for (int place : keyPlaces) {
            if (!Objects.equals(oldRow[place], newRow[place])) {
                return true;
            }
        }
        return false;
    }

    /**
     * A statement per row: H2 shares one trigger instance among all sessions and passes each call its own session's
     * connection, so no statement can be kept; H2's per-session query cache spares the parse.
     */
    private void journal(Connection connection, String operation, Object[] row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, operation);
            for (int i = 0; i < keyPlaces.length; i++) {
                statement.setObject(i + 2, row[keyPlaces[i]]);
            }
            statement.executeUpdate();
        }
    }

    /** The table's columns in their order, as H2 hands rows to triggers. */
    private static List<String> columns(Connection connection, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        DatabaseMetaData catalog = connection.getMetaData();
        try (ResultSet rows = catalog.getColumns(null, schema, table, null)) {
            while (rows.next()) {
                // the names are LIKE patterns, in which _ stands for any character
                if (table.equals(rows.getString("TABLE_NAME")) && schema.equals(rows.getString("TABLE_SCHEM"))) {
                    columns.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("The sync trigger on " + table + " finds no table " + schema + "." + table
                    + " in the catalog");
        }
        return columns;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

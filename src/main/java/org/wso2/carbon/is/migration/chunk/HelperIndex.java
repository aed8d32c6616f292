package org.wso2.carbon.is.migration.chunk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.database.DatabaseEngine;

/**
 * An index the tool adds for the length of a chunked walk over a table whose key has none (the token-audit table),
 * so that finding each chunk reads the index instead of the whole table, and drops again when the walk is done.
 * A crash leaves it in place; the next run finds it by name, uses it, and drops it at the end. Where the table
 * already has an index leading with the key, nothing is added.
 */
public final class HelperIndex {

    private final DatabaseEngine engine;
    private final String table;
    private final String column;
    private final String name;

    public HelperIndex(DatabaseEngine engine, String table, String column, String name) {
        this.engine = engine;
        this.table = table;
        this.column = column;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Makes sure an index leads with the key; returns true when the helper index is in place (created now or left
     * by an interrupted run), which {@link #drop} then removes, false when the table had an index of its own.
     */
    public boolean ensure(Connection connection) throws SQLException {
        Set<String> existing = CatalogLookup.indexesLeadingWith(connection, table, column);
        if (existing.contains(name.toUpperCase(Locale.ROOT))) {
            return true;
        }
        if (!existing.isEmpty()) {
            return false;
        }
        execute(connection, createStatement());
        return true;
    }

    public void drop(Connection connection) throws SQLException {
        execute(connection, dropStatement());
    }

    public String dropStatement() {
        return engine.dropIndexStatement(name, table);
    }

    public String createStatement() {
        return "CREATE INDEX " + name + " ON " + table + " (" + column + ")";
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        connection.commit();
    }
}

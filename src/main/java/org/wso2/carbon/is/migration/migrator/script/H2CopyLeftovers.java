package org.wso2.carbon.is.migration.migrator.script;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * The tables an H2 ALTER TABLE leaves behind when the process dies inside it. H2 rebuilds a table for many ALTERs by
 * copying it into {@code <TABLE>_COPY_<session>_<n>} and then swapping the two; its DDL is not transactional, so a
 * kill during the copy leaves that table in the file for good beside the untouched original (a copy of the access
 * tokens, in the case the crash test found). A re-run of the script then alters the original, and the copy would
 * stay an extra table holding token values. Such a table is recognised by its name and by its original existing.
 */
final class H2CopyLeftovers {

    private static final Pattern COPY_NAME = Pattern.compile("(.+)_COPY_\\d+_\\d+");

    private H2CopyLeftovers() {
    }

    /** The leftover copies in the connection's schema; none on other engines, whose DDL leaves no such table. */
    static List<String> find(Connection connection, Dialect dialect) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        if (dialect != Dialect.H2) {
            return leftovers;
        }
        Set<String> tables = new HashSet<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet rows = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE", "BASE TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        for (String table : tables) {
            Matcher copy = COPY_NAME.matcher(table.toUpperCase(Locale.ROOT));
            if (copy.matches() && tables.contains(copy.group(1))) {
                leftovers.add(table);
            }
        }
        leftovers.sort(null);
        return leftovers;
    }

    /** Drops {@code leftovers} (as {@link #find} named them). */
    static void drop(Connection connection, List<String> leftovers) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : leftovers) {
                statement.execute("DROP TABLE \"" + table.replace("\"", "\"\"") + "\"");
            }
        }
    }
}

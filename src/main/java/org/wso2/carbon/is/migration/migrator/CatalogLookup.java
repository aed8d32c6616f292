package org.wso2.carbon.is.migration.migrator;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads tables, columns and indexes of the connection's own schema through JDBC metadata, whatever case the engine
 * keeps unquoted names in (upper on H2, Oracle, DB2; lower on PostgreSQL; as written on MySQL).
 */
final class CatalogLookup {

    private CatalogLookup() {
    }

    static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : spellings(table)) {
            try (ResultSet rows = metaData.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                if (rows.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean columnExists(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String tableName : spellings(table)) {
            try (ResultSet rows = metaData.getColumns(connection.getCatalog(), connection.getSchema(), tableName,
                    null)) {
                while (rows.next()) {
                    if (rows.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Names (upper case) of the indexes of {@code table} whose first column is {@code column}. */
    static Set<String> indexesLeadingWith(Connection connection, String table, String column) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Set<String> names = new LinkedHashSet<>();
        for (String tableName : spellings(table)) {
            try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), tableName,
                    false, true)) {
                while (rows.next()) {
                    String index = rows.getString("INDEX_NAME");
                    String indexColumn = rows.getString("COLUMN_NAME");
                    if (index != null && indexColumn != null && rows.getShort("ORDINAL_POSITION") == 1
                            && indexColumn.equalsIgnoreCase(column)) {
                        names.add(index.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return names;
    }

    private static Set<String> spellings(String name) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(name);
        spellings.add(name.toUpperCase(Locale.ROOT));
        spellings.add(name.toLowerCase(Locale.ROOT));
        return spellings;
    }
}

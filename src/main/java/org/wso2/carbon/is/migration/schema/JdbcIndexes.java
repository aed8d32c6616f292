package org.wso2.carbon.is.migration.schema;

import static org.wso2.carbon.is.migration.schema.EngineCatalog.upper;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Indexes through {@link DatabaseMetaData#getIndexInfo}, for the engines whose JDBC metadata says enough. */
final class JdbcIndexes {

    private JdbcIndexes() {
    }

    /**
     * @param tables upper-case names as the engine reports them (looked up as returned by getTables)
     * @param skip   {@code TABLE.INDEX} names of indexes that back a constraint
     */
    static Map<String, List<IndexSchema>> read(DatabaseMetaData metaData, String catalog, String schema,
                                               Collection<String> tables, Set<String> skip) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (String table : tables) {
            List<Object[]> tableRows = new ArrayList<>();
            try (ResultSet info = metaData.getIndexInfo(catalog, schema, engineName(metaData, table), false, false)) {
                while (info.next()) {
                    String index = info.getString("INDEX_NAME");
                    if (index == null || info.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                        continue;
                    }
                    tableRows.add(new Object[] {index, info.getShort("ORDINAL_POSITION"),
                            upper(info.getString("COLUMN_NAME")), !info.getBoolean("NON_UNIQUE")});
                }
            }
            tableRows.sort((a, b) -> a[0].equals(b[0]) ? Short.compare((short) a[1], (short) b[1])
                    : ((String) a[0]).compareTo((String) b[0]));
            for (Object[] row : tableRows) {
                rows.add(new String[] {table, (String) row[0], (String) row[2], String.valueOf(row[3])});
            }
        }
        return EngineCatalog.groupIndexes(rows, skip);
    }

    /** The table name as the engine stores it: PostgreSQL folds unquoted names to lower case. */
    static String engineName(DatabaseMetaData metaData, String upperName) throws SQLException {
        return metaData.storesLowerCaseIdentifiers() ? upperName.toLowerCase(java.util.Locale.ROOT) : upperName;
    }
}

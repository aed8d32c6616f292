package org.wso2.carbon.is.migration.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.apache.commons.io.IOUtils;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.sql.SqlScriptException;
import org.wso2.carbon.is.migration.sql.SqlStatement;
import org.wso2.carbon.is.migration.sql.StatementSplitter;

/**
 * Creates the tool's own tables from {@code ledger/<dialect>.sql} in the bundle when the history table is missing.
 * The check goes through JDBC metadata rather than {@code IF NOT EXISTS}, which not every dialect has.
 */
public final class LedgerTables {

    static final String HISTORY = "IS_MIGRATION_HISTORY";

    private LedgerTables() {
    }

    /** True when the history table exists; a dry run uses this to read the ledger without creating it. */
    public static boolean exist(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : new String[] {HISTORY, HISTORY.toLowerCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, name, null)) {
                while (tables.next()) {
                    String schema = tables.getString("TABLE_SCHEM");
                    if (schema == null || isCurrentSchema(connection, schema)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isCurrentSchema(Connection connection, String schema) throws SQLException {
        String current = connection.getSchema();
        if (current == null) {
            return true;
        }
        return current.equalsIgnoreCase(schema);
    }

    /** Creates the tables (committed) unless they exist. */
    public static void ensure(Connection connection, Dialect dialect) throws LedgerException {
        try {
            if (exist(connection)) {
                return;
            }
            String resource = "/org/wso2/carbon/is/migration/ledger/" + dialect.scriptFileName();
            String text;
            try (InputStream in = LedgerTables.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new LedgerException("The bundle has no ledger script " + resource);
                }
                text = new String(IOUtils.toByteArray(in), StandardCharsets.UTF_8);
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                for (SqlStatement sql : StatementSplitter.split(text, "bundle:" + resource, dialect)) {
                    statement.execute(sql.sql());
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | IOException | SqlScriptException e) {
            throw new LedgerException("Could not create the migration ledger tables (" + HISTORY + ", "
                    + "IS_MIGRATION_CHECKPOINT, IS_MIGRATION_LOCK): " + e.getMessage(), e);
        }
    }
}

package org.wso2.carbon.is.migration.migrator.oauth;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.wso2.carbon.is.migration.database.CatalogLookup;

/**
 * After the 5.8.0 data step, which rows of the access-token, token-audit and authorization-code tables still have
 * no IDP_ID, by the same rule the step applies ({@link IdpIdRule}): one grouped query per table, changing nothing.
 */
public final class IdpIdAudit {

    private IdpIdAudit() {
    }

    /**
     * One line per table and reason, e.g. {@code IDN_OAUTH2_ACCESS_TOKEN: 3 rows left unchanged, IDP_ID not set:
     * tenant 5 has no LOCAL identity provider}; empty when every row has its IdP. A table without the IDP_ID column
     * (the 5.8.0 step1 script did not run) is one line saying so.
     */
    public static List<String> rowsWithoutIdpId(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (OAuthTable table : OAuthTable.values()) {
            if (!CatalogLookup.tableExists(connection, table.table())) {
                continue;
            }
            if (!CatalogLookup.columnExists(connection, table.table(), OAuthTable.IDP_ID)) {
                lines.add(table.table() + ": has no " + OAuthTable.IDP_ID + " column");
                continue;
            }
            IdpIdCounts counts = IdpIdCounts.read(connection, table, true);
            if (counts.resolvable() > 0) {
                lines.add(table.table() + ": " + counts.resolvable() + " rows without IDP_ID that the 5.8.0 data step"
                        + " would set (it has not run, or did not finish)");
            }
            lines.addAll(counts.leftReports());
        }
        return lines;
    }
}

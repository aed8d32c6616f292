package org.wso2.carbon.is.migration.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.wso2.carbon.is.migration.transform.IdpIdRule;

/**
 * The transform a table's rows need between the configured releases ({@link RowTransform}), the same rules the
 * migration applies:
 * <ul>
 * <li>From a release before 5.8.0 to 5.8.0 or later, access tokens and authorization codes get IDP_ID (the tenant's
 *     LOCAL IdP, or for a 5.7.0 federated user, {@code FEDERATED:<idp>}, that IdP of the tenant, the domain becoming
 *     {@code FEDERATED}): the 5.8.0 data step's own rule ({@link IdpIdRule#resync}), restricted to the rows just
 *     written, on the target, whose IDP table is the migrated copy of the source's. A row whose IdP the rule cannot
 *     find keeps NULL and its 5.7.0 domain, as the migration leaves it.</li>
 * </ul>
 * Columns only the target release has are never written by the copy, so new rows take their declared defaults.
 */
final class RowTransforms {

    /** The first release whose token and code tables have IDP_ID. */
    private static final String IDP_ID_SINCE = "5.8.0";
    private static final List<String> IDP_ID_TABLES = Arrays.asList("IDN_OAUTH2_ACCESS_TOKEN",
            "IDN_OAUTH2_AUTHORIZATION_CODE");

    private RowTransforms() {
    }

    static RowTransform between(SyncSettings settings, SyncedTable table) {
        if (SyncSettings.compare(settings.sourceVersion(), IDP_ID_SINCE) < 0
                && SyncSettings.compare(settings.targetVersion(), IDP_ID_SINCE) >= 0
                && IDP_ID_TABLES.contains(table.name())) {
            return RowTransforms::setIdpId;
        }
        return RowTransform.NONE;
    }

    /**
     * What the source side of {@code sync verify} selects for {@code column}: the column, or the expression the
     * transform makes of it, so that a transformed target compares equal ({@code FEDERATED:<idp>} is read as
     * {@code FEDERATED} where the rule finds that IdP, and as it is where it does not).
     */
    static String sourceSelect(SyncSettings settings, SyncedTable table, String column) {
        if (between(settings, table) != RowTransform.NONE && column.equals("USER_DOMAIN")) {
            return IdpIdRule.userDomainAfterRule(table.name() + ".TENANT_ID", table.name() + "." + column) + " AS "
                    + column;
        }
        return column;
    }

    /**
     * The columns only the target release has that {@code sync verify} still compares, each with what the source
     * side selects for it and what the target side does: IDP_ID, as the rule computes it from the source row over
     * the source's IDP table (the target's is its copy, so the ids agree), the tenant's LOCAL IdP filled in by the
     * client ({@link LocalIdpFill}), against the target's, where -1 (DB2's "not set", the old client's placeholder)
     * reads as NULL, the rule's "no IdP found".
     *
     * @param columns the columns compared before these, in the order the rows hold them
     */
    static List<VerifiedColumn> derivedColumns(SyncSettings settings, SyncedTable table, List<String> columns) {
        if (between(settings, table) == RowTransform.NONE) {
            return Collections.emptyList();
        }
        String column = IdpIdRule.IDP_ID;
        String sourceSelect = IdpIdRule.resolvedIdpId(table.name() + ".TENANT_ID", table.name() + ".USER_DOMAIN",
                Integer.toString(LocalIdpFill.LOCAL)) + " AS " + column;
        return Collections.singletonList(new VerifiedColumn(column, sourceSelect,
                IdpIdRule.setOrNull(column) + " AS " + column, new LocalIdpFill(columns.indexOf("TENANT_ID"))));
    }

    private static void setIdpId(Connection target, SyncedTable table, List<RowKey> written) throws SQLException {
        if (written.isEmpty()) {
            return;
        }
        for (List<RowKey> part : KeyLists.parts(written, table.keys().size())) {
            try (PreparedStatement update = target.prepareStatement(IdpIdRule.resync(table.name(),
                    RowKey.anyOf(table.keys(), part.size())))) {
                RowKey.bindAll(update, part);
                update.executeUpdate();
            }
        }
    }
}

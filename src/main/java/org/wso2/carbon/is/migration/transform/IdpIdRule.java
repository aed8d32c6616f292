package org.wso2.carbon.is.migration.transform;

/**
 * The rule that decides the IDP_ID of an access token, token-audit row or authorization code written before 5.8.0,
 * as SQL expressions over the row's columns (passed in qualified, e.g. {@code IDN_OAUTH2_ACCESS_TOKEN.TENANT_ID},
 * because the IDP subqueries have a TENANT_ID of their own). One source for the update, the dry-run counts and the
 * report of the 5.8.0 data step ({@code migrator.oauth}), and for the sync tool, which applies the same update to the
 * rows it copies from a 5.7.0 source into a 5.8.0 or later target, so that none of them can disagree.
 *
 * <ul>
 * <li>A row needs IDP_ID when it is NULL (a column freshly added by the 5.8.0 script: nullable, no default, in every
 *     dialect), or -1 (the old client's placeholder), or when USER_DOMAIN still has the 5.7.0 federated form
 *     {@code FEDERATED:<IdP name>} (the old client gave such rows the LOCAL id: this repairs them).</li>
 * <li>A federated row ({@code FEDERATED:<name>}) gets the id of the IDP row of that name in the row's tenant. The
 *     name is matched exactly; when no name matches exactly, it is matched ignoring case if exactly one IdP of the
 *     tenant fits (5.7.0 may have stored the domain upper-cased). Its USER_DOMAIN becomes {@code FEDERATED}, as
 *     5.8.0 writes it: the IdP name is then known through IDP_ID, so it is not lost. A bare {@code FEDERATED} with
 *     no id names no IdP and is never guessed.</li>
 * <li>Every other row (a user store domain such as PRIMARY, or none) gets the id of the IDP row named
 *     {@code LOCAL} of its tenant.</li>
 * <li>When there is no such IDP row (a tenant without LOCAL IdP, a federated IdP deleted since), the expression
 *     is NULL: the row is left exactly as it is, and reported.</li>
 * </ul>
 */
public final class IdpIdRule {

    /** USER_DOMAIN of federated users from 5.8.0 on; 5.7.0 wrote {@code FEDERATED:<IdP name>}. */
    private static final String FEDERATED = "FEDERATED";
    public static final String FEDERATED_570_PREFIX = FEDERATED + ":";
    /** The IDP row the server creates for each tenant's own users. */
    public static final String LOCAL_IDP = "LOCAL";
    /** What the old client left in IDP_ID of rows it did not set. */
    private static final int OLD_CLIENT_PLACEHOLDER = -1;

    /** The column the rule fills. */
    public static final String IDP_ID = "IDP_ID";

    private IdpIdRule() {
    }

    /**
     * The UPDATE that applies the rule to the rows of {@code table} (a token, token-audit or code table) that match
     * {@code rowCondition}, need IDP_ID and for which the rule finds an IdP; other rows are left as they are.
     */
    public static String update(String table, String rowCondition) {
        return update(table, rowCondition, needsIdpId(table + "." + IDP_ID, table + ".USER_DOMAIN", true));
    }

    /**
     * The sync tool's form of {@link #update}: the rows matching {@code rowCondition} were just copied from a
     * release without IDP_ID, so each must hold what the rule gives now, also where an earlier value differs (the
     * row changed IdP since, or the target's value was changed by hand and verify queued the row for repair). A row
     * that already holds the rule's value is not written again.
     */
    public static String resync(String table, String rowCondition) {
        String idpId = table + "." + IDP_ID;
        return update(table, rowCondition, "(" + needsIdpId(idpId, table + ".USER_DOMAIN", true) + " OR " + idpId
                + " <> " + resolvedIdpId(table + ".TENANT_ID", table + ".USER_DOMAIN") + ")");
    }

    /** The rule's UPDATE of the rows matching {@code rowCondition} and {@code which}, for which it finds an IdP. */
    private static String update(String table, String rowCondition, String which) {
        String tenantId = table + ".TENANT_ID";
        String userDomain = table + ".USER_DOMAIN";
        // IDP_ID first: MySQL evaluates assignments left to right, and IDP_ID reads the USER_DOMAIN it had before.
        return "UPDATE " + table + " SET " + IDP_ID + " = " + resolvedIdpId(tenantId, userDomain)
                + ", USER_DOMAIN = " + migratedUserDomain(userDomain)
                + " WHERE " + rowCondition + " AND " + which + " AND " + findsIdp(tenantId, userDomain);
    }

    /** True for rows that still need IDP_ID; with {@code idpIdColumnExists} false (a dry run before step1), all rows. */
    public static String needsIdpId(String idpId, String userDomain, boolean idpIdColumnExists) {
        if (!idpIdColumnExists) {
            return "1 = 1";
        }
        return "(" + idpId + " IS NULL OR " + idpId + " = " + OLD_CLIENT_PLACEHOLDER + " OR " + userDomain
                + " LIKE '" + FEDERATED_570_PREFIX + "%')";
    }

    /** {@code idpId} with the placeholder -1 (the old client's, and DB2's column default) read as NULL, "not set". */
    public static String setOrNull(String idpId) {
        return "CASE WHEN " + idpId + " = " + OLD_CLIENT_PLACEHOLDER + " THEN NULL ELSE " + idpId + " END";
    }

    /** True for rows of federated users, in the 5.7.0 or the 5.8.0 form. */
    public static String isFederated(String userDomain) {
        return "(" + userDomain + " = '" + FEDERATED + "' OR " + userDomain + " LIKE '" + FEDERATED_570_PREFIX + "%')";
    }

    /** The IdP id the rule gives the row, or NULL when the rule finds none. */
    public static String resolvedIdpId(String tenantId, String userDomain) {
        String local = "(SELECT I.ID FROM IDP I WHERE I.TENANT_ID = " + tenantId + " AND I.NAME = '" + LOCAL_IDP + "')";
        return resolvedIdpId(tenantId, userDomain, local);
    }

    /**
     * {@link #resolvedIdpId} with {@code notFederated} where it looks up the tenant's LOCAL IdP: for a reader of many
     * rows that takes every tenant's LOCAL id from {@link #localIdps} once and fills it in itself, because that
     * lookup, correlated with each row, costs more than reading the row (see docs/benchmark.md).
     */
    public static String resolvedIdpId(String tenantId, String userDomain, String notFederated) {
        return "CASE WHEN " + isFederated(userDomain) + " THEN " + federatedIdpId(tenantId, userDomain) + " ELSE "
                + notFederated + " END";
    }

    /** Every tenant's LOCAL IdP, as TENANT_ID and ID: the IDP rows {@link #resolvedIdpId} gives unfederated rows. */
    public static String localIdps() {
        return "SELECT TENANT_ID, ID FROM IDP WHERE NAME = '" + LOCAL_IDP + "'";
    }

    /**
     * True when {@link #resolvedIdpId} is not NULL, written so that the usual row, a local user's, costs no second
     * lookup per row: whether its tenant has a LOCAL IdP is an uncorrelated IN, which need not be evaluated per row
     * (PostgreSQL hashes it once per statement), where {@code resolvedIdpId IS NOT NULL} ran the correlated lookup
     * again for every row, which made the UPDATE slower on PostgreSQL and MariaDB (see docs/benchmark.md). A CASE of
     * numbers, not of conditions, because Oracle, MSSQL and DB2 have no boolean CASE; a NULL USER_DOMAIN is not
     * federated there, as in {@link #resolvedIdpId}.
     */
    private static String findsIdp(String tenantId, String userDomain) {
        return "CASE WHEN " + isFederated(userDomain) + " THEN CASE WHEN " + federatedIdpId(tenantId, userDomain)
                + " IS NOT NULL THEN 1 END WHEN " + tenantId + " IN (SELECT L.TENANT_ID FROM IDP L WHERE L.NAME = '"
                + LOCAL_IDP + "') THEN 1 END = 1";
    }

    /** The id of the IdP a federated row names in its tenant, or NULL. */
    private static String federatedIdpId(String tenantId, String userDomain) {
        String prefixedName = "CONCAT('" + FEDERATED_570_PREFIX + "', I.NAME)";
        // Exact name first; else the one name equal ignoring case (aggregates only, so no engine needs the outer
        // row's columns in a GROUP BY).
        String exact = "(SELECT I.ID FROM IDP I WHERE I.TENANT_ID = " + tenantId + " AND " + prefixedName + " = "
                + userDomain + ")";
        String onlyIgnoringCase = "(SELECT CASE WHEN COUNT(*) = 1 THEN MAX(I.ID) END FROM IDP I WHERE I.TENANT_ID = "
                + tenantId + " AND UPPER(" + prefixedName + ") = UPPER(" + userDomain + "))";
        return "COALESCE(" + exact + ", " + onlyIgnoringCase + ")";
    }

    /**
     * USER_DOMAIN as the rule leaves the row: the 5.7.0 federated form becomes {@code FEDERATED} where the rule finds
     * that IdP (its UPDATE changes no other row); anything else is kept.
     */
    public static String userDomainAfterRule(String tenantId, String userDomain) {
        return "CASE WHEN " + userDomain + " LIKE '" + FEDERATED_570_PREFIX + "%' AND "
                + federatedIdpId(tenantId, userDomain) + " IS NOT NULL THEN '" + FEDERATED + "' ELSE " + userDomain
                + " END";
    }

    /** USER_DOMAIN after the rule: the 5.7.0 federated form becomes {@code FEDERATED}; anything else is kept. */
    public static String migratedUserDomain(String userDomain) {
        return "CASE WHEN " + userDomain + " LIKE '" + FEDERATED_570_PREFIX + "%' THEN '" + FEDERATED + "' ELSE "
                + userDomain + " END";
    }
}

package org.wso2.carbon.is.migration.migrator.oauth;

import org.wso2.carbon.is.migration.chunk.ChunkRange;
import org.wso2.carbon.is.migration.transform.IdpIdRule;


/**
 * The three tables whose IDP_ID the 5.8.0 data step fills, each with the key it is walked by where the engine is not
 * walked in storage order ({@link TableSlicer}), and the statements of {@link IdpIdRule} written for it.
 *
 * <ul>
 * <li>IDN_OAUTH2_ACCESS_TOKEN: primary key TOKEN_ID.</li>
 * <li>IDN_OAUTH2_AUTHORIZATION_CODE: primary key CODE_ID.</li>
 * <li>IDN_OAUTH2_ACCESS_TOKEN_AUDIT: no primary key, no index, in every release. Walked by key, it is walked by
 *     TOKEN_ID, which the server copies from the token row (so it is nearly unique, and never NULL in what the server
 *     writes); the walk is sound for a repeated key (see {@link KeyOrderSlicer}). Without an index every chunk would scan the
 *     whole table, so the step adds a helper index for the walk ({@link HelperIndex}) and drops it afterwards.
 *     Rows with a NULL TOKEN_ID, outside every range, are done by one last statement restricted to them.</li>
 * </ul>
 */
public enum OAuthTable {
    ACCESS_TOKEN("IDN_OAUTH2_ACCESS_TOKEN", "TOKEN_ID", null),
    ACCESS_TOKEN_AUDIT("IDN_OAUTH2_ACCESS_TOKEN_AUDIT", "TOKEN_ID", "IS_MIG_TMP_AUDIT_TOKEN_ID"),
    AUTHORIZATION_CODE("IDN_OAUTH2_AUTHORIZATION_CODE", "CODE_ID", null);

    static final String IDP_ID = IdpIdRule.IDP_ID;

    private final String table;
    private final String key;
    private final String helperIndexName;

    OAuthTable(String table, String key, String helperIndexName) {
        this.table = table;
        this.key = key;
        this.helperIndexName = helperIndexName;
    }

    public String table() {
        return table;
    }

    public String key() {
        return key;
    }

    /** True when the release schema has no index on the key, so the walk needs a helper index. */
    public boolean keyWithoutIndex() {
        return helperIndexName != null;
    }

    /** True when the key column is nullable (no primary key), so NULL keys need a statement of their own. */
    boolean keyMayBeNull() {
        return helperIndexName != null;
    }

    /** The helper index's name (at most 30 characters, for Oracle before 12.2); null where none is needed. */
    public String helperIndexName() {
        return helperIndexName;
    }

    /** The update of one chunk; its placeholders are the range's ({@link ChunkRange#bind}). */
    public String updateRange(ChunkRange range) {
        return update(range.condition(table));
    }

    /**
     * The same update over the whole table in one statement: what the step would be without chunks (the floor
     * docs/benchmark.md compares with, and the old client's 5.8.0 data step). Not used by the step: it would lock
     * every row at once.
     */
    String updateWholeTable() {
        return update("1 = 1");
    }

    /** The update of the rows whose key is NULL (outside every range). */
    public String updateNullKeys() {
        return update(column(key) + " IS NULL");
    }

    private String update(String keyCondition) {
        return IdpIdRule.update(table, keyCondition);
    }

    /**
     * Rows that need IDP_ID, grouped by tenant and target (the federated USER_DOMAIN, or LOCAL), each group with the
     * id the rule gives it: {@code TENANT_ID, TARGET, ROW_COUNT, RESOLVED_ID}. Read-only; one pass over the table.
     */
    public String countByTarget(boolean idpIdColumnExists) {
        return countByTarget(idpIdColumnExists, null);
    }

    /** {@link #countByTarget(boolean)} of the rows of one chunk; its placeholders are the range's. */
    public String countRangeByTarget(ChunkRange range) {
        return countByTarget(true, range.condition(table));
    }

    private String countByTarget(boolean idpIdColumnExists, String rowCondition) {
        String target = "CASE WHEN " + IdpIdRule.isFederated(column("USER_DOMAIN")) + " THEN " + column("USER_DOMAIN")
                + " ELSE '" + IdpIdRule.LOCAL_IDP + "' END";
        return "SELECT G.TENANT_ID, G.TARGET, G.ROW_COUNT, " + IdpIdRule.resolvedIdpId("G.TENANT_ID", "G.TARGET")
                + " AS RESOLVED_ID FROM (SELECT " + column("TENANT_ID") + " AS TENANT_ID, " + target + " AS TARGET,"
                + " COUNT(*) AS ROW_COUNT FROM " + table
                + " WHERE " + (rowCondition == null ? "" : rowCondition + " AND ")
                + IdpIdRule.needsIdpId(column(IDP_ID), column("USER_DOMAIN"), idpIdColumnExists)
                + " GROUP BY " + column("TENANT_ID") + ", " + target + ") G";
    }

    private String column(String name) {
        return table + "." + name;
    }
}

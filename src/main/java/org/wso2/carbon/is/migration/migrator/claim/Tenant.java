package org.wso2.carbon.is.migration.migrator.claim;

/**
 * A tenant whose claims are migrated: the super tenant or a UM_TENANT row.
 *
 * @param id     UM_TENANT.UM_ID, or -1234 for the super tenant
 * @param domain the tenant domain (carbon.super for the super tenant)
 * @param active UM_ACTIVE (a NULL reads as inactive, as the server reads it); the super tenant is always active
 */
public record Tenant(int id, String domain, boolean active) {

    public static final int SUPER_TENANT_ID = -1234;
    public static final Tenant SUPER_TENANT = new Tenant(SUPER_TENANT_ID, "carbon.super", true);

    @Override
    public String toString() {
        return "tenant " + id + " (" + domain + ")";
    }
}

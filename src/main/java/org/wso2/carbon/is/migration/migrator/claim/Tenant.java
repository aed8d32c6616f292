package org.wso2.carbon.is.migration.migrator.claim;

import java.util.Objects;

/**
 * A tenant whose claims are migrated: the super tenant or a UM_TENANT row.
 *
 * @param id     UM_TENANT.UM_ID, or -1234 for the super tenant
 * @param domain the tenant domain (carbon.super for the super tenant)
 * @param active UM_ACTIVE (a NULL reads as inactive, as the server reads it); the super tenant is always active
 */
public final class Tenant {

    public static final int SUPER_TENANT_ID = -1234;
    public static final Tenant SUPER_TENANT = new Tenant(SUPER_TENANT_ID, "carbon.super", true);

    private final int id;
    private final String domain;
    private final boolean active;

    public Tenant(int id, String domain, boolean active) {
        this.id = id;
        this.domain = domain;
        this.active = active;
    }

    public int id() {
        return id;
    }

    public String domain() {
        return domain;
    }

    public boolean active() {
        return active;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Tenant)) {
            return false;
        }
        Tenant that = (Tenant) other;
        return id == that.id && Objects.equals(domain, that.domain) && active == that.active;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, domain, active);
    }

    @Override
    public String toString() {
        return "tenant " + id + " (" + domain + ")";
    }
}

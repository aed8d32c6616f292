package org.wso2.carbon.is.migration.migrator.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationException;

/**
 * Which tenants a per-tenant step migrates, from the config's {@code ignoreForInactiveTenants},
 * {@code migrateTenantRange}, {@code migrationStartingTenantID} and {@code migrationEndingTenantID}. The super tenant
 * is not a UM_TENANT row and is always migrated: a tenant range selects among UM_TENANT rows.
 */
public record TenantSelection(boolean ignoreInactive, Integer rangeStart, Integer rangeEnd) {

    /** The tenants to migrate, and a line per tenant left out saying why. */
    public record Result(List<Tenant> included, List<String> excluded) {
    }

    public static TenantSelection from(MigrationContext context) throws MigrationException {
        boolean ignoreInactive = flag(context, "ignoreForInactiveTenants");
        if (!flag(context, "migrateTenantRange")) {
            return new TenantSelection(ignoreInactive, null, null);
        }
        int start = tenantId(context, "migrationStartingTenantID");
        int end = tenantId(context, "migrationEndingTenantID");
        if (start > end) {
            throw new MigrationException("migrateTenantRange is true, but migrationStartingTenantID (" + start
                    + ") is greater than migrationEndingTenantID (" + end + ")");
        }
        return new TenantSelection(ignoreInactive, start, end);
    }

    public Result apply(List<Tenant> tenants) {
        List<Tenant> included = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (Tenant tenant : tenants) {
            boolean superTenant = tenant.id() == Tenant.SUPER_TENANT_ID;
            if (!superTenant && rangeStart != null && (tenant.id() < rangeStart || tenant.id() > rangeEnd)) {
                excluded.add(tenant + ": skipped, outside migrateTenantRange " + rangeStart + ".." + rangeEnd);
            } else if (!tenant.active() && ignoreInactive) {
                excluded.add(tenant + ": skipped, inactive (ignoreForInactiveTenants is true)");
            } else {
                included.add(tenant);
            }
        }
        return new Result(included, excluded);
    }

    /** The settings in one line, for reports and for telling whether a checkpoint was made with the same ones. */
    public String describe() {
        return "ignoreForInactiveTenants=" + ignoreInactive
                + (rangeStart == null ? ", all tenants" : ", tenants " + rangeStart + ".." + rangeEnd);
    }

    private static boolean flag(MigrationContext context, String key) throws MigrationException {
        Optional<String> value = context.setting(key).map(String::trim);
        if (value.isEmpty() || value.get().isEmpty() || value.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.get().equalsIgnoreCase("true")) {
            return true;
        }
        throw new MigrationException(key + " must be true or false, not '" + value.get() + "'");
    }

    private static int tenantId(MigrationContext context, String key) throws MigrationException {
        String value = context.setting(key).map(String::trim).orElse("");
        if (value.isEmpty()) {
            throw new MigrationException("migrateTenantRange is true, so " + key + " must be set");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new MigrationException(key + " must be a tenant id (a whole number), not '" + value + "'", e);
        }
    }
}

package org.wso2.carbon.is.migration.migrator.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.RunSettings;

/**
 * Which tenants a per-tenant step migrates, from the config's {@code ignoreForInactiveTenants},
 * {@code migrateTenantRange}, {@code migrationStartingTenantID} and {@code migrationEndingTenantID}. The super tenant
 * is not a UM_TENANT row and is always migrated: a tenant range selects among UM_TENANT rows.
 */
public final class TenantSelection {
    private final boolean ignoreInactive;
    private final Integer rangeStart;
    private final Integer rangeEnd;

    /** The tenants to migrate, and a line per tenant left out saying why. */
    public static final class Result {
        private final List<Tenant> included;
        private final List<String> excluded;

        public Result(List<Tenant> included, List<String> excluded) {
            this.included = included;
            this.excluded = excluded;
        }

        public List<Tenant> included() {
            return included;
        }

        public List<String> excluded() {
            return excluded;
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof Result)) {
                return false;
            }
            Result that = (Result) other;
            return Objects.equals(included, that.included) && Objects.equals(excluded, that.excluded);
        }

        @Override
        public int hashCode() {
            return Objects.hash(included, excluded);
        }

        @Override
        public String toString() {
            return "Result[included=" + included + ", excluded=" + excluded + "]";
        }
    }

    public TenantSelection(boolean ignoreInactive, Integer rangeStart, Integer rangeEnd) {
        this.ignoreInactive = ignoreInactive;
        this.rangeStart = rangeStart;
        this.rangeEnd = rangeEnd;
    }

    public boolean ignoreInactive() {
        return ignoreInactive;
    }

    public Integer rangeStart() {
        return rangeStart;
    }

    public Integer rangeEnd() {
        return rangeEnd;
    }

    /** The selection the config's settings make (validated when the config was loaded). */
    public static TenantSelection from(MigrationContext context) {
        return of(context.settings());
    }

    /** The selection these settings make. */
    public static TenantSelection of(RunSettings settings) {
        return new TenantSelection(settings.ignoreForInactiveTenants(),
                settings.firstTenantId().isPresent() ? settings.firstTenantId().getAsInt() : null,
                settings.lastTenantId().isPresent() ? settings.lastTenantId().getAsInt() : null);
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

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TenantSelection)) {
            return false;
        }
        TenantSelection that = (TenantSelection) other;
        return ignoreInactive == that.ignoreInactive && Objects.equals(rangeStart, that.rangeStart)
                && Objects.equals(rangeEnd, that.rangeEnd);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ignoreInactive, rangeStart, rangeEnd);
    }

    @Override
    public String toString() {
        return "TenantSelection[ignoreInactive=" + ignoreInactive + ", rangeStart=" + rangeStart + ", rangeEnd="
                + rangeEnd + "]";
    }
}

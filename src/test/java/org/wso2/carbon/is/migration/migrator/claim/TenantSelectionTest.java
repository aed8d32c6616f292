package org.wso2.carbon.is.migration.migrator.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.RunSettings;

/**
 * The tenant settings select tenants as the config documents them. (An incomplete or reversed range never gets
 * here: the config loader refuses it, see ConfigLoaderTest.)
 */
class TenantSelectionTest {

    private static final List<Tenant> TENANTS = List.of(Tenant.SUPER_TENANT, new Tenant(1, "a.com", true),
            new Tenant(2, "b.com", false), new Tenant(3, "c.com", true), new Tenant(7, "d.com", true));

    private static TenantSelection selection(boolean ignoreInactive, Integer first, Integer last) {
        return TenantSelection.from(new DirectContext("5.9.0", Path.of("."), Map.of(),
                new RunSettings(true, ignoreInactive, first, last, null, null), false));
    }

    private static List<Integer> ids(TenantSelection.Result result) {
        return result.included().stream().map(Tenant::id).toList();
    }

    @Test
    void withoutSettingsEveryTenantIsMigratedSuperTenantFirst() throws Exception {
        assertEquals(List.of(-1234, 1, 2, 3, 7), ids(selection(false, null, null).apply(TENANTS)));
    }

    @Test
    void inactiveTenantsAreSkippedWhenAskedAndSaySo() throws Exception {
        TenantSelection.Result result = selection(true, null, null).apply(TENANTS);
        assertEquals(List.of(-1234, 1, 3, 7), ids(result));
        assertEquals(List.of("tenant 2 (b.com): skipped, inactive (ignoreForInactiveTenants is true)"),
                result.excluded());
    }

    @Test
    void aTenantRangeSelectsUmTenantRowsAndKeepsTheSuperTenant() throws Exception {
        TenantSelection.Result result = selection(false, 2, 3).apply(TENANTS);
        assertEquals(List.of(-1234, 2, 3), ids(result));
        assertEquals(List.of("tenant 1 (a.com): skipped, outside migrateTenantRange 2..3",
                "tenant 7 (d.com): skipped, outside migrateTenantRange 2..3"), result.excluded());
    }
}

package org.wso2.carbon.is.migration.migrator.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.MigrationException;

/** The tenant settings select tenants as the config documents them. */
class TenantSelectionTest {

    private static final List<Tenant> TENANTS = List.of(Tenant.SUPER_TENANT, new Tenant(1, "a.com", true),
            new Tenant(2, "b.com", false), new Tenant(3, "c.com", true), new Tenant(7, "d.com", true));

    private static TenantSelection selection(Map<String, String> settings) throws MigrationException {
        return TenantSelection.from(new DirectContext("5.9.0", Path.of("."), Map.of(), settings, false));
    }

    private static List<Integer> ids(TenantSelection.Result result) {
        return result.included().stream().map(Tenant::id).toList();
    }

    @Test
    void withoutSettingsEveryTenantIsMigratedSuperTenantFirst() throws Exception {
        assertEquals(List.of(-1234, 1, 2, 3, 7), ids(selection(Map.of()).apply(TENANTS)));
    }

    @Test
    void inactiveTenantsAreSkippedWhenAskedAndSaySo() throws Exception {
        TenantSelection.Result result = selection(Map.of("ignoreForInactiveTenants", "true")).apply(TENANTS);
        assertEquals(List.of(-1234, 1, 3, 7), ids(result));
        assertEquals(List.of("tenant 2 (b.com): skipped, inactive (ignoreForInactiveTenants is true)"),
                result.excluded());
    }

    @Test
    void aTenantRangeSelectsUmTenantRowsAndKeepsTheSuperTenant() throws Exception {
        TenantSelection.Result result = selection(Map.of("migrateTenantRange", "true",
                "migrationStartingTenantID", "2", "migrationEndingTenantID", "3")).apply(TENANTS);
        assertEquals(List.of(-1234, 2, 3), ids(result));
        assertEquals(List.of("tenant 1 (a.com): skipped, outside migrateTenantRange 2..3",
                "tenant 7 (d.com): skipped, outside migrateTenantRange 2..3"), result.excluded());
    }

    @Test
    void anIncompleteOrReversedRangeIsAnErrorNamingTheSetting() {
        MigrationException missing = assertThrows(MigrationException.class, () -> selection(Map.of(
                "migrateTenantRange", "true", "migrationStartingTenantID", "2")));
        assertTrue(missing.getMessage().contains("migrationEndingTenantID must be set"), missing.getMessage());
        MigrationException reversed = assertThrows(MigrationException.class, () -> selection(Map.of(
                "migrateTenantRange", "true", "migrationStartingTenantID", "9", "migrationEndingTenantID", "3")));
        assertTrue(reversed.getMessage().contains("(9) is greater than migrationEndingTenantID (3)"),
                reversed.getMessage());
        MigrationException notANumber = assertThrows(MigrationException.class, () -> selection(Map.of(
                "migrateTenantRange", "true", "migrationStartingTenantID", "one", "migrationEndingTenantID", "3")));
        assertTrue(notANumber.getMessage().contains("migrationStartingTenantID must be a tenant id"),
                notANumber.getMessage());
    }
}

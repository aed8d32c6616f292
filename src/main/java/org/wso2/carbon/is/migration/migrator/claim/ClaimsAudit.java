package org.wso2.carbon.is.migration.migrator.claim;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;

/**
 * After a release's claim step, which tenants still lack claims of that release ({@code <version>/data/claims.yaml}),
 * found the way {@link ClaimDataMigrator} finds what to add, and changing nothing. Tenants the selection leaves out
 * (inactive ones with ignoreForInactiveTenants, those outside the tenant range) are not expected to have them.
 */
public final class ClaimsAudit {

    private ClaimsAudit() {
    }

    /**
     * One line per tenant that lacks claims, e.g. {@code tenant 3 (a.com): lacks identity/accountState}; empty when
     * every selected tenant has them all.
     */
    public static List<String> tenantsLackingClaims(MigrationDatabase identity, MigrationDatabase um, Path dataFile,
                                                    String release, TenantSelection selection)
            throws MigrationException {
        ClaimSet claims = ClaimDataFile.load(dataFile, release).claims();
        List<String> lines = new ArrayList<>();
        try (Connection connection = identity.connect()) {
            for (Tenant tenant : selection.apply(TenantDirectory.list(um)).included()) {
                ClaimAdditionPlan missing = ClaimAdditionPlan.of(connection, tenant,
                        TenantClaims.read(connection, tenant.id()), claims);
                if (!missing.claimsToAdd().isEmpty()) {
                    lines.add(tenant + ": lacks " + (missing.seeds() ? "every claim (no claim dialect at all)"
                            : missing.claimsToAdd().stream().map(ClaimDefinition::claim)
                                    .collect(Collectors.joining(", "))));
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new MigrationException("Could not read the tenants' claims in the " + identity.logicalName()
                    + " database: " + e.getMessage(), e);
        }
        return lines;
    }
}

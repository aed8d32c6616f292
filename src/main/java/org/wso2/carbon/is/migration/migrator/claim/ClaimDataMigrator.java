package org.wso2.carbon.is.migration.migrator.claim;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.migrator.claim.TenantLoop.TenantOutcome;

/**
 * Gives every tenant the default claims a release added ({@code <version>/data/claims.yaml}). The server seeds a
 * tenant's claims from claim-config.xml only when the tenant has no claim dialect at all, so existing tenants never
 * get a release's new claims by themselves. For the super tenant and then each UM_TENANT row (by UM_ID, honouring
 * {@code ignoreForInactiveTenants} and the tenant range), each in its own transaction, it adds the claims the tenant
 * lacks with exactly the rows the server writes, never touching a claim the tenant has; a tenant with no claim
 * dialect gets the full set, as the server would seed it. Parameters: {@code schema} (the database with the
 * IDN_CLAIM* tables, default {@code identity}) and {@code tenantSchema} (the one with UM_TENANT, default {@code um}).
 */
public final class ClaimDataMigrator implements Migrator {

    public static final String NAME = "ClaimDataMigrator";
    /** Bumped when the way this migrator writes rows changes, so the ledger sees a different step. */
    private static final String REVISION = "1";
    private static final String DATA_FILE = "data/claims.yaml";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepIdentity identify(Map<String, String> parameters) throws MigrationException {
        return StepIdentity.of(ClaimDatabases.claimsName(parameters));
    }

    @Override
    public StepPlan plan(MigrationContext context) throws MigrationException {
        String schema = ClaimDatabases.claimsName(context.parameters());
        ClaimDataFile file = load(context);
        ClaimSet release = file.claims();
        MigrationDatabase identity = context.database(schema);
        MigrationDatabase um = ClaimDatabases.tenants(context);
        TenantSelection selection = TenantSelection.from(context);
        List<ClaimDefinition> added = release.added();
        List<String> actions = new ArrayList<>();
        if (context.dryRun()) {
            TenantSelection.Result tenants = selection.apply(TenantDirectory.list(um));
            actions.addAll(tenants.excluded());
            try (Connection connection = identity.connect()) {
                for (Tenant tenant : tenants.included()) {
                    TenantClaims state = TenantClaims.read(connection, tenant.id());
                    actions.addAll(ClaimAdditionPlan.of(connection, tenant, state, release).describeRows());
                }
                connection.rollback();
            } catch (SQLException e) {
                throw new MigrationException("Could not read the tenants' claims in the " + schema + " database: "
                        + e.getMessage(), e);
            }
        } else {
            if (!added.isEmpty()) {
                actions.add("for the super tenant and each tenant in UM_TENANT (" + selection.describe() + "): add "
                        + "the claims " + release.release() + " added that the tenant lacks: " + added.stream()
                        .map(ClaimDefinition::claim).collect(Collectors.joining(", ")));
            }
            actions.add("a tenant without any claim dialect gets the full " + release.release() + " set ("
                    + release.claims().size() + " claims in " + release.dialects().size() + " dialects)");
        }
        // A release can ship its predecessor's claims unchanged (5.7.0 does): then the step only seeds.
        String description = added.isEmpty()
                ? release.release() + " added no claims: give a tenant without claims the " + release.release() + " set"
                : "add the " + added.size() + " claims " + release.release() + " added to every tenant";
        return new StepPlan(schema, description + " (" + DATA_FILE + ")", checksum(file), actions);
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        ClaimDataFile file = load(context);
        if (!plan.checksum().equals(checksum(file))) {
            throw new MigrationException(dataFile(context) + " changed while the migration was running; run again");
        }
        ClaimSet release = file.claims();
        MigrationDatabase identity = ClaimDatabases.claims(context);
        MigrationDatabase um = ClaimDatabases.tenants(context);
        TenantSelection selection = TenantSelection.from(context);
        TenantSelection.Result tenants = selection.apply(TenantDirectory.list(um));
        tenants.excluded().forEach(context.progress()::note);
        boolean batch = context.settings().batchUpdate();
        TenantLoop.run(context.progress(), identity, tenants.included(), plan.checksum() + " " + selection.describe(),
                (connection, tenant) -> {
                    TenantClaims state = TenantClaims.read(connection, tenant.id());
                    ClaimAdditionPlan additions = ClaimAdditionPlan.of(connection, tenant, state, release);
                    if (additions.claimsToAdd().isEmpty()) {
                        return new TenantOutcome(0, additions.summary());
                    }
                    try (ClaimRowWriter writer = new ClaimRowWriter(connection, state, release.localDialect(),
                            batch)) {
                        return new TenantOutcome(additions.apply(writer), additions.summary());
                    }
                });
    }

    private static String checksum(ClaimDataFile file) {
        return "java:" + NAME + ":" + REVISION + ":sha256:" + file.checksum();
    }

    private static Path dataFile(MigrationContext context) {
        return context.resourcesDirectory().resolve(context.version()).resolve(DATA_FILE);
    }

    private static ClaimDataFile load(MigrationContext context) throws MigrationException {
        return ClaimDataFile.load(dataFile(context), context.version());
    }
}

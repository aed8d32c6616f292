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
import org.wso2.carbon.is.migration.migrator.claim.ClaimChangeCheck.Finding;
import org.wso2.carbon.is.migration.migrator.claim.ClaimChangeCheck.Status;
import org.wso2.carbon.is.migration.migrator.claim.TenantLoop.TenantOutcome;

/**
 * Opt-in (not in the default config): applies the default values a release changed in existing claims
 * ({@code <version>/data/claim-changes.yaml}; for 5.6.0 the local claims four enterprise SCIM2 claims map to, for
 * 5.8.0 the resourceType attribute and the phone-number RegEx) to every tenant, but only where the tenant still has
 * the previous release's default; a value the tenant changed is reported and left alone, and so is a mapping whose
 * new local claim the tenant lacks. Same tenant order, settings, per-tenant transactions and checkpoints as
 * {@link ClaimDataMigrator}; parameters {@code schema} (default {@code identity}) and {@code tenantSchema}
 * (default {@code um}).
 */
public final class ClaimChangesMigrator implements Migrator {

    public static final String NAME = "ClaimChangesMigrator";
    private static final String REVISION = "1";
    private static final String DATA_FILE = "data/claim-changes.yaml";

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
        ClaimChangesFile file = load(context);
        MigrationDatabase identity = context.database(schema);
        MigrationDatabase um = ClaimDatabases.tenants(context);
        TenantSelection selection = TenantSelection.from(context);
        List<String> actions = new ArrayList<>();
        if (context.dryRun()) {
            TenantSelection.Result tenants = selection.apply(TenantDirectory.list(um));
            actions.addAll(tenants.excluded());
            try (Connection connection = identity.connect()) {
                for (Tenant tenant : tenants.included()) {
                    List<Finding> findings = ClaimChangeCheck.evaluate(connection,
                            TenantClaims.read(connection, tenant.id()), file.changes());
                    for (Finding finding : findings) {
                        actions.add(tenant + ": " + (finding.status() == Status.APPLY ? "would change " : "")
                                + finding.describe());
                    }
                }
                connection.rollback();
            } catch (SQLException e) {
                throw new MigrationException("Could not read the tenants' claims in the " + schema + " database: "
                        + e.getMessage(), e);
            }
        } else {
            for (ClaimChange change : file.changes()) {
                actions.add("for every tenant (" + selection.describe() + ") still at '" + change.from() + "': "
                        + change.describe() + " -> '" + change.to() + "'");
            }
        }
        return new StepPlan(schema, "apply the " + file.changes().size() + " claim default changes of "
                + context.version() + " where tenants kept the old default (" + DATA_FILE + ")", checksum(file),
                actions);
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        ClaimChangesFile file = load(context);
        if (!plan.checksum().equals(checksum(file))) {
            throw new MigrationException(dataFile(context) + " changed while the migration was running; run again");
        }
        MigrationDatabase identity = ClaimDatabases.claims(context);
        MigrationDatabase um = ClaimDatabases.tenants(context);
        TenantSelection selection = TenantSelection.from(context);
        TenantSelection.Result tenants = selection.apply(TenantDirectory.list(um));
        tenants.excluded().forEach(context.progress()::note);
        TenantLoop.run(context.progress(), identity, tenants.included(), plan.checksum() + " " + selection.describe(),
                (connection, tenant) -> {
                    TenantClaims state = TenantClaims.read(connection, tenant.id());
                    List<Finding> findings = ClaimChangeCheck.evaluate(connection, state, file.changes());
                    long rows = ClaimChangeCheck.apply(connection, state, findings);
                    findings.stream().filter(f -> f.status() == Status.TENANT_VALUE
                                    || f.status() == Status.TARGET_MISSING)
                            .forEach(f -> context.progress().warn(tenant + ": " + f.describe()));
                    return new TenantOutcome(rows, findings.stream().map(f -> (f.status() == Status.APPLY
                            ? "changed " : "") + f.describe()).collect(Collectors.joining("; ")));
                });
    }

    private static String checksum(ClaimChangesFile file) {
        return "java:" + NAME + ":" + REVISION + ":sha256:" + file.checksum();
    }

    private static Path dataFile(MigrationContext context) {
        return context.resourcesDirectory().resolve(context.version()).resolve(DATA_FILE);
    }

    private static ClaimChangesFile load(MigrationContext context) throws MigrationException {
        return ClaimChangesFile.load(dataFile(context), context.version());
    }
}

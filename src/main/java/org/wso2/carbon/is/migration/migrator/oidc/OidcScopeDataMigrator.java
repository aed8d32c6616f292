package org.wso2.carbon.is.migration.migrator.oidc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.migrator.MigratorParameters;
import org.wso2.carbon.is.migration.migrator.claim.Tenant;
import org.wso2.carbon.is.migration.migrator.claim.TenantDirectory;
import org.wso2.carbon.is.migration.migrator.claim.TenantLoop;
import org.wso2.carbon.is.migration.migrator.claim.TenantSelection;

/**
 * The 5.7.0 OIDC scope step ({@code OIDCScopeDataMigrator}, the old client's name): 5.7.0 reads a tenant's OIDC
 * scopes and their claims from IDN_OIDC_SCOPE / IDN_OIDC_SCOPE_CLAIM_MAPPING instead of the tenant's registry
 * resource ({@link RegistryScopes}), and fills those tables from its oidc-scope-config.xml only for a super tenant that
 * has no scope there, so scopes an administrator added or changed in an older release would be lost without this
 * step. For the super tenant and then each UM_TENANT row (honouring {@code ignoreForInactiveTenants} and the tenant
 * range), each in its own transaction checkpointed with it ({@link TenantLoop}), it adds the registry's scopes the
 * tenant does not have yet ({@link TenantScopeMove}). The registry is only read: the resource stays where it was.
 *
 * <p>Parameters: {@code schema} (the database with IDN_OIDC_SCOPE, default {@code identity}), {@code registrySchema}
 * (the one with the REG_* tables, default {@code registry}), {@code tenantSchema} (UM_TENANT, default {@code um}),
 * {@code resourcePath} (default {@code /_system/config/oidc}; a deployment that mounts the config registry elsewhere
 * gives the mounted path). The number of tenants is the size of the work, one short transaction each, so the step
 * needs no chunking beyond that.
 */
public final class OidcScopeDataMigrator implements Migrator {

    public static final String NAME = "OIDCScopeDataMigrator";
    /** Bumped when what the step writes changes, so the ledger tells a different step from a done one. */
    private static final String REVISION = "1";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepIdentity identify(Map<String, String> parameters) throws MigrationException {
        return MigratorParameters.onSchemaOrIdentity(parameters);
    }

    @Override
    public StepPlan plan(MigrationContext context) throws MigrationException {
        String schema = context.parameter("schema", "identity");
        String path = context.parameter("resourcePath", RegistryScopes.DEFAULT_RESOURCE_PATH);
        TenantSelection selection = TenantSelection.from(context);
        List<String> actions = new ArrayList<>();
        if (context.dryRun()) {
            TenantSelection.Result tenants = selection.apply(TenantDirectory.list(tenantDatabase(context)));
            actions.addAll(tenants.excluded());
            try (Connection registry = registryDatabase(context).connect();
                 Connection identity = context.database(schema).connect()) {
                boolean tablesThere = CatalogLookup.tableExists(identity, "IDN_OIDC_SCOPE");
                for (Tenant tenant : tenants.included()) {
                    RegistryScopes scopes = RegistryScopes.read(registry, path, tenant.id());
                    if (tablesThere) {
                        actions.add(tenant + ": " + TenantScopeMove.of(identity, tenant, scopes)
                                .describe(true, new ArrayList<>()));
                    } else {
                        actions.add(tenant + ": " + scopes.claimsByScope().size() + " scopes in the registry, to"
                                + " add once the 5.7.0 step1 script, earlier in this run, has created IDN_OIDC_SCOPE");
                    }
                }
                registry.rollback();
                identity.rollback();
            } catch (SQLException e) {
                throw new MigrationException(NAME + ": could not read the OIDC scopes: " + e.getMessage(), e);
            }
        } else {
            actions.add("for the super tenant and each tenant in UM_TENANT (" + selection.describe() + "): read the"
                    + " scopes of the registry resource " + path + " (REG_* tables of the "
                    + context.parameter("registrySchema", "registry") + " database, left as they are) and add the ones"
                    + " the tenant lacks to IDN_OIDC_SCOPE, their claims to IDN_OIDC_SCOPE_CLAIM_MAPPING");
        }
        return new StepPlan(schema, "move the OIDC scopes of every tenant from the registry (" + path
                + ") to IDN_OIDC_SCOPE", checksum(path), actions);
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        String schema = context.parameter("schema", "identity");
        String path = context.parameter("resourcePath", RegistryScopes.DEFAULT_RESOURCE_PATH);
        TenantSelection selection = TenantSelection.from(context);
        TenantSelection.Result tenants = selection.apply(TenantDirectory.list(tenantDatabase(context)));
        tenants.excluded().forEach(context.progress()::note);
        try (Connection registry = registryDatabase(context).connect()) {
            TenantLoop.run(context.progress(), context.database(schema), tenants.included(),
                    plan.checksum() + " " + selection.describe(), (identity, tenant) -> {
                        RegistryScopes scopes = RegistryScopes.read(registry, path, tenant.id());
                        registry.rollback();
                        TenantScopeMove move = TenantScopeMove.of(identity, tenant, scopes);
                        List<String> unmapped = new ArrayList<>();
                        long rows = move.nothingToAdd() ? 0 : move.apply(identity, unmapped);
                        return new TenantLoop.TenantOutcome(rows, move.describe(false, unmapped));
                    });
        } catch (SQLException e) {
            throw new MigrationException(NAME + ": could not read the registry database: " + e.getMessage(), e);
        }
    }

    private static String checksum(String path) {
        return "java:" + NAME + ":" + REVISION + ":" + path;
    }

    private static MigrationDatabase registryDatabase(MigrationContext context) throws MigrationException {
        return context.database(context.parameter("registrySchema", "registry"));
    }

    private static MigrationDatabase tenantDatabase(MigrationContext context) throws MigrationException {
        return context.database(context.parameter("tenantSchema", "um"));
    }
}

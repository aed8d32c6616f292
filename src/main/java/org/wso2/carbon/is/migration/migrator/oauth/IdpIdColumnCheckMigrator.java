package org.wso2.carbon.is.migration.migrator.oauth;

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

/**
 * {@code IDPIDColumnAdditionInH2Migrator}, kept so that operators' 5.8.0 configs work unchanged. The old client added
 * IDP_ID on H2 in Java; here the 5.8.0 step1 script adds it on every dialect, H2 included, so this step only
 * verifies, through JDBC metadata, that the access-token, token-audit and authorization-code tables have it, and
 * fails naming the tables that do not (step1 did not run, or ran against another database).
 */
public final class IdpIdColumnCheckMigrator implements Migrator {

    public static final String NAME = "IDPIDColumnAdditionInH2Migrator";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepIdentity identify(Map<String, String> parameters) throws MigrationException {
        return MigratorParameters.onSchema(NAME, parameters);
    }

    @Override
    public StepPlan plan(MigrationContext context) throws MigrationException {
        String schema = MigratorParameters.required(NAME, context, "schema");
        context.database(schema); // an unknown database fails here, before anything runs
        List<String> actions = new ArrayList<>();
        for (OAuthTable table : OAuthTable.values()) {
            actions.add("check that " + table.table() + "." + OAuthTable.IDP_ID + " exists (added by step1)");
        }
        return new StepPlan(schema, "verify the IDP_ID columns the 5.8.0 step1 script adds", "java:" + NAME + ":1",
                actions);
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        String schema = MigratorParameters.required(NAME, context, "schema");
        MigrationDatabase database = context.database(schema);
        List<String> missing = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (OAuthTable table : OAuthTable.values()) {
                if (!CatalogLookup.columnExists(connection, table.table(), OAuthTable.IDP_ID)) {
                    missing.add(table.table());
                }
            }
        } catch (SQLException e) {
            throw new MigrationException(NAME + ": could not read the columns of the " + schema + " database: "
                    + e.getMessage(), e);
        }
        if (!missing.isEmpty()) {
            throw new MigrationException("IDP_ID is missing on " + String.join(", ", missing) + " in the " + schema
                    + " database (" + database.dialect().scriptName() + "). The 5.8.0 step1 script adds it on every database"
                    + " type, H2 included: run SchemaMigrator with location step1 and schema identity before "
                    + NAME + " (as the shipped migration-config.yaml orders them).");
        }
        context.progress().note("IDP_ID is present on " + OAuthTable.values().length + " tables: added by step1");
    }
}

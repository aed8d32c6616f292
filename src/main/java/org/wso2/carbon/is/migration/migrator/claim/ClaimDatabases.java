package org.wso2.carbon.is.migration.migrator.claim;

import java.util.Map;

import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.migrator.MigratorParameters;

/**
 * The two databases a claim step works on, from its parameters: {@code schema}, the one with the IDN_CLAIM* tables
 * (default {@code identity}), which the step changes and whose ledger records it, and {@code tenantSchema}, the one
 * with UM_TENANT (default {@code um}), which it only reads.
 */
final class ClaimDatabases {

    private ClaimDatabases() {
    }

    /** The logical name of the database the step changes. */
    static String claimsName(Map<String, String> parameters) {
        return MigratorParameters.schemaOrIdentity(parameters);
    }

    static MigrationDatabase claims(MigrationContext context) throws MigrationException {
        return context.database(claimsName(context.parameters()));
    }

    static MigrationDatabase tenants(MigrationContext context) throws MigrationException {
        return context.database(context.parameter("tenantSchema", "um"));
    }
}

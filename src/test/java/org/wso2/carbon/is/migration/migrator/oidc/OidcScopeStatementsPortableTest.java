package org.wso2.carbon.is.migration.migrator.oidc;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.sql.PortableStatements;
import org.wso2.carbon.is.migration.sql.PortableStatements.Rule;

/**
 * Every statement of the 5.7.0 OIDC scope step (the same text in every dialect: registry reads, scope and claim
 * mapping writes) parses and keeps the portability rules of {@link PortableStatements} in each dialect.
 */
class OidcScopeStatementsPortableTest {

    @Test
    void everyStatementParsesAndKeepsThePortabilityRulesInEveryDialect() {
        List<String> statements = List.of(RegistryScopes.RESOURCE_COUNT, RegistryScopes.PROPERTIES,
                TenantScopeMove.EXISTING_SCOPES, TenantScopeMove.INSERT_SCOPE, TenantScopeMove.SCOPE_ID,
                TenantScopeMove.INSERT_CLAIM_MAPPING);
        PortableStatements.assertPortable(EnumSet.allOf(Dialect.class), statements, EnumSet.noneOf(Rule.class));
    }
}

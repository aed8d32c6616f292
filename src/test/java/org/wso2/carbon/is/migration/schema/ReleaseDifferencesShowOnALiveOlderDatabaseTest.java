package org.wso2.carbon.is.migration.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * A fresh 5.8.0 database compared with the 5.9.0 facts shows exactly the 5.8.0 -> 5.9.0 differences: the set the
 * facts files imply (5.9.0 facts against the 5.8.0 facts, through the same comparer) and, as an independent check,
 * the set {@code schema-facts/diff-5.8.0-5.9.0.md} documents. This is what a migration has to remove.
 */
class ReleaseDifferencesShowOnALiveOlderDatabaseTest {

    private static final List<String> ADDED_IDENTITY_TABLES = List.of("MISSING_TABLE FIDO2_DEVICE_STORE",
            "MISSING_TABLE IDN_AUTH_SESSION_APP_INFO", "MISSING_TABLE IDN_AUTH_SESSION_META_DATA",
            "MISSING_TABLE IDN_FUNCTION_LIBRARY");

    /** The 15 attribute changes of a database made from the plain 5.8.0 mysql.sql (not mysql5.7.sql). */
    private static final List<String> MYSQL_IDENTITY_ATTRIBUTES = List.of(
            "COLUMN_NULLABILITY IDN_AUTH_WAIT_STATUS.TIME_CREATED", "COLUMN_DEFAULT IDN_AUTH_WAIT_STATUS.TIME_CREATED",
            "COLUMN_NULLABILITY IDN_AUTH_WAIT_STATUS.EXPIRE_TIME", "COLUMN_DEFAULT IDN_AUTH_WAIT_STATUS.EXPIRE_TIME",
            "COLUMN_NULLABILITY IDN_OAUTH2_ACCESS_TOKEN.TIME_CREATED",
            "COLUMN_DEFAULT IDN_OAUTH2_ACCESS_TOKEN.TIME_CREATED",
            "COLUMN_NULLABILITY IDN_OAUTH2_ACCESS_TOKEN.REFRESH_TOKEN_TIME_CREATED",
            "COLUMN_DEFAULT IDN_OAUTH2_ACCESS_TOKEN.REFRESH_TOKEN_TIME_CREATED",
            "COLUMN_NULLABILITY IDN_OIDC_REQ_OBJECT_CLAIMS.ESSENTIAL",
            "COLUMN_NULLABILITY IDN_OIDC_REQ_OBJECT_CLAIMS.IS_USERINFO",
            "COLUMN_DEFAULT IDN_STS_STORE.EXPIRE_DATE",
            "COLUMN_DEFAULT IDN_UMA_PERMISSION_TICKET.TIME_CREATED",
            "COLUMN_DEFAULT IDN_UMA_PERMISSION_TICKET.EXPIRY_TIME",
            "COLUMN_NULLABILITY SP_AUTH_SCRIPT.IS_ENABLED",
            "COLUMN_DEFAULT WF_REQUEST.UPDATED_AT");

    private static final List<String> KERNEL_CHANGES = List.of(
            "COLUMN_NULLABILITY UM_DOMAIN.UM_DOMAIN_NAME", "MISSING_UNIQUE UM_DOMAIN.(UM_DOMAIN_NAME, UM_TENANT_ID)",
            "COLUMN_NULLABILITY UM_HYBRID_ROLE.UM_ROLE_NAME",
            "MISSING_UNIQUE UM_HYBRID_ROLE.(UM_ROLE_NAME, UM_TENANT_ID)", "MISSING_INDEX UM_HYBRID_ROLE.UM_ROLE_NAME_IND",
            "COLUMN_NULLABILITY UM_SYSTEM_ROLE.UM_ROLE_NAME",
            "MISSING_UNIQUE UM_SYSTEM_ROLE.(UM_ROLE_NAME, UM_TENANT_ID)",
            "MISSING_UNIQUE REG_PATH.(REG_PATH_VALUE, REG_TENANT_ID)");

    /** MySQL-only kernel changes of a database made from the plain 5.8.0 mysql.sql. */
    private static final List<String> MYSQL_KERNEL_CHANGES = List.of(
            "MISSING_INDEX REG_LOG.REG_LOG_IND_BY_REGLOG", "EXTRA_INDEX REG_LOG.REG_LOG_IND_BY_REG_LOGTIME",
            "MISSING_INDEX REG_RESOURCE.REG_RESOURCE_IND_BY_TENAN", "EXTRA_INDEX REG_RESOURCE.REG_RESOURCE_IND_BY_TENANT",
            "COLUMN_DEFAULT REG_RESOURCE.REG_CREATED_TIME", "COLUMN_DEFAULT REG_RESOURCE.REG_LAST_UPDATED_TIME",
            "COLUMN_DEFAULT REG_RESOURCE_HISTORY.REG_CREATED_TIME",
            "COLUMN_DEFAULT REG_RESOURCE_HISTORY.REG_LAST_UPDATED_TIME");

    static Stream<Arguments> release580() {
        return FactsOnEngine.forVersion("5.8.0");
    }

    @ParameterizedTest(name = "{0}: {1} 5.8.0 vs 5.9.0, kernel={2}")
    @MethodSource("release580")
    void live580DatabaseShowsExactlyThe580To590Differences(TestEngine engine, String factsDialect, boolean kernel)
            throws SQLException {
        SchemaFacts facts580 = SchemaFacts.load(factsDialect, "5.8.0", kernel);
        // 5.9.0 ships one MySQL script: the mysql5.7 variant's target is the plain mysql facts.
        SchemaFacts facts590 = SchemaFacts.load(factsDialect.equals("mysql5.7") ? "mysql" : factsDialect, "5.9.0",
                kernel);

        Set<String> impliedByFacts = keys(SchemaComparer.compare(facts590,
                LiveSchema.describing(facts580, engine.dialect())));
        assertEquals(documented(factsDialect, kernel), impliedByFacts,
                "the comparer's reading of the facts disagrees with diff-5.8.0-5.9.0.md");

        Set<String> live = keys(SchemaComparer.compare(facts590, FactsOnEngine.buildAndRead(engine, facts580)));
        assertEquals(impliedByFacts, live, "a live 5.8.0 database on " + engine.label()
                + " does not differ from 5.9.0 the way the facts say");
    }

    private static Set<String> documented(String factsDialect, boolean kernel) {
        List<String> keys = new ArrayList<>(kernel ? KERNEL_CHANGES : ADDED_IDENTITY_TABLES);
        if (factsDialect.equals("mysql")) {
            keys.addAll(kernel ? MYSQL_KERNEL_CHANGES : MYSQL_IDENTITY_ATTRIBUTES);
        }
        return new TreeSet<>(keys);
    }

    private static Set<String> keys(List<SchemaDifference> differences) {
        return new TreeSet<>(differences.stream().map(SchemaDifference::key).toList());
    }
}

package org.wso2.carbon.is.migration.migrator.session;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.migrator.ChunkedUpdateStatements;
import org.wso2.carbon.is.migration.sql.PortableStatements;

/**
 * Every statement of the 5.6.0 session step, in every dialect, parses and keeps the portability rules of
 * {@link PortableStatements}; the operator's clean-up timeout is bound, never written into the SQL.
 */
class SessionExpiryStatementsPortableTest {

    /** A timeout no statement text could contain by chance. */
    private static final int MINUTES = 43_217;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyStatementParsesKeepsThePortabilityRulesAndBindsTheTimeout(Dialect dialect) {
        List<String> statements = ChunkedUpdateStatements.of(SessionExpiryMigrator.update(MINUTES), dialect);
        PortableStatements.assertPortable(dialect, statements);
        for (String sql : statements) {
            assertFalse(sql.contains(String.valueOf(TimeUnit.MINUTES.toNanos(MINUTES))), sql);
        }
    }
}

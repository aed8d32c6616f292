package org.wso2.carbon.is.migration.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.sql.SqlScriptException;
import org.wso2.carbon.is.migration.sql.SqlStatement;
import org.wso2.carbon.is.migration.sql.StatementFailedException;

class ErrorCodeTest {

    @Test
    void everyErrorCodeExitsWithTheCodeOperatorsAreToldAbout() {
        Map<ErrorCode, Integer> documented = new EnumMap<>(Map.of(
                ErrorCode.STEP_FAILED, 1,
                ErrorCode.BAD_CONFIGURATION, 2,
                ErrorCode.DATA_SOURCE_UNAVAILABLE, 2,
                ErrorCode.LEDGER_FAILED, 1,
                ErrorCode.INVALID_SCRIPT, 1,
                ErrorCode.STATEMENT_FAILED, 1,
                ErrorCode.APPLIED_STEP_CHANGED, 2,
                ErrorCode.INTERRUPTED, 130));
        assertEquals(EnumSet.allOf(ErrorCode.class), documented.keySet(), "a new code needs a documented exit code");
        documented.forEach((code, exit) -> assertEquals(exit, code.exitCode(), code.name()));
        assertEquals(0, ErrorCode.SUCCESS_EXIT_CODE);
    }

    @Test
    void eachKindOfThrownFailureIsAMigrationExceptionCarryingItsOwnCode() {
        Map<ErrorCode, MigrationException> failures = new EnumMap<>(Map.of(
                ErrorCode.STEP_FAILED, new MigrationException("a step failed"),
                ErrorCode.BAD_CONFIGURATION, new ConfigException(Path.of("migration-config.yaml"), 3, "key", "bad"),
                ErrorCode.DATA_SOURCE_UNAVAILABLE, new DataSourceException("no deployment.toml"),
                ErrorCode.LEDGER_FAILED, new LedgerException("lock lost"),
                ErrorCode.INVALID_SCRIPT, new SqlScriptException("h2.sql", 4, "unterminated string"),
                ErrorCode.STATEMENT_FAILED, new StatementFailedException(new SqlStatement("SELECT X", "h2.sql", 5), 0,
                        new SQLException("no column X", "42S22", 42122))));
        // A changed applied step and an interruption are how a run ends, found by the engine between steps and given
        // to the report (MigrationEngineTest, InterruptedRunEndsCleanlyTest); nothing throws them.
        assertEquals(EnumSet.complementOf(EnumSet.of(ErrorCode.APPLIED_STEP_CHANGED, ErrorCode.INTERRUPTED)),
                failures.keySet());
        failures.forEach((code, failure) -> assertSame(code, failure.errorCode(), failure.getClass().getName()));
    }

    @Test
    void aMigrationExceptionMadeWithoutACodeIsAFailedStepAndKeepsItsCause() {
        IllegalStateException cause = new IllegalStateException("cause");
        MigrationException failure = new MigrationException("step 3 failed", cause);
        assertSame(ErrorCode.STEP_FAILED, failure.errorCode());
        assertEquals("step 3 failed", failure.getMessage());
        assertSame(cause, failure.getCause());
    }
}

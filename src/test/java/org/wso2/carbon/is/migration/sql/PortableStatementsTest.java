package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.sql.PortableStatements.Rule;

/** Each portability rule of {@link PortableStatements} finds the statement that breaks it, and only that one. */
class PortableStatementsTest {

    private static final String PORTABLE = "UPDATE T SET H = CONCAT(CONCAT('{', H), '}') WHERE H LIKE '_%'"
            + " AND T.K > ? AND T.K <= ?";

    @Test
    void aStatementKeepingEveryRuleHasNoViolation() {
        for (Dialect dialect : Dialect.values()) {
            assertEquals(List.of(), PortableStatements.violations(dialect, PORTABLE), dialect.name());
        }
        assertEquals(List.of(), PortableStatements.violations(Dialect.MSSQL,
                "SELECT MAX(K) FROM (SELECT TOP 500 K1 AS K FROM T WHERE K1 > ? ORDER BY K1) X"));
        assertEquals(List.of(), PortableStatements.violations(Dialect.ORACLE, "INSERT INTO M (A, B) SELECT S.ID,"
                + " C.ID FROM S JOIN C ON C.T = S.T WHERE S.ID = ? AND C.U = ?"));
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                arguments(Dialect.ORACLE, "SELECT COUNT(*) FROM T WHERE H IS NULL OR H = ''",
                        "empty string literal (NULL on Oracle)"),
                arguments(Dialect.ORACLE, "UPDATE T SET H = CONCAT(?, H, ?)", "CONCAT with 3 arguments"),
                arguments(Dialect.DB2, "UPDATE T SET H = ? || H", "|| (not concatenation on MSSQL and MySQL)"),
                arguments(Dialect.ORACLE, "SELECT K FROM T WHERE K > ? ORDER BY K LIMIT 5",
                        "LIMIT outside ORACLE's first-rows form"),
                arguments(Dialect.DB2, "SELECT TOP 5 K FROM T WHERE K > ? ORDER BY K",
                        "TOP outside DB2's first-rows form"),
                arguments(Dialect.MSSQL, "SELECT ID FROM D WHERE URI = 'http://wso2.org/oidc/claim'",
                        "string literal 'http://wso2.org/oidc/claim' not bound as a parameter"),
                arguments(Dialect.MSSQL, "UPDATE T SET E = C + 1209600000000000 WHERE E IS NULL",
                        "number 1209600000000000 not bound as a parameter"),
                arguments(Dialect.DB2, "INSERT INTO M (A, B) SELECT ?, C.ID FROM C WHERE C.U = ?",
                        "parameter marker alone in a select list (untyped on DB2)"),
                arguments(Dialect.ORACLE, "SELECT X.K FROM T AS X WHERE X.K = ?",
                        "AS before a table alias (refused by Oracle)"),
                arguments(Dialect.ORACLE, "SELECT ID FROM IDN_OIDC_SCOPE_CLAIM_MAPPING_TABLE WHERE ID = ?",
                        "IDN_OIDC_SCOPE_CLAIM_MAPPING_TABLE is longer than Oracle's 30 characters"),
                arguments(Dialect.ORACLE, "DELETE FROM T WHERE K = ?", "not a SELECT, UPDATE or INSERT"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("brokenRules")
    void eachBrokenRuleIsNamed(Dialect dialect, String sql, String violation) {
        assertEquals(List.of(violation), PortableStatements.violations(dialect, sql));
    }

    @Test
    void aStatementThatDoesNotParseIsNamedAsSuch() {
        List<String> violations = PortableStatements.violations(Dialect.H2, "UPDATE T SET WHERE");
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).startsWith("does not parse"), violations.get(0));
    }

    @Test
    void anExemptRuleIsNotCheckedAndTheOthersStillAre() {
        String constant = "UPDATE T SET D = 'FEDERATED' WHERE D LIKE 'FEDERATED:%'";
        assertDoesNotThrow(() -> PortableStatements.assertPortable(Dialect.ORACLE, List.of(constant),
                EnumSet.of(Rule.VALUES_BOUND)));
        assertThrows(AssertionFailedError.class, () -> PortableStatements.assertPortable(Dialect.ORACLE,
                List.of(constant + " OR D = ''"), EnumSet.of(Rule.VALUES_BOUND)));
        assertThrows(AssertionFailedError.class, () -> PortableStatements.assertPortable(Dialect.ORACLE,
                List.of(constant)));
    }
}

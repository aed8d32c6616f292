package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
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

    @Test
    void eachBrokenRuleIsNamed() {
        assertEquals(List.of("empty string literal (NULL on Oracle)"),
                PortableStatements.violations(Dialect.ORACLE, "SELECT COUNT(*) FROM T WHERE H IS NULL OR H = ''"));
        assertEquals(List.of("CONCAT with 3 arguments"),
                PortableStatements.violations(Dialect.ORACLE, "UPDATE T SET H = CONCAT(?, H, ?)"));
        assertEquals(List.of("|| (not concatenation on MSSQL and MySQL)"),
                PortableStatements.violations(Dialect.DB2, "UPDATE T SET H = ? || H"));
        assertEquals(List.of("LIMIT outside ORACLE's first-rows form"),
                PortableStatements.violations(Dialect.ORACLE, "SELECT K FROM T WHERE K > ? ORDER BY K LIMIT 5"));
        assertEquals(List.of("TOP outside DB2's first-rows form"),
                PortableStatements.violations(Dialect.DB2, "SELECT TOP 5 K FROM T WHERE K > ? ORDER BY K"));
        assertEquals(List.of("string literal 'http://wso2.org/oidc/claim' not bound as a parameter"),
                PortableStatements.violations(Dialect.MSSQL, "SELECT ID FROM D WHERE URI = 'http://wso2.org/oidc/claim'"));
        assertEquals(List.of("number 1209600000000000 not bound as a parameter"),
                PortableStatements.violations(Dialect.MSSQL, "UPDATE T SET E = C + 1209600000000000 WHERE E IS NULL"));
        assertEquals(List.of("parameter marker alone in a select list (untyped on DB2)"),
                PortableStatements.violations(Dialect.DB2, "INSERT INTO M (A, B) SELECT ?, C.ID FROM C WHERE C.U = ?"));
        assertEquals(List.of("AS before a table alias (refused by Oracle)"),
                PortableStatements.violations(Dialect.ORACLE, "SELECT X.K FROM T AS X WHERE X.K = ?"));
        assertEquals(List.of("IDN_OIDC_SCOPE_CLAIM_MAPPING_TABLE is longer than Oracle's 30 characters"),
                PortableStatements.violations(Dialect.ORACLE, "SELECT ID FROM IDN_OIDC_SCOPE_CLAIM_MAPPING_TABLE"
                        + " WHERE ID = ?"));
        assertEquals(List.of("not a SELECT, UPDATE or INSERT"),
                PortableStatements.violations(Dialect.ORACLE, "DELETE FROM T WHERE K = ?"));
        assertEquals(1, PortableStatements.violations(Dialect.H2, "UPDATE T SET WHERE").size());
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

package org.wso2.carbon.is.migration.migrator.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.chunk.HelperIndex;
import org.wso2.carbon.is.migration.chunk.KeyOrderSlicer.KeyRange;
import org.wso2.carbon.is.migration.chunk.KeyOrderSlicer;
import org.wso2.carbon.is.migration.chunk.PageRangeSlicer.PageRange;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.sql.PortableStatements;
import org.wso2.carbon.is.migration.sql.PortableStatements.Rule;

/**
 * The statements of the 5.8.0 data step for the dialects without an engine in the tests (Oracle, MSSQL, DB2, MySQL)
 * are at least well-formed SQL in the shape each engine expects and keep the portability rules of
 * {@link PortableStatements}, and every dialect gets its own first-n-rows form.
 */
class ChunkStatementsParseInEveryDialectTest {

    /**
     * The rule's statements write the release's own constants ('LOCAL', 'FEDERATED', a count of 1) as literals; the
     * other portability rules hold.
     */
    private static final Set<Rule> RELEASE_CONSTANTS = EnumSet.of(Rule.VALUES_BOUND);
    /** The walk's statements include the helper index's CREATE and DROP (its name checked below). */
    private static final Set<Rule> HELPER_INDEX = EnumSet.of(Rule.DATA_ONLY);

    /** The rule's statements are the same text in every dialect (portable SQL: CONCAT, CASE, COALESCE). */
    @Test
    void theRulesStatementsParse() {
        List<String> statements = new ArrayList<>();
        for (OAuthTable table : OAuthTable.values()) {
            statements.add(table.updateRange(new KeyRange(table.key(), false, null, "k", "k")));
            statements.add(table.updateRange(new KeyRange(table.key(), false, "a", "k", "k")));
            statements.add(table.updateRange(new KeyRange(KeyOrderSlicer.ROW_ID, true, "1", "9", "9")));
            statements.add(table.updateRange(new PageRange(0, 10)));
            statements.add(table.updateNullKeys());
            statements.add(table.countByTarget(true));
            statements.add(table.countByTarget(false));
            statements.add(table.countRangeByTarget(new KeyRange(table.key(), false, "a", "k", "k")));
            statements.add(table.countRangeByTarget(new KeyRange(KeyOrderSlicer.ROW_ID, true, "1", "9", "9")));
        }
        PortableStatements.assertPortable(EnumSet.allOf(Dialect.class), statements, RELEASE_CONSTANTS);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theDialectSpecificStatementsParse(Dialect dialect) {
        List<String> statements = new ArrayList<>();
        DatabaseEngine engine = DatabaseEngine.of(dialect);
        for (OAuthTable table : OAuthTable.values()) {
            KeyOrderSlicer slicer = KeyOrderSlicer.byKey(engine, table.table(), table.key(), false);
            statements.add(slicer.upperEndSql(true, 7));
            statements.add(slicer.upperEndSql(false, 7));
            if (table.keyWithoutIndex()) {
                HelperIndex helper = new HelperIndex(engine, table.table(), table.key(), table.helperIndexName());
                statements.add(helper.createStatement());
                statements.add(helper.dropStatement());
                assertTrue(helper.name().length() <= 30, "Oracle before 12.2 allows 30 characters");
            }
        }
        PortableStatements.assertPortable(dialect, statements, HELPER_INDEX);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void eachDialectLimitsTheChunkQueryInItsOwnSyntax(Dialect dialect) {
        String sql = KeyOrderSlicer.byKey(DatabaseEngine.of(dialect), "T", "K1", false).upperEndSql(false, 500);
        String expected = switch (dialect) {
            case H2, MYSQL, MARIADB, POSTGRESQL ->
                    "SELECT MAX(K) FROM (SELECT K1 AS K FROM T WHERE K1 > ? ORDER BY K1 LIMIT 500) X";
            case ORACLE, DB2 ->
                    "SELECT MAX(K) FROM (SELECT K1 AS K FROM T WHERE K1 > ? ORDER BY K1 FETCH FIRST 500 ROWS ONLY) X";
            case MSSQL -> "SELECT MAX(K) FROM (SELECT TOP 500 K1 AS K FROM T WHERE K1 > ? ORDER BY K1) X";
        };
        assertEquals(expected, sql);
    }
}

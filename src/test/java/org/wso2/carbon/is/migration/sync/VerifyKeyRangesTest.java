package org.wso2.carbon.is.migration.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.testsupport.PostgresEngine;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The key ranges {@code sync verify} cuts a table into: "after a key" and "up to and including a key" select exactly
 * the rows between, for one-column and two-column keys; and PostgreSQL reads such a range as a range of the key
 * index, not by filtering the index from one end (which made each chunk of a walk cost more than the one before).
 */
class VerifyKeyRangesTest {

    /** {@code a > 'x'} or {@code (a)::text >= 'x'} in a plan; and {@code <=}. */
    private static final Pattern LOWER_BOUND = Pattern.compile("\\ba\\)?(::\\w+)? >=? ");
    private static final Pattern UPPER_BOUND = Pattern.compile("\\ba\\)?(::\\w+)? <= ");
    private static final List<KeyColumn> ONE = List.of(new KeyColumn("A", Types.VARCHAR, 10, 0));
    private static final List<KeyColumn> TWO = List.of(new KeyColumn("A", Types.VARCHAR, 10, 0),
            new KeyColumn("B", Types.VARCHAR, 10, 0));

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.wso2.carbon.is.migration.sync.SyncFixture#engines")
    void aRangeHoldsTheKeysAfterItsLowerKeyUpToAndIncludingItsUpperKey(TestEngine engine) throws SQLException {
        try (Connection connection = engine.newDatabase().connect()) {
            fill(connection, 4, 3);
            assertEquals(List.of("a2|b3", "a3|b1", "a3|b2"),
                    range(connection, TWO, RowKey.of("a2", "b2"), RowKey.of("a3", "b2")));
            assertEquals(List.of("a4|b1", "a4|b2", "a4|b3"), range(connection, TWO, RowKey.of("a3", "b3"), null));
            assertEquals(List.of("a1|b1"), range(connection, TWO, null, RowKey.of("a1", "b1")));
            assertEquals(List.of("a3|b1", "a3|b2", "a3|b3"),
                    range(connection, ONE, RowKey.of("a2"), RowKey.of("a3")));
        }
    }

    @Test
    void postgreSqlReadsARangeAsARangeOfTheKeyIndex() throws SQLException {
        try (Connection connection = PostgresEngine.instance().newDatabase().connect()) {
            fill(connection, 200, 100);
            try (PreparedStatement analyse = connection.prepareStatement("ANALYZE K")) {
                analyse.execute();
            }
            for (List<KeyColumn> keys : List.of(ONE, TWO)) {
                String indexCondition = plan(connection, keys).stream().filter(line -> line.contains("Index Cond"))
                        .findFirst().orElse("no index condition in the plan");
                assertTrue(LOWER_BOUND.matcher(indexCondition).find() && UPPER_BOUND.matcher(indexCondition).find(),
                        keys.size() + "-column key: " + indexCondition);
            }
        }
    }

    /** Table K: keys a1..a{as} times b1..b{bs}. */
    private static void fill(Connection connection, int as, int bs) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement create = connection.prepareStatement("CREATE TABLE K (A VARCHAR(10) NOT NULL,"
                + " B VARCHAR(10) NOT NULL, V VARCHAR(10), PRIMARY KEY (A, B))")) {
            create.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO K (A, B, V) VALUES (?, ?, 'v')")) {
            for (int a = 1; a <= as; a++) {
                for (int b = 1; b <= bs; b++) {
                    insert.setString(1, String.format("a%0" + String.valueOf(as).length() + "d", a));
                    insert.setString(2, String.format("b%0" + String.valueOf(bs).length() + "d", b));
                    insert.addBatch();
                }
            }
            connection.setAutoCommit(false);
            insert.executeBatch();
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    private static List<String> range(Connection connection, List<KeyColumn> keys, RowKey after, RowKey upTo)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT A, B FROM K WHERE "
                + condition(keys, after != null, upTo != null) + " ORDER BY A, B")) {
            int parameter = 1;
            if (after != null) {
                parameter = KeyRange.bindAfter(select, parameter, after);
            }
            if (upTo != null) {
                KeyRange.bindUpTo(select, parameter, upTo);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1) + "|" + result.getString(2));
                }
            }
            return rows;
        }
    }

    private static List<String> plan(Connection connection, List<KeyColumn> keys) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN SELECT A, B, V FROM K WHERE "
                + condition(keys, true, true) + " ORDER BY A, B")) {
            RowKey after = keys.size() == 1 ? RowKey.of("a050") : RowKey.of("a050", "b050");
            RowKey upTo = keys.size() == 1 ? RowKey.of("a060") : RowKey.of("a060", "b050");
            KeyRange.bindUpTo(explain, KeyRange.bindAfter(explain, 1, after), upTo);
            List<String> lines = new ArrayList<>();
            try (ResultSet result = explain.executeQuery()) {
                while (result.next()) {
                    lines.add(result.getString(1));
                }
            }
            return lines;
        }
    }

    private static String condition(List<KeyColumn> keys, boolean after, boolean upTo) {
        List<String> conditions = new ArrayList<>();
        if (after) {
            conditions.add(KeyRange.after(keys));
        }
        if (upTo) {
            conditions.add(KeyRange.upTo(keys));
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" AND ", conditions);
    }
}

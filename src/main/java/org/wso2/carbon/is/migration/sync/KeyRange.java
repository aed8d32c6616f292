package org.wso2.carbon.is.migration.sync;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions on a (composite) primary key in key order, written with AND and OR only, which every engine plans as
 * a range of its key index (Oracle has no row-value comparison): after a key, and up to and including a key.
 */
final class KeyRange {

    private KeyRange() {
    }

    /** {@code key > ?...}, bound by {@link #bindAfter}. */
    static String after(List<KeyColumn> keys) {
        return compare(keys, ">", false);
    }

    /** {@code key <= ?...}, bound by {@link #bindUpTo}. */
    static String upTo(List<KeyColumn> keys) {
        return compare(keys, "<", true);
    }

    private static String compare(List<KeyColumn> keys, String operator, boolean orEqual) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(keys.get(j).name() + " = ?");
            }
            parts.add(keys.get(i).name() + " " + operator + " ?");
            alternatives.add("(" + String.join(" AND ", parts) + ")");
        }
        if (orEqual) {
            alternatives.add(RowKey.condition(keys));
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }

    /** Binds {@link #after}'s parameters from {@code first}; returns the next free parameter. */
    static int bindAfter(PreparedStatement statement, int first, RowKey key) throws SQLException {
        return bindPrefixes(statement, first, key);
    }

    /** Binds {@link #upTo}'s parameters from {@code first}; returns the next free parameter. */
    static int bindUpTo(PreparedStatement statement, int first, RowKey key) throws SQLException {
        int next = bindPrefixes(statement, first, key);
        return key.bind(statement, next);
    }

    private static int bindPrefixes(PreparedStatement statement, int first, RowKey key) throws SQLException {
        int index = first;
        List<Object> values = key.values();
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j <= i; j++) {
                statement.setObject(index++, values.get(j));
            }
        }
        return index;
    }
}

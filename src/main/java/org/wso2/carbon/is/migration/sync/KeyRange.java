package org.wso2.carbon.is.migration.sync;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions on a (composite) primary key in key order, written with AND and OR only (Oracle has no row-value
 * comparison), each led by a plain bound on the first key column, so that every engine plans it as a range of its
 * key index: after a key, and up to and including a key. Without that bound PostgreSQL reads a two-column range
 * {@code (A > ? OR (A = ? AND B > ?)) AND (A < ? OR (A = ? AND B < ?) OR (A = ? AND B = ?))} from the start of
 * the index up to the upper key, filtering row by row, so each chunk of a walk cost more than the one before. A
 * one-column "up to" is {@code A <= ?}, one index bound, rather than {@code A < ? OR A = ?}.
 */
final class KeyRange {

    private KeyRange() {
    }

    /** {@code key > ?...}, bound by {@link #bindAfter}. */
    static String after(List<KeyColumn> keys) {
        return compare(keys, ">");
    }

    /** {@code key <= ?...}, bound by {@link #bindUpTo}. */
    static String upTo(List<KeyColumn> keys) {
        return compare(keys, "<");
    }

    /** Lexicographic {@code key operator ?}; "up to" ({@code <}) includes the key itself. */
    private static String compare(List<KeyColumn> keys, String operator) {
        boolean upTo = operator.equals("<");
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(keys.get(j).name() + " = ?");
            }
            boolean last = i == keys.size() - 1;
            parts.add(keys.get(i).name() + " " + operator + (upTo && last ? "=" : "") + " ?");
            alternatives.add("(" + String.join(" AND ", parts) + ")");
        }
        String any = "(" + String.join(" OR ", alternatives) + ")";
        return keys.size() == 1 ? any : "(" + keys.get(0).name() + " " + operator + "= ? AND " + any + ")";
    }

    /** Binds {@link #after}'s parameters from {@code first}; returns the next free parameter. */
    static int bindAfter(PreparedStatement statement, int first, RowKey key) throws SQLException {
        return bind(statement, first, key);
    }

    /** Binds {@link #upTo}'s parameters from {@code first}; returns the next free parameter. */
    static int bindUpTo(PreparedStatement statement, int first, RowKey key) throws SQLException {
        return bind(statement, first, key);
    }

    private static int bind(PreparedStatement statement, int first, RowKey key) throws SQLException {
        int index = first;
        List<Object> values = key.values();
        if (values.size() > 1) {
            statement.setObject(index++, values.get(0));
        }
        for (int i = 0; i < values.size(); i++) {
            for (int j = 0; j <= i; j++) {
                statement.setObject(index++, values.get(j));
            }
        }
        return index;
    }
}

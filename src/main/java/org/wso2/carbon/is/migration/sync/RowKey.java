package org.wso2.carbon.is.migration.sync;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The primary key of one row, as read from a journal or a table. Two keys are equal when their values are, whatever
 * Java type the driver chose for a number (a key read from the journal and the same key read from the table must
 * meet).
 */
final class RowKey {

    private final List<Object> values;
    private final List<Object> comparable;

    private RowKey(List<Object> values) {
        this.values = Collections.unmodifiableList(values);
        List<Object> normalised = new ArrayList<>();
        for (Object value : values) {
            normalised.add(value instanceof Number ? new BigDecimal(value.toString()).stripTrailingZeros() : value);
        }
        this.comparable = normalised;
    }

    /** The key columns of the current row of {@code rows}, read from the columns {@code first} onwards. */
    static RowKey read(ResultSet rows, int first, int count) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(rows.getObject(first + i));
        }
        return new RowKey(values);
    }

    /** The key columns of the current row of {@code rows}, by name. */
    static RowKey read(ResultSet rows, List<KeyColumn> keys) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (KeyColumn key : keys) {
            values.add(rows.getObject(key.name()));
        }
        return new RowKey(values);
    }

    static RowKey of(Object... values) {
        List<Object> list = new ArrayList<>();
        Collections.addAll(list, values);
        return new RowKey(list);
    }

    /** Binds the values to parameters {@code first}, {@code first + 1}, ...; returns the next free parameter. */
    int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object value : values) {
            statement.setObject(index++, value);
        }
        return index;
    }

    /** Binds every key in turn from parameter 1, as {@link #anyOf} lists them; returns the next free parameter. */
    static int bindAll(PreparedStatement statement, Iterable<RowKey> keys) throws SQLException {
        int parameter = 1;
        for (RowKey key : keys) {
            parameter = key.bind(statement, parameter);
        }
        return parameter;
    }

    List<Object> values() {
        return values;
    }

    /** {@code (A = ? AND B = ?)}: one key's condition, for lists of keys. */
    static String condition(List<KeyColumn> keys) {
        List<String> parts = new ArrayList<>();
        for (KeyColumn key : keys) {
            parts.add(key.name() + " = ?");
        }
        return "(" + String.join(" AND ", parts) + ")";
    }

    /** The condition matching any of {@code count} keys: an IN list for one column, ORed conditions for more. */
    static String anyOf(List<KeyColumn> keys, int count) {
        if (keys.size() == 1) {
            return keys.get(0).name() + " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
        }
        return String.join(" OR ", Collections.nCopies(count, condition(keys)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RowKey && comparable.equals(((RowKey) other).comparable);
    }

    @Override
    public int hashCode() {
        return comparable.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

package org.wso2.carbon.is.migration.schema;

import java.util.Objects;

/**
 * One way a live schema differs from the schema facts it should match.
 *
 * @param kind     what differs
 * @param table    the table (null for a sequence)
 * @param subject  the column, constraint or index concerned: a column or index name, a column list {@code (A, B)} for
 *                 a UNIQUE constraint, {@code (A) -> T(B)} for a foreign key, a sequence name; null for a whole table
 * @param expected what the facts say (null where the facts have nothing)
 * @param actual   what the database holds (null where it has nothing)
 */
public final class SchemaDifference {

    /** The kinds of difference, one per aspect a caller may want to single out. */
    public enum Kind {
        MISSING_TABLE, EXTRA_TABLE,
        MISSING_COLUMN, EXTRA_COLUMN, COLUMN_TYPE, COLUMN_NULLABILITY, COLUMN_DEFAULT, COLUMN_AUTO_INCREMENT,
        /** The columns both sides have are in another order (reported once per table). */
        COLUMN_ORDER,
        PRIMARY_KEY,
        MISSING_UNIQUE, EXTRA_UNIQUE, UNIQUE_NAME,
        MISSING_FOREIGN_KEY, EXTRA_FOREIGN_KEY, FOREIGN_KEY_ON_DELETE, FOREIGN_KEY_NAME,
        MISSING_INDEX, EXTRA_INDEX, INDEX_DEFINITION,
        MISSING_SEQUENCE, EXTRA_SEQUENCE
    }

    private final Kind kind;
    private final String table;
    private final String subject;
    private final String expected;
    private final String actual;

    public SchemaDifference(Kind kind, String table, String subject, String expected, String actual) {
        this.kind = kind;
        this.table = table;
        this.subject = subject;
        this.expected = expected;
        this.actual = actual;
    }

    public Kind kind() {
        return kind;
    }

    public String table() {
        return table;
    }

    public String subject() {
        return subject;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    /** {@code KIND TABLE.SUBJECT}: identifies the difference without the values, for comparing sets of differences. */
    public String key() {
        StringBuilder key = new StringBuilder(kind.name());
        if (table != null) {
            key.append(' ').append(table);
        }
        if (subject != null) {
            key.append(table == null ? " " : ".").append(subject);
        }
        return key.toString();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SchemaDifference)) {
            return false;
        }
        SchemaDifference that = (SchemaDifference) other;
        return kind == that.kind && Objects.equals(table, that.table) && Objects.equals(subject, that.subject)
                && Objects.equals(expected, that.expected) && Objects.equals(actual, that.actual);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, table, subject, expected, actual);
    }

    @Override
    public String toString() {
        return key() + ": expected " + (expected == null ? "none" : expected) + ", actual "
                + (actual == null ? "none" : actual);
    }
}

package org.wso2.carbon.is.migration.schema;

import java.util.Objects;

/**
 * One column of a table, as the schema facts declare it or as a live catalog reports it.
 *
 * @param name          upper-case column name
 * @param type          the declared type ({@code VARCHAR(255)}) or, for a live column, the engine's own rendering;
 *                      {@link SchemaComparer} brings both to one canonical form
 * @param nullable      false for NOT NULL (and every primary-key column)
 * @param defaultValue  the DEFAULT expression as written or rendered, or null for none
 * @param autoIncrement true for AUTO_INCREMENT, IDENTITY and SERIAL columns
 */
public final class ColumnSchema {

    private final String name;
    private final String type;
    private final boolean nullable;
    private final String defaultValue;
    private final boolean autoIncrement;

    public ColumnSchema(String name, String type, boolean nullable, String defaultValue, boolean autoIncrement) {
        this.name = name;
        this.type = type;
        this.nullable = nullable;
        this.defaultValue = defaultValue;
        this.autoIncrement = autoIncrement;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public boolean nullable() {
        return nullable;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean autoIncrement() {
        return autoIncrement;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ColumnSchema)) {
            return false;
        }
        ColumnSchema that = (ColumnSchema) other;
        return nullable == that.nullable && autoIncrement == that.autoIncrement && Objects.equals(name, that.name)
                && Objects.equals(type, that.type) && Objects.equals(defaultValue, that.defaultValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, nullable, defaultValue, autoIncrement);
    }

    @Override
    public String toString() {
        return "ColumnSchema[name=" + name + ", type=" + type + ", nullable=" + nullable + ", defaultValue="
                + defaultValue + ", autoIncrement=" + autoIncrement + "]";
    }
}

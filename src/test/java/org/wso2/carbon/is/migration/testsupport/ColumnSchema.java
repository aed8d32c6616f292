package org.wso2.carbon.is.migration.testsupport;

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
public record ColumnSchema(String name, String type, boolean nullable, String defaultValue, boolean autoIncrement) {
}

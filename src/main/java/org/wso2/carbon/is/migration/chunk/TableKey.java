package org.wso2.carbon.is.migration.chunk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.wso2.carbon.is.migration.database.CatalogLookup;

/**
 * A primary or foreign key as {@link KeysSetAside} drops and adds it back: the table it is on, its name as the
 * catalog gives it, and the statement that adds it back, written from the catalog before it is dropped. Names are
 * quoted, exactly as the catalog spells them (H2 generates names such as {@code CONSTRAINT_F0}); the statements are
 * H2's.
 *
 * <p>Kept in the ledger as one line of tab-separated fields ({@link #line}, {@link #parse}), which is why no field
 * may hold a tab or a line break.
 */
public final class TableKey {

    public enum Kind { PRIMARY, FOREIGN }

    private final Kind kind;
    private final String table;
    private final String name;
    private final String addStatement;

    TableKey(Kind kind, String table, String name, String addStatement) {
        // Every field non-null first, as List.of did before any field was checked.
        for (String field : Arrays.asList(Objects.requireNonNull(table), Objects.requireNonNull(name),
                Objects.requireNonNull(addStatement))) {
            if (field.contains("\t") || field.contains("\n")) {
                throw new IllegalArgumentException("a key's table, name or statement holds a tab or a line break: "
                        + field);
            }
        }
        this.kind = kind;
        this.table = table;
        this.name = name;
        this.addStatement = addStatement;
    }

    public Kind kind() {
        return kind;
    }

    public String table() {
        return table;
    }

    public String name() {
        return name;
    }

    public String addStatement() {
        return addStatement;
    }

    static TableKey primary(String table, String name, List<String> columns) {
        return new TableKey(Kind.PRIMARY, table, name, "ALTER TABLE " + quote(table) + " ADD CONSTRAINT "
                + quote(name) + " PRIMARY KEY (" + quoted(columns) + ")");
    }

    /** {@code onDelete} and {@code onUpdate} are JDBC's {@code DatabaseMetaData.importedKey*} rules. */
    static TableKey foreign(String table, String name, List<String> columns, String refTable, List<String> refColumns,
                            int onDelete, int onUpdate) {
        return new TableKey(Kind.FOREIGN, table, name, "ALTER TABLE " + quote(table) + " ADD CONSTRAINT "
                + quote(name) + " FOREIGN KEY (" + quoted(columns) + ") REFERENCES " + quote(refTable) + " ("
                + quoted(refColumns) + ") ON DELETE " + CatalogLookup.referentialAction(onDelete) + " ON UPDATE "
                + CatalogLookup.referentialAction(onUpdate));
    }

    /** The statement that drops the key; H2 drops the index it had made for it too. */
    String dropStatement() {
        return "ALTER TABLE " + quote(table) + (kind == Kind.PRIMARY ? " DROP PRIMARY KEY"
                : " DROP CONSTRAINT " + quote(name));
    }

    boolean exists(Connection connection) throws SQLException {
        return kind == Kind.PRIMARY ? !CatalogLookup.primaryKeyColumns(connection, table).isEmpty()
                : CatalogLookup.foreignKeys(connection, table, true).stream().anyMatch(key -> key.name().equals(name));
    }

    String line() {
        return kind + "\t" + table + "\t" + name + "\t" + addStatement;
    }

    static TableKey parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 4) {
            throw new IllegalArgumentException("not a saved key (kind, table, name, statement): " + line);
        }
        return new TableKey(Kind.valueOf(fields[0]), fields[1], fields[2], fields[3]);
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(TableKey::quote).collect(Collectors.toList()));
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TableKey)) {
            return false;
        }
        TableKey other = (TableKey) o;
        return kind == other.kind && Objects.equals(table, other.table) && Objects.equals(name, other.name)
                && Objects.equals(addStatement, other.addStatement);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, table, name, addStatement);
    }

    @Override
    public String toString() {
        return "TableKey[kind=" + kind + ", table=" + table + ", name=" + name + ", addStatement=" + addStatement
                + "]";
    }
}

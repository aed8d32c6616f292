package org.wso2.carbon.is.migration.schema;

import static org.wso2.carbon.is.migration.schema.EngineCatalog.upper;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.CatalogLookup;

/**
 * Reads the schema a live database holds into the model of the schema facts: tables, primary keys and foreign keys
 * from JDBC {@link DatabaseMetaData}; columns, UNIQUE constraints, indexes and sequences through the engine's catalog
 * ({@link EngineCatalog}), because JDBC metadata does not tell a UNIQUE constraint from a unique index, nor an index
 * of one's own from one backing a constraint. Identifiers come back upper case (PostgreSQL stores them lower case).
 * Tables of the migration tool itself ({@code IS_MIGRATION_*}) are left out.
 */
public final class LiveSchemaReader {

    private LiveSchemaReader() {
    }

    /** Reads the schema of the database {@code connection} is connected to (its current schema or catalog). */
    public static LiveSchema read(Connection connection, Dialect dialect) throws SQLException {
        EngineCatalog catalog = catalogOf(dialect);
        DatabaseMetaData metaData = connection.getMetaData();
        String catalogName = catalog.catalog(connection);
        String schemaName = catalog.schema(connection);

        List<String> tableNames = new ArrayList<>();
        try (ResultSet rows = metaData.getTables(catalogName, schemaName, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (!EngineCatalog.isToolTable(name)) {
                    tableNames.add(name);
                }
            }
        }
        Map<String, List<ColumnSchema>> columns = catalog.columns(connection);
        Map<String, List<UniqueConstraint>> uniques = catalog.uniques(connection);

        Map<String, TableSchema> tables = new TreeMap<>();
        for (String engineName : tableNames) {
            String name = upper(engineName);
            List<String> primaryKey = new ArrayList<>();
            String primaryKeyName = primaryKey(metaData, catalogName, schemaName, engineName, primaryKey);
            tables.put(name, new TableSchema(name, columns.getOrDefault(name, Collections.emptyList()), primaryKey,
                    primaryKeyName, uniques.getOrDefault(name, Collections.emptyList()),
                    foreignKeys(metaData, catalogName, schemaName, engineName), Collections.emptyList()));
        }
        // Indexes last: telling an index that backs a foreign key on MariaDB needs the foreign keys.
        Map<String, List<IndexSchema>> indexes = catalog.indexes(connection, tables);
        Map<String, TableSchema> complete = new TreeMap<>();
        tables.forEach((name, table) -> complete.put(name, new TableSchema(name, table.columns(), table.primaryKey(),
                table.primaryKeyName(), table.uniques(), table.foreignKeys(),
                indexes.getOrDefault(name, Collections.emptyList()))));
        return new LiveSchema(dialect, metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion(),
                complete, new ArrayList<>(new TreeSet<>(catalog.sequences(connection))));
    }

    /** The engine's catalog; the facts, and so the reader, cover H2, PostgreSQL and MySQL/MariaDB. */
    private static EngineCatalog catalogOf(Dialect dialect) {
        switch (dialect) {
            case H2:
                return new H2Catalog();
            case POSTGRESQL:
                return new PostgresCatalog();
            case MYSQL:
            case MARIADB:
                return new MariaDbCatalog();
            default:
                throw new IllegalArgumentException("No live schema reader for " + dialect
                        + ": schemas are read on H2, PostgreSQL, MySQL and MariaDB only");
        }
    }

    private static String primaryKey(DatabaseMetaData metaData, String catalog, String schema, String table,
                                     List<String> into) throws SQLException {
        Map<Short, String> bySequence = new TreeMap<>();
        String name = null;
        try (ResultSet rows = metaData.getPrimaryKeys(catalog, schema, table)) {
            while (rows.next()) {
                bySequence.put(rows.getShort("KEY_SEQ"), upper(rows.getString("COLUMN_NAME")));
                name = upper(rows.getString("PK_NAME"));
            }
        }
        into.addAll(bySequence.values());
        return name;
    }

    private static List<ForeignKeyConstraint> foreignKeys(DatabaseMetaData metaData, String catalog, String schema,
                                                          String table) throws SQLException {
        Map<String, List<Object[]>> rowsByName = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getImportedKeys(catalog, schema, table)) {
            while (rows.next()) {
                String name = rows.getString("FK_NAME");
                rowsByName.computeIfAbsent(name, n -> new ArrayList<>()).add(new Object[] {rows.getShort("KEY_SEQ"),
                        upper(rows.getString("FKCOLUMN_NAME")), upper(rows.getString("PKTABLE_NAME")),
                        upper(rows.getString("PKCOLUMN_NAME")), rows.getShort("DELETE_RULE")});
            }
        }
        List<ForeignKeyConstraint> foreignKeys = new ArrayList<>();
        rowsByName.forEach((name, rows) -> {
            rows.sort((a, b) -> Short.compare((short) a[0], (short) b[0]));
            List<String> columns = rows.stream().map(r -> (String) r[1]).collect(Collectors.toList());
            List<String> refColumns = rows.stream().map(r -> (String) r[3]).collect(Collectors.toList());
            foreignKeys.add(new ForeignKeyConstraint(upper(name), columns, (String) rows.get(0)[2], refColumns,
                    CatalogLookup.referentialAction((short) rows.get(0)[4])));
        });
        return foreignKeys;
    }
}

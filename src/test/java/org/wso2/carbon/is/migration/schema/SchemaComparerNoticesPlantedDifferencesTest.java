package org.wso2.carbon.is.migration.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.testsupport.ReleaseDatabaseBuilder;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;
import org.wso2.carbon.is.migration.testsupport.TestEngine;

/**
 * The comparer reports each kind of difference, and only the planted ones: differences planted in a live 5.9.0
 * database with DDL (so the live reader has to see them), and differences planted in the facts the database is
 * compared with (for the kinds DDL cannot plant the same way on every engine).
 */
class SchemaComparerNoticesPlantedDifferencesTest {

    static Stream<TestEngine> engines() {
        return TestEngine.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void eachDifferencePlantedInTheDatabaseIsReported(TestEngine engine) throws SQLException {
        SchemaFacts facts = SchemaFacts.load(engine.factsDialects().get(0), "5.9.0", false);
        String userIdentityType = facts.tables().get("FIDO2_DEVICE_STORE").column("USER_IDENTITY").orElseThrow().type();
        Dialect dialect = engine.dialect();
        boolean mysql = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL;
        TestDatabase database = engine.newDatabase();
        LiveSchema live;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            ReleaseDatabaseBuilder.create(connection, facts);
            for (String sql : List.of(
                    "DROP TABLE IDN_FUNCTION_LIBRARY",
                    "CREATE TABLE PLANTED_TABLE (ID INTEGER)",
                    "CREATE TABLE IS_MIGRATION_LEDGER (ID INTEGER)", // the tool's own: never a difference
                    "ALTER TABLE IDN_BASE_TABLE ADD COLUMN PLANTED_COLUMN INTEGER",
                    mysql ? "DROP INDEX IDX_FIDO2_STR ON FIDO2_DEVICE_STORE" : "DROP INDEX IDX_FIDO2_STR",
                    "CREATE INDEX PLANTED_INDEX ON FIDO2_DEVICE_STORE (TIME_REGISTERED)",
                    switch (dialect) {
                        case POSTGRESQL -> "ALTER TABLE FIDO2_DEVICE_STORE ALTER COLUMN SIGNATURE_COUNT TYPE INTEGER";
                        case H2 -> "ALTER TABLE FIDO2_DEVICE_STORE ALTER COLUMN SIGNATURE_COUNT INTEGER";
                        default -> "ALTER TABLE FIDO2_DEVICE_STORE MODIFY SIGNATURE_COUNT INTEGER";
                    },
                    switch (dialect) {
                        case POSTGRESQL -> "ALTER TABLE FIDO2_DEVICE_STORE ALTER COLUMN USER_IDENTITY DROP NOT NULL";
                        case H2 -> "ALTER TABLE FIDO2_DEVICE_STORE ALTER COLUMN USER_IDENTITY SET NULL";
                        default -> "ALTER TABLE FIDO2_DEVICE_STORE MODIFY USER_IDENTITY " + userIdentityType + " NULL";
                    },
                    "ALTER TABLE FIDO2_DEVICE_STORE ALTER COLUMN DOMAIN_NAME SET DEFAULT 'PLANTED'",
                    "ALTER TABLE IDN_BASE_TABLE ADD CONSTRAINT PLANTED_UNIQUE UNIQUE (PLANTED_COLUMN)",
                    // On MariaDB this also makes InnoDB add an index for the key, which must not be reported.
                    "ALTER TABLE IDN_AUTH_SESSION_APP_INFO ADD CONSTRAINT PLANTED_FK FOREIGN KEY (APP_ID)"
                            + " REFERENCES SP_APP (ID)")) {
                statement.execute(sql);
            }
            live = LiveSchemaReader.read(connection, dialect);
        }

        assertEquals(new TreeSet<>(List.of(
                        "MISSING_TABLE IDN_FUNCTION_LIBRARY",
                        "EXTRA_TABLE PLANTED_TABLE",
                        "EXTRA_COLUMN IDN_BASE_TABLE.PLANTED_COLUMN",
                        "MISSING_INDEX FIDO2_DEVICE_STORE.IDX_FIDO2_STR",
                        "EXTRA_INDEX FIDO2_DEVICE_STORE.PLANTED_INDEX",
                        "COLUMN_TYPE FIDO2_DEVICE_STORE.SIGNATURE_COUNT",
                        "COLUMN_NULLABILITY FIDO2_DEVICE_STORE.USER_IDENTITY",
                        "COLUMN_DEFAULT FIDO2_DEVICE_STORE.DOMAIN_NAME",
                        "EXTRA_UNIQUE IDN_BASE_TABLE.(PLANTED_COLUMN)",
                        "EXTRA_FOREIGN_KEY IDN_AUTH_SESSION_APP_INFO.(APP_ID) -> SP_APP(ID)")),
                keys(SchemaComparer.compare(facts, live)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void eachDifferencePlantedInTheFactsIsReported(TestEngine engine) throws SQLException {
        SchemaFacts facts = SchemaFacts.load(engine.factsDialects().get(0), "5.9.0", false);
        LiveSchema live = FactsOnEngine.buildAndRead(engine, facts);
        Map<String, TableSchema> tables = new LinkedHashMap<>(facts.tables());
        Set<String> planted = new TreeSet<>();

        change(tables, "IDN_BASE_TABLE", t -> withColumns(t, t.columns().stream()
                .map(c -> new ColumnSchema(c.name(), c.type(), c.nullable(), c.defaultValue(), true)).toList()));
        planted.add("COLUMN_AUTO_INCREMENT IDN_BASE_TABLE.PRODUCT_NAME");

        change(tables, "IDN_BASE_TABLE", t -> {
            List<ColumnSchema> columns = new ArrayList<>(t.columns());
            columns.add(new ColumnSchema("PLANTED_COLUMN", "INTEGER", true, null, false));
            return withColumns(t, columns);
        });
        planted.add("MISSING_COLUMN IDN_BASE_TABLE.PLANTED_COLUMN");

        change(tables, "IDN_AUTH_SESSION_META_DATA", t -> {
            List<ColumnSchema> columns = new ArrayList<>(t.columns());
            Collections.reverse(columns);
            return withColumns(t, columns);
        });
        planted.add("COLUMN_ORDER IDN_AUTH_SESSION_META_DATA");

        change(tables, "IDN_AUTH_SESSION_APP_INFO", t -> new TableSchema(t.name(), t.columns(),
                t.primaryKey().subList(0, t.primaryKey().size() - 1), t.primaryKeyName(), t.uniques(),
                t.foreignKeys(), t.indexes()));
        planted.add("PRIMARY_KEY IDN_AUTH_SESSION_APP_INFO");

        change(tables, "IDN_BASE_TABLE", t -> withUniques(t, List.of(new UniqueConstraint(null,
                List.of("PRODUCT_NAME")))));
        planted.add("MISSING_UNIQUE IDN_BASE_TABLE.(PRODUCT_NAME)");

        TableSchema namedUnique = tables.values().stream()
                .filter(t -> t.uniques().stream().anyMatch(u -> u.name() != null)).findFirst().orElseThrow();
        change(tables, namedUnique.name(), t -> withUniques(t, t.uniques().stream()
                .map(u -> u.name() == null ? u : new UniqueConstraint("PLANTED_NAME", u.columns())).toList()));
        namedUnique.uniques().stream().filter(u -> u.name() != null).forEach(u -> planted.add(
                "UNIQUE_NAME " + namedUnique.name() + ".(" + String.join(", ", u.columns()) + ")"));

        change(tables, "IDN_AUTH_SESSION_APP_INFO", t -> withForeignKeys(t, List.of(new ForeignKeyConstraint(null,
                List.of("APP_ID"), "SP_APP", List.of("ID"), "CASCADE"))));
        planted.add("MISSING_FOREIGN_KEY IDN_AUTH_SESSION_APP_INFO.(APP_ID) -> SP_APP(ID)");

        TableSchema cascading = tables.values().stream().filter(t -> t.foreignKeys().size() == 1
                && "CASCADE".equals(t.foreignKeys().get(0).onDelete())).findFirst().orElseThrow();
        ForeignKeyConstraint cascade = cascading.foreignKeys().get(0);
        change(tables, cascading.name(), t -> withForeignKeys(t, List.of(new ForeignKeyConstraint("PLANTED_FK_NAME",
                cascade.columns(), cascade.refTable(), cascade.refColumns(), null))));
        String reference = cascading.name() + ".(" + String.join(", ", cascade.columns()) + ") -> "
                + cascade.refTable() + "(" + String.join(", ", cascade.refColumns()) + ")";
        planted.add("FOREIGN_KEY_ON_DELETE " + reference);
        planted.add("FOREIGN_KEY_NAME " + reference);

        change(tables, "FIDO2_DEVICE_STORE", t -> new TableSchema(t.name(), t.columns(), t.primaryKey(),
                t.primaryKeyName(), t.uniques(), t.foreignKeys(), t.indexes().stream().map(i -> {
                    List<String> columns = new ArrayList<>(i.columns());
                    Collections.reverse(columns);
                    return new IndexSchema(i.name(), columns, i.unique());
                }).toList()));
        planted.add("INDEX_DEFINITION FIDO2_DEVICE_STORE.IDX_FIDO2_STR");

        List<String> sequences = new ArrayList<>(facts.sequences());
        sequences.add("PLANTED_SEQUENCE");
        planted.add("MISSING_SEQUENCE PLANTED_SEQUENCE");

        SchemaFacts plantedFacts = new SchemaFacts(facts.version(), facts.dialect(), facts.kernel(),
                facts.resource() + " (planted)", tables, sequences, facts.seedRows());
        assertEquals(planted, keys(SchemaComparer.compare(plantedFacts, live)));
    }

    private static void change(Map<String, TableSchema> tables, String table, UnaryOperator<TableSchema> change) {
        tables.put(table, change.apply(tables.get(table)));
    }

    private static TableSchema withColumns(TableSchema t, List<ColumnSchema> columns) {
        return new TableSchema(t.name(), columns, t.primaryKey(), t.primaryKeyName(), t.uniques(), t.foreignKeys(),
                t.indexes());
    }

    private static TableSchema withUniques(TableSchema t, List<UniqueConstraint> uniques) {
        return new TableSchema(t.name(), t.columns(), t.primaryKey(), t.primaryKeyName(), uniques, t.foreignKeys(),
                t.indexes());
    }

    private static TableSchema withForeignKeys(TableSchema t, List<ForeignKeyConstraint> foreignKeys) {
        return new TableSchema(t.name(), t.columns(), t.primaryKey(), t.primaryKeyName(), t.uniques(), foreignKeys,
                t.indexes());
    }

    private static Set<String> keys(List<SchemaDifference> differences) {
        return new TreeSet<>(differences.stream().map(SchemaDifference::key).toList());
    }
}

package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wso2.carbon.is.migration.api.Dialect;

/**
 * Reads the table and index definitions out of every dialect's 5.9.0 identity script and compares them with the
 * release facts: H2 with the H2 facts, PostgreSQL with PostgreSQL's, and MySQL, MariaDB, Oracle, MSSQL and DB2 with
 * MySQL's (those engines' own types translated back: VARCHAR2 is VARCHAR, NUMBER(19) BIGINT, DATETIME TIMESTAMP,
 * VARBINARY(MAX) BLOB). Column order, types, nullability, defaults, primary keys and indexes must all match.
 */
class Identity590ScriptFactsTest {

    private static final List<String> NEW_TABLES = List.of("FIDO2_DEVICE_STORE", "IDN_AUTH_SESSION_APP_INFO",
            "IDN_AUTH_SESSION_META_DATA", "IDN_FUNCTION_LIBRARY");

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void tablesAndIndexesMatchTheReleaseFacts(Dialect dialect) throws Exception {
        Path file = MigrationResources.root().resolve("5.9.0/dbscripts/step1/identity/" + dialect.scriptFileName());
        List<Statement> statements = new ArrayList<>();
        for (SqlStatement statement : SqlScript.load(file, file.toString(), dialect).statements()) {
            statements.addAll(CheckableSql.of(statement, dialect).statements());
        }
        Map<String, List<String>> described = describe(statements, dialect);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String table : NEW_TABLES) {
            expected.put(table, FactsNotation.describe(factsDialect(dialect), "5.9.0", table));
        }
        assertEquals(expected, described, dialect + " script against the release facts");
    }

    private static String factsDialect(Dialect dialect) {
        return switch (dialect) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgresql";
            default -> "mysql";
        };
    }

    private static Map<String, List<String>> describe(List<Statement> statements, Dialect dialect) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (Statement statement : statements) {
            if (statement instanceof CreateTable table) {
                tables.put(name(table.getTable().getName()), describe(table, dialect));
            }
        }
        for (Statement statement : statements) {
            if (statement instanceof CreateIndex index) {
                tables.get(name(index.getTable().getName())).add(index(index.getIndex()));
            }
        }
        return tables;
    }

    private static List<String> describe(CreateTable table, Dialect dialect) {
        List<String> primaryKey = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (Index index : table.getIndexes() == null ? List.<Index>of() : table.getIndexes()) {
            String type = index.getType().toUpperCase(Locale.ROOT);
            if (type.equals("PRIMARY KEY")) {
                index.getColumnsNames().forEach(column -> primaryKey.add(name(column)));
            } else if (type.equals("INDEX") || type.equals("KEY")) {
                indexes.add(index(index));
            } else {
                indexes.add("unexpected " + type + " " + index);
            }
        }
        List<String> description = new ArrayList<>();
        for (ColumnDefinition column : table.getColumnDefinitions()) {
            String specs = column.getColumnSpecs() == null ? ""
                    : String.join(" ", column.getColumnSpecs()).toUpperCase(Locale.ROOT);
            String name = name(column.getColumnName());
            boolean nullable = !specs.contains("NOT NULL") && !primaryKey.contains(name);
            String defaultValue = specs.contains("DEFAULT ") ? specs.replaceAll(".*DEFAULT (\\S+).*", "$1") : null;
            description.add(FactsNotation.column(name, factsType(column.getColDataType(), dialect), nullable,
                    defaultValue));
        }
        description.add(FactsNotation.primaryKey(primaryKey));
        description.addAll(indexes);
        return description;
    }

    /** The declared type in the facts' notation: upper case, no spaces, the engine's own names translated. */
    private static String factsType(ColDataType type, Dialect dialect) {
        String arguments = type.getArgumentsStringList() == null || type.getArgumentsStringList().isEmpty() ? ""
                : "(" + String.join(",", type.getArgumentsStringList()) + ")";
        String declared = (type.getDataType() + arguments).toUpperCase(Locale.ROOT).replace(" ", "");
        return switch (dialect) {
            case ORACLE -> declared.replaceFirst("^VARCHAR2", "VARCHAR").replace("NUMBER(19)", "BIGINT");
            case MSSQL -> declared.replace("DATETIME", "TIMESTAMP").replace("VARBINARY(MAX)", "BLOB");
            default -> declared;
        };
    }

    private static String index(Index index) {
        return FactsNotation.index(name(index.getName()),
                index.getColumnsNames().stream().map(Identity590ScriptFactsTest::name).toList());
    }

    private static String name(String identifier) {
        return identifier.replaceAll("[\"`\\[\\]]", "").toUpperCase(Locale.ROOT);
    }
}

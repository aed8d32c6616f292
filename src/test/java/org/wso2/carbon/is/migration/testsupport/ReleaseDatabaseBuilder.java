package org.wso2.carbon.is.migration.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.DialectDetector;
import org.wso2.carbon.is.migration.schema.ColumnSchema;
import org.wso2.carbon.is.migration.schema.ForeignKeyConstraint;
import org.wso2.carbon.is.migration.schema.IndexSchema;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.schema.SeedRow;
import org.wso2.carbon.is.migration.schema.TableSchema;
import org.wso2.carbon.is.migration.schema.UniqueConstraint;

/**
 * Builds a release's fresh-install database from its {@link SchemaFacts} on a live engine, in the order the release
 * scripts effectively use: sequences (PostgreSQL), tables with their columns, primary key and UNIQUE constraints,
 * then every foreign key (so that table order never matters), then the indexes, then the seed rows.
 *
 * <p>Identifiers are written unquoted and upper case, as in the facts (PostgreSQL folds them to lower case, as it does
 * for the release scripts). Declared constraint names are kept; unnamed constraints stay unnamed so the engine names
 * them as it would for the release script.
 *
 * <p>Adaptations to the engine, each because the engine rejects the facts as written:
 * <ul>
 *   <li>H2 2.x: names that became keywords in 2.x (e.g. the column {@code VALUE} of CM_CONSENT_RECEIPT_PROPERTY and
 *       IDN_AUTH_SESSION_META_DATA) are written quoted, in upper case, which is the same identifier H2 1.4 created
 *       unquoted.</li>
 *   <li>H2 2.x: integer display widths ({@code INTEGER(11)}, written by the 5.x H2 scripts for 1.4) are a syntax error;
 *       they are dropped. H2 1.4 ignored them, so the resulting column is the same.</li>
 * </ul>
 * Facts that H2 2.x still accepts as written and therefore are not adapted: {@code TIMESTAMP DEFAULT 0} (kept as the
 * expression {@code 0}), {@code MEDIUMBLOB}/{@code LONGBLOB}/{@code LONGVARCHAR}, {@code AUTO_INCREMENT}.
 */
public final class ReleaseDatabaseBuilder {

    private static final Pattern INTEGER_DISPLAY_WIDTH =
            Pattern.compile("^(INTEGER|INT|BIGINT|SMALLINT|TINYINT)\\(\\d+\\)$");

    private final Connection connection;
    private final SchemaFacts facts;
    private final Dialect dialect;
    private final int engineMajorVersion;
    private final boolean quoteKeywords;

    private ReleaseDatabaseBuilder(Connection connection, SchemaFacts facts) throws SQLException {
        this.connection = connection;
        this.facts = facts;
        DatabaseMetaData metaData = connection.getMetaData();
        this.dialect = DialectDetector.detect(metaData);
        this.engineMajorVersion = metaData.getDatabaseMajorVersion();
        this.quoteKeywords = dialect == Dialect.H2 && engineMajorVersion >= 2;
        requireFactsFitEngine();
    }

    /**
     * Creates every object of the facts in the (empty) database {@code connection} points at.
     *
     * @throws IllegalArgumentException when the facts are for another engine family
     * @throws IllegalStateException    naming the statement and the facts file when the engine rejects a statement
     */
    public static void create(Connection connection, SchemaFacts facts) throws SQLException {
        new ReleaseDatabaseBuilder(connection, facts).build();
    }

    private void requireFactsFitEngine() {
        boolean fits = switch (dialect) {
            case H2 -> facts.dialect().equals("h2");
            case POSTGRESQL -> facts.dialect().equals("postgresql");
            case MYSQL, MARIADB -> facts.dialect().startsWith("mysql");
            default -> false;
        };
        if (!fits) {
            throw new IllegalArgumentException("Schema facts " + facts.resource() + " (dialect " + facts.dialect()
                    + ") cannot be built on " + dialect);
        }
    }

    private void build() throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String sequence : facts.sequences()) {
            statements.add("CREATE SEQUENCE " + sequence);
        }
        facts.tables().values().forEach(table -> statements.add(createTable(table)));
        facts.tables().values().forEach(table -> table.foreignKeys().forEach(fk -> statements.add(addForeignKey(table, fk))));
        facts.tables().values().forEach(table -> table.indexes().forEach(index -> statements.add(createIndex(table, index))));
        facts.seedRows().forEach(row -> statements.add(insert(row)));
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new IllegalStateException("Building " + facts.resource() + " on " + dialect + " "
                            + connection.getMetaData().getDatabaseProductVersion() + " failed: " + e.getMessage()
                            + "\n  statement: " + sql, e);
                }
            }
        }
    }

    private String createTable(TableSchema table) {
        List<String> parts = new ArrayList<>();
        for (ColumnSchema column : table.columns()) {
            parts.add(columnDefinition(column));
        }
        if (!table.primaryKey().isEmpty()) {
            parts.add(named(table.primaryKeyName()) + "PRIMARY KEY " + identifiers(table.primaryKey()));
        }
        for (UniqueConstraint unique : table.uniques()) {
            parts.add(named(unique.name()) + "UNIQUE " + identifiers(unique.columns()));
        }
        String sql = "CREATE TABLE " + identifier(table.name()) + " (\n  " + String.join(",\n  ", parts) + "\n)";
        return isMySqlFamily() ? sql + " ENGINE INNODB" : sql;
    }

    private String columnDefinition(ColumnSchema column) {
        StringBuilder sql = new StringBuilder(identifier(column.name())).append(' ').append(engineType(column.type()));
        if (column.defaultValue() != null) {
            sql.append(" DEFAULT ").append(column.defaultValue());
        }
        if (!column.nullable()) {
            sql.append(" NOT NULL");
        }
        if (column.autoIncrement()) {
            sql.append(autoIncrement(column));
        }
        return sql.toString();
    }

    private String engineType(String type) {
        if (dialect == Dialect.H2 && engineMajorVersion >= 2 && INTEGER_DISPLAY_WIDTH.matcher(type).matches()) {
            return type.substring(0, type.indexOf('('));
        }
        return type;
    }

    private String autoIncrement(ColumnSchema column) {
        return switch (dialect) {
            // SERIAL already is the auto-increment; a NEXTVAL default is written as the default.
            case POSTGRESQL -> column.type().toUpperCase(Locale.ROOT).endsWith("SERIAL")
                    ? "" : " GENERATED BY DEFAULT AS IDENTITY";
            // H2 1.4 and 2.x both accept AUTO_INCREMENT (2.x turns it into an identity column).
            default -> " AUTO_INCREMENT";
        };
    }

    private String addForeignKey(TableSchema table, ForeignKeyConstraint fk) {
        return "ALTER TABLE " + identifier(table.name()) + " ADD " + named(fk.name()) + "FOREIGN KEY "
                + identifiers(fk.columns()) + " REFERENCES " + identifier(fk.refTable()) + " "
                + identifiers(fk.refColumns()) + (fk.onDelete() == null ? "" : " ON DELETE " + fk.onDelete());
    }

    private String createIndex(TableSchema table, IndexSchema index) {
        // Index columns may carry a MySQL prefix length, ATTR_NAME(500): only the name part is an identifier.
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + identifier(index.name()) + " ON "
                + identifier(table.name()) + " (" + String.join(", ", index.columns().stream().map(column -> {
                    int prefix = column.indexOf('(');
                    return prefix < 0 ? identifier(column) : identifier(column.substring(0, prefix))
                            + column.substring(prefix);
                }).toList()) + ")";
    }

    private String insert(SeedRow row) {
        String columns = row.columns() == null ? "" : " " + identifiers(row.columns());
        return "INSERT INTO " + identifier(row.table()) + columns + " VALUES (" + String.join(", ", row.values()) + ")";
    }

    private String named(String constraintName) {
        return constraintName == null ? "" : "CONSTRAINT " + identifier(constraintName) + " ";
    }

    /** The name as written, or double-quoted where H2 2.x would read it as a keyword (see the class comment). */
    private String identifier(String name) {
        return quoteKeywords && org.h2.util.ParserUtil.isKeyword(name, false) ? '"' + name + '"' : name;
    }

    private String identifiers(List<String> names) {
        return "(" + String.join(", ", names.stream().map(this::identifier).toList()) + ")";
    }

    private boolean isMySqlFamily() {
        return dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
    }
}

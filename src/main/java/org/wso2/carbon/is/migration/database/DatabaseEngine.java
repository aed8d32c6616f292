package org.wso2.carbon.is.migration.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.TableSizes.TableSize;

/**
 * What the tool knows of one database engine, as methods of one subclass per engine, found by its {@link Dialect}
 * with {@link #of}. Code that works differently on some engines asks the engine object, and does not test the
 * dialect. {@link Dialect} stays the plain value the exported API passes; this family is private to the bundle.
 *
 * <p>What every engine must state is given to the constructor or abstract; where most engines agree, the method
 * gives their answer and the others override it.
 */
public abstract class DatabaseEngine {

    private static final Map<Dialect, DatabaseEngine> ENGINES = byDialect(new H2Engine(), new MySqlEngine(),
            new MariaDbEngine(), new PostgreSqlEngine(), new OracleEngine(), new MsSqlEngine(), new Db2Engine());

    private final Dialect dialect;
    private final SqlSyntax sqlSyntax;
    private final FirstRowsSyntax firstRows;
    private final String driverClass;
    private final String urlTemplate;

    /**
     * @param driverClass the JDBC driver class the Identity Server configures for the engine when deployment.toml
     *                    names none
     * @param urlTemplate the JDBC URL the Identity Server builds from deployment.toml's keys when it gives no url,
     *                    each key in braces ({@code {hostname}}, {@code {port}}, {@code {name}}, {@code {sid}}); null
     *                    where it builds none (H2, whose file location host and port cannot give)
     */
    DatabaseEngine(Dialect dialect, SqlSyntax sqlSyntax, FirstRowsSyntax firstRows, String driverClass,
                   String urlTemplate) {
        this.dialect = dialect;
        this.sqlSyntax = sqlSyntax;
        this.firstRows = firstRows;
        this.driverClass = driverClass;
        this.urlTemplate = urlTemplate;
    }

    public static DatabaseEngine of(Dialect dialect) {
        DatabaseEngine engine = ENGINES.get(dialect);
        if (engine == null) {
            throw new IllegalStateException("No database engine for the dialect " + dialect);
        }
        return engine;
    }

    private static Map<Dialect, DatabaseEngine> byDialect(DatabaseEngine... engines) {
        Map<Dialect, DatabaseEngine> byDialect = new EnumMap<>(Dialect.class);
        for (DatabaseEngine engine : engines) {
            byDialect.put(engine.dialect(), engine);
        }
        return byDialect;
    }

    public final Dialect dialect() {
        return dialect;
    }

    /** The JDBC driver class the Identity Server configures for this engine when deployment.toml names none. */
    public final String defaultDriverClass() {
        return driverClass;
    }

    /**
     * The JDBC URL the Identity Server builds from deployment.toml's keys when the section gives no url, each key in
     * braces: {@code jdbc:db2://{hostname}:{port}/{name}}; empty for H2, whose file location host and port cannot give.
     */
    public final Optional<String> urlTemplate() {
        return Optional.ofNullable(urlTemplate);
    }

    /** The lexical rules that decide where the statements of this engine's scripts end. */
    public final SqlSyntax sqlSyntax() {
        return sqlSyntax;
    }

    /**
     * {@code SELECT column FROM from WHERE where ORDER BY orderBy}, limited to the first {@code rows} rows in this
     * engine's syntax; allowed inside a derived table.
     */
    public final String firstRows(String column, String from, String where, String orderBy, int rows) {
        return firstRows.firstRows(column, from, where, orderBy, rows);
    }

    /**
     * {@code table}'s rows as the engine's statistics have them (as of its last ANALYZE or statistics update), read
     * without touching the table; empty where the engine keeps none, or has not analysed the table yet.
     */
    public abstract Optional<TableSize> tableSizeEstimate(Connection connection, String table) throws SQLException;

    /** The order SQL can name for walking a table where its rows lie on the database {@code connection} reaches. */
    public StorageOrder storageOrder(Connection connection) throws SQLException {
        return StorageOrder.KEY;
    }

    /** Drops an index of {@code table}, which the statement names where index names are only unique per table. */
    public final String dropIndexStatement(String index, String table) {
        return "DROP INDEX " + index + (indexNamesPerTable() ? " ON " + table : "");
    }

    /** True where an index's name is unique only among its table's indexes; most engines name them schema-wide. */
    boolean indexNamesPerTable() {
        return false;
    }

    /**
     * True where an UPDATE rewrites the entry of every index of the row, changed column or not, so that a walk that
     * updates every row goes faster with the table's keys dropped for it and added back after.
     */
    public boolean updatesRewriteEveryIndex() {
        return false;
    }

    /**
     * True where DDL run inside a transaction is undone by its rollback, as the script runner tells the operator
     * after a failed script. Yes only for PostgreSQL, as the runner has always said: SQL Server and DB2 roll back
     * most DDL too, but no test runs a failing script on them.
     */
    public boolean ddlRollsBackWithTransaction() {
        return false;
    }

    /**
     * The rows per second a chunked set-based UPDATE may be assumed to reach here before anything is measured, for
     * the time a backfill is estimated to take: rounded down from the data-step rate {@code bench/run.sh} measured on
     * the engine (see docs/benchmark.md); the engines not measured get this cautious figure.
     */
    public long estimatedUpdateRowsPerSecond() {
        return 4_000;
    }
}

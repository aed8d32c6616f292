package org.wso2.carbon.is.migration.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationException;

/**
 * What the sync tool writes into a source database, one subclass per engine: the journal of each synced table and
 * the AFTER INSERT/UPDATE/DELETE triggers that fill it (the statements are templates shipped beside this class,
 * {@code <dialect>/prepare-table.sql} and {@code <dialect>/prepare-common.sql}, written in that engine's script
 * syntax, so that {@code --ddl-only} hands a DBA a script the engine's own client runs), and how cleanup finds in
 * the catalog what is left of it.
 *
 * <p>A trigger records the key and the operation only, never the row: the run reads the row's current state when it
 * applies it. An update that changes the key records the old key ({@code K}) as well as the new one ({@code U}),
 * so the row under the old key is removed from the target.
 */
public abstract class SyncDdl {

    private static final String TEMPLATES = "/org/wso2/carbon/is/migration/sync/";

    private final Dialect dialect;

    SyncDdl(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The engine's DDL. */
    public static SyncDdl of(Dialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
                return new PostgreSqlSyncDdl();
            case MYSQL:
            case MARIADB:
                return new MySqlSyncDdl(dialect);
            case ORACLE:
                return new OracleSyncDdl();
            case MSSQL:
                return new MsSqlSyncDdl();
            case DB2:
                return new Db2SyncDdl();
            case H2:
                return new H2SyncDdl();
            default:
                throw new IllegalArgumentException("No sync DDL for " + dialect);
        }
    }

    public final Dialect dialect() {
        return dialect;
    }

    /** {@link #prepareScript(List, List)} for a source without triggers of its own. */
    public final String prepareScript(List<SyncedTable> tables) {
        return prepareScript(tables, Collections.<String>emptyList());
    }

    /**
     * The script that creates the dead-letter table and, per table, the journal and triggers; re-runnable.
     *
     * @param otherTriggers the triggers the source has that are not the tool's ({@link #otherTriggers})
     */
    public final String prepareScript(List<SyncedTable> tables, List<String> otherTriggers) {
        StringBuilder script = new StringBuilder();
        script.append(template("prepare-common.sql", new LinkedHashMap<String, String>()));
        for (SyncedTable table : tables) {
            Map<String, String> variables = variables(table);
            variables.put("deleteCondition", skipsForeignKeyDeletes(table, otherTriggers) ? foreignKeyDeletesLeftOut()
                    : "");
            script.append('\n').append(template("prepare-table.sql", variables));
        }
        return script.append(foreignKeyActionsScript(tables)).toString();
    }

    /**
     * Refuses a source that no second process can reach while the old server serves it (an embedded H2 database);
     * every other engine is a server.
     *
     * @throws MigrationException (configuration) saying why and what to change
     */
    void checkReachableBesideTheOldServer(Connection source) throws SQLException, MigrationException {
        // a database server: the old server and the tool are two of its clients
    }

    /** What to add to the message of a failed prepare on this engine; empty where the message says all. */
    String failureHint(String message) {
        return "";
    }

    /**
     * Whether the table's delete trigger leaves out the rows a foreign key deletes: where the engine can tell them
     * ({@link #foreignKeyDeletesLeftOut}), the target repeats them ({@link SyncedTable#foreignKeyDeletesRepeated})
     * and no trigger of the source's own could delete rows from within a trigger too.
     */
    public final boolean skipsForeignKeyDeletes(SyncedTable table, List<String> otherTriggers) {
        return !foreignKeyDeletesLeftOut().isEmpty() && table.foreignKeyDeletesRepeated() && otherTriggers.isEmpty();
    }

    /**
     * The condition of the delete trigger that leaves out the rows a foreign key deletes, as the template's
     * {@code ${deleteCondition}}; empty where the engine cannot tell them from other deletes.
     */
    String foreignKeyDeletesLeftOut() {
        return "";
    }

    /**
     * The source's triggers that are not the tool's, as "name on table"; read only where the delete trigger leaves
     * out rows by how deep in triggers the delete runs ({@link #foreignKeyDeletesLeftOut}), because another trigger
     * deleting a synced row would look like a foreign key.
     */
    public List<String> otherTriggers(Connection connection) throws SQLException {
        return Collections.emptyList();
    }

    /**
     * What puts deletes left out by the triggers at risk now: the source's other triggers, where the tool's leave
     * out foreign key deletes (a trigger created after prepare); empty when nothing does.
     */
    public List<String> leftOutDeletesAtRisk(Connection connection) throws SQLException {
        return Collections.emptyList();
    }

    /**
     * What journals the synced rows a foreign key's ON DELETE action removes or changes ({@link CascadePath}):
     * nothing on engines that fire the synced table's own triggers for them.
     */
    String foreignKeyActionsScript(List<SyncedTable> tables) {
        return "";
    }

    /**
     * What the tool left in the source database, found in the catalog by the {@link SyncNames#PREFIX} (so cleanup
     * needs no configuration and misses nothing an earlier configuration created), as drop statements in the order
     * they must run: triggers, then functions, then tables.
     */
    public abstract List<String> leftovers(Connection connection) throws SQLException;

    /** The values the templates name: {@code ${table}}, {@code ${journal}}, the key lists and trigger names. */
    Map<String, String> variables(SyncedTable table) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("table", table.name());
        variables.put("journal", table.journal());
        variables.put("function", table.trigger('F'));
        variables.put("trigger", table.trigger('T'));
        variables.put("insertTrigger", table.trigger('I'));
        variables.put("updateTrigger", table.trigger('U'));
        variables.put("deleteTrigger", table.trigger('D'));
        variables.put("keyColumns", table.keyList(""));
        variables.put("newKeys", table.keyList(newRow()));
        variables.put("oldKeys", table.keyList(oldRow()));
        List<String> definitions = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (KeyColumn key : table.keys()) {
            definitions.add(key.name() + " " + columnType(key) + " NOT NULL");
            // Key columns are NOT NULL (primary key), so a plain comparison is exact on every engine.
            changed.add(oldRow() + key.name() + " <> " + newRow() + key.name());
        }
        variables.put("keyColumnsDdl", String.join(",\n  ", definitions));
        variables.put("keyChanged", String.join(" OR ", changed));
        return variables;
    }

    /** The folder of this engine's templates: its dialect's script name. */
    String templateFolder() {
        return dialect.scriptName();
    }

    /** How a trigger body names the row after the change ({@code NEW.}). */
    String newRow() {
        return "NEW.";
    }

    /** How a trigger body names the row before the change ({@code OLD.}). */
    String oldRow() {
        return "OLD.";
    }

    /** The engine's type for a copy of a key column. */
    String columnType(KeyColumn key) {
        switch (key.jdbcType()) {
            case Types.VARCHAR:
                return "VARCHAR(" + key.size() + ")";
            case Types.CHAR:
                return "CHAR(" + key.size() + ")";
            case Types.INTEGER:
                return "INTEGER";
            case Types.BIGINT:
                return "BIGINT";
            case Types.DECIMAL:
                return "DECIMAL(" + key.size() + ", " + key.scale() + ")";
            default:
                return "TIMESTAMP";
        }
    }

    final String template(String name, Map<String, String> variables) {
        String resource = TEMPLATES + templateFolder() + "/" + name;
        String text;
        try (InputStream in = SyncDdl.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundle lacks " + resource);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes.write(buffer, 0, read);
            }
            text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource + ": " + e, e);
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            text = text.replace("${" + variable.getKey() + "}", variable.getValue());
        }
        if (text.contains("${")) {
            throw new IllegalStateException(resource + " names a value the tool does not give: "
                    + text.substring(text.indexOf("${"), text.indexOf('}', text.indexOf("${")) + 1));
        }
        return text;
    }

    /**
     * Runs a catalog query whose rows are the names to drop (first column) and, where the statement needs it, the
     * table (second column), and turns each row into a drop statement.
     */
    static List<String> drops(Connection connection, String query, DropStatement drop) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query);
             ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                statements.add(drop.of(rows.getString(1), columns > 1 ? rows.getString(2) : null));
            }
        }
        return statements;
    }

    /**
     * {@link #leftovers} read from the standard information_schema views (MySQL, MariaDB, H2): the tool's triggers,
     * then its tables, in the schema {@code currentSchema} names.
     */
    static List<String> informationSchemaLeftovers(Connection connection, String currentSchema) throws SQLException {
        List<String> drops = new ArrayList<>();
        // DISTINCT: H2 lists a trigger once per event it fires on
        drops.addAll(drops(connection, "SELECT DISTINCT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE"
                + " TRIGGER_SCHEMA = " + currentSchema + " AND UPPER(TRIGGER_NAME) LIKE " + NAME_PATTERN
                + " ORDER BY 1", (name, table) -> "DROP TRIGGER IF EXISTS " + name));
        drops.addAll(drops(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                + currentSchema + " AND UPPER(TABLE_NAME) LIKE " + NAME_PATTERN + " ORDER BY 1",
                (name, table) -> "DROP TABLE IF EXISTS " + name));
        return drops;
    }

    /** The first column of a catalog query's rows, read as {@link #drops} reads them. */
    static List<String> names(Connection connection, String query) throws SQLException {
        return drops(connection, query, (name, table) -> name);
    }

    /** A drop statement for one catalog row. */
    interface DropStatement {
        String of(String name, String table);
    }

    /** The LIKE pattern of the tool's names, {@code _} escaped by {@code !} (MySQL reads {@code \\} as an escape). */
    static final String NAME_PATTERN = "'ISS!_%' ESCAPE '!'";
}

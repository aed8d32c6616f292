package org.wso2.carbon.is.migration.migrator.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.api.StepIdentity;
import org.wso2.carbon.is.migration.api.StepPlan;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.migrator.MigratorParameters;
import org.wso2.carbon.is.migration.sql.SqlScript;
import org.wso2.carbon.is.migration.sql.SqlScriptException;
import org.wso2.carbon.is.migration.sql.SqlStatement;
import org.wso2.carbon.is.migration.sql.StatementFailedException;
import org.wso2.carbon.is.migration.sql.StatementRunner;

/**
 * Runs {@code <version>/dbscripts/<location>/<schema>/<dialect>.sql} against the {@code schema} database, after the
 * {@link Preconditions} beside it hold. A missing script for the detected dialect is an error (the old tool skipped
 * it silently). The script runs in one
 * transaction: atomic where the engine has transactional DDL (PostgreSQL); where DDL commits by itself (MySQL,
 * MariaDB, Oracle, H2) the ledger records which statement failed, and the scripts are written to be re-run. A script
 * whose leading comments say {@code -- @no-transaction} runs with auto-commit instead, for statements that refuse
 * a transaction block (PostgreSQL {@code CREATE INDEX CONCURRENTLY}).
 *
 * <p>The old tool had script-running migrators under other names (e.g. {@code UMAPermissionTicketSchemaMigrator} for
 * the 5.8.0 UMA script); operators' configs still name them, so the same runner is registered under those names.
 */
public final class SchemaMigrator implements Migrator {

    public static final String NAME = "SchemaMigrator";
    /** The old tool's name for the 5.8.0 step that adds TOKEN_ID to IDN_UMA_PERMISSION_TICKET (a script here). */
    public static final String UMA_PERMISSION_TICKET_NAME = "UMAPermissionTicketSchemaMigrator";

    private final String name;

    /** The runner under its own name, {@value #NAME}. */
    public SchemaMigrator() {
        this(NAME);
    }

    /** The runner under a name that operators' configs use for a script step. */
    public SchemaMigrator(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StepIdentity identify(Map<String, String> parameters) throws MigrationException {
        return new StepIdentity(MigratorParameters.required(name, parameters, "schema"),
                MigratorParameters.required(name, parameters, "location"));
    }

    @Override
    public StepPlan plan(MigrationContext context) throws MigrationException {
        String location = MigratorParameters.required(name, context, "location");
        String schema = MigratorParameters.required(name, context, "schema");
        MigrationDatabase database = context.database(schema);
        SqlScript script = load(context, location, schema, database.dialect());
        Preconditions preconditions = Preconditions.in(folder(context, location, schema));
        List<String> leftovers;
        try (Connection connection = database.connect()) {
            String checked = preconditions.verify(connection, database.dialect()).describe();
            if (!checked.isEmpty()) {
                context.progress().note(checked);
            }
            leftovers = H2CopyLeftovers.find(connection, database.dialect());
        } catch (SQLException e) {
            throw new MigrationException("Could not connect to check the preconditions of " + script.source() + ": "
                    + e.getMessage(), e);
        }
        List<String> actions = new ArrayList<>(preconditions.describe(database.dialect()));
        for (String leftover : leftovers) {
            actions.add("DROP TABLE " + leftover + " (left by an H2 ALTER TABLE that a crash interrupted)");
        }
        for (SqlStatement statement : script.statements()) {
            actions.add(statement.sql());
        }
        return new StepPlan(schema, "run " + script.source() + " (" + script.statements().size() + " statements)",
                "sha256:" + script.checksum(), actions);
    }

    @Override
    public void execute(MigrationContext context, StepPlan plan) throws MigrationException {
        String location = MigratorParameters.required(name, context, "location");
        String schema = MigratorParameters.required(name, context, "schema");
        MigrationDatabase database = context.database(schema);
        SqlScript script = load(context, location, schema, database.dialect());
        if (!plan.checksum().equals("sha256:" + script.checksum())) {
            throw new MigrationException(script.source() + " changed while the migration was running; run again");
        }
        try (Connection connection = database.connect()) {
            List<String> leftovers = H2CopyLeftovers.find(connection, database.dialect());
            if (!leftovers.isEmpty()) {
                H2CopyLeftovers.drop(connection, leftovers);
                context.progress().note("dropped " + leftovers + ": copies an H2 ALTER TABLE makes, left by a"
                        + " run that died inside one; the originals are untouched");
            }
            connection.setAutoCommit(!script.transactional());
            try {
                ScriptProgress progress = new ScriptProgress(context.progress(), script.statements().size());
                new StatementRunner(progress).run(connection, script.statements());
                if (script.transactional()) {
                    connection.commit();
                }
                context.progress().note("ran " + script.statements().size() + " statements of " + script.source()
                        + progress.longestNote());
            } catch (StatementFailedException e) {
                rollbackQuietly(connection, e);
                throw new MigrationException(e.getMessage() + "\n  " + (e.index() == 0 ? "It was the first statement."
                        : "Statements 1.." + e.index() + " before it ran"
                        + (DatabaseEngine.of(database.dialect()).ddlRollsBackWithTransaction()
                        && script.transactional() ? " and were rolled back."
                        : "; on " + database.dialect().scriptName() + " DDL commits itself, so they stay applied. "
                        + "The script is written to be re-run: fix the cause and run the migration again.")), e);
            }
        } catch (SQLException e) {
            throw new MigrationException("Could not run " + script.source() + ": " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            if (connection.getAutoCommit()) {
                return; // nothing to roll back: every statement committed by itself
            }
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static SqlScript load(MigrationContext context, String location, String schema, Dialect dialect)
            throws MigrationException {
        Path folder = folder(context, location, schema);
        Path file = folder.resolve(dialect.scriptFileName());
        String display = context.resourcesDirectory().relativize(file).toString().replace('\\', '/');
        if (!Files.isRegularFile(file)) {
            throw new MigrationException("Missing script for the " + dialect.scriptName() + " database: " + file
                    + " (" + describeFolder(folder) + ")");
        }
        try {
            return SqlScript.load(file, display, dialect);
        } catch (IOException e) {
            throw new MigrationException("Could not read " + file + ": " + e.getMessage(), e);
        } catch (SqlScriptException e) {
            throw new MigrationException(e.getMessage(), e);
        }
    }

    private static Path folder(MigrationContext context, String location, String schema) {
        return context.resourcesDirectory().resolve(context.version()).resolve("dbscripts").resolve(location)
                .resolve(schema);
    }

    private static String describeFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "the folder does not exist";
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
            return names.isEmpty() ? "the folder is empty" : "the folder holds " + String.join(", ", names);
        } catch (IOException e) {
            return "the folder cannot be listed: " + e.getMessage();
        }
    }
}

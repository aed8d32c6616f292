package org.wso2.carbon.is.migration.sql;

import java.sql.Connection;
import java.util.List;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.schema.LiveSchemaReader;
import org.wso2.carbon.is.migration.schema.SchemaComparer;
import org.wso2.carbon.is.migration.schema.SchemaFacts;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/** Runs a release's shipped scripts on a test database as SchemaMigrator runs them, and compares the result. */
final class ReleaseScripts {

    private ReleaseScripts() {
    }

    /**
     * Runs {@code <version>/dbscripts/<step>/<dialect>.sql} for each step, in order, as SchemaMigrator does: each
     * script in one transaction, committed at its end, unless it declares {@code -- @no-transaction} (PostgreSQL's
     * concurrent index builds), which runs with auto-commit.
     *
     * @param steps {@code <location>/<schema>}, e.g. {@code step1/identity}
     */
    static void run(Connection connection, String version, List<String> steps, Dialect scripts) throws Exception {
        StatementRunner runner = new StatementRunner(StatementRunner.NO_LISTENER);
        for (String step : steps) {
            String name = version + "/dbscripts/" + step + "/" + scripts.scriptFileName();
            SqlScript script = SqlScript.load(MigrationResources.root().resolve(name), name, scripts);
            connection.setAutoCommit(!script.transactional());
            runner.run(connection, script.statements());
            if (script.transactional()) {
                connection.commit();
            }
        }
        connection.setAutoCommit(true);
    }

    /** Every difference between the live database and the release's facts, as text. */
    static List<String> differences(Connection connection, TestDatabase database, SchemaFacts facts)
            throws Exception {
        return SchemaComparer.compare(facts, LiveSchemaReader.read(connection, database.dialect())).stream()
                .map(Object::toString).toList();
    }
}

package org.wso2.carbon.is.migration.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.DialectDetector;
import org.wso2.carbon.is.migration.migrator.oauth.BenchmarkStatements;
import org.wso2.carbon.is.migration.sql.SqlScript;
import org.wso2.carbon.is.migration.sql.StatementRunner;
import org.wso2.carbon.is.migration.testsupport.TestDatabase;

/**
 * The floor: what the migration costs at the least, the same DDL and data change sent straight through JDBC with no
 * engine, ledger, lock, checks, chunking or checkpoints. Each SQL step of the shipped configuration runs its script
 * through {@link SqlScript} and {@link StatementRunner}, and the data step is one set-based UPDATE per table
 * ({@link OAuthDataStep#wholeTableUpdates}; on H2 with the table's keys dropped around it, as the tool's step
 * does). Steps that only check (they change nothing) cost nothing here.
 */
final class FloorRun {

    private final ShippedSteps shipped;
    private final TestDatabase identity;
    private final TestDatabase shared;

    FloorRun(ShippedSteps shipped, TestDatabase identity, TestDatabase shared) {
        this.shipped = shipped;
        this.identity = identity;
        this.shared = shared;
    }

    /** Runs every step; returns one figure per step, in order. */
    List<StepFigure> runAll() throws Exception {
        List<StepFigure> figures = new ArrayList<>();
        for (ShippedSteps.Step step : shipped.steps()) {
            figures.add(run(step));
        }
        return figures;
    }

    /** Runs one step as the floor does; returns how long it took. */
    StepFigure run(ShippedSteps.Step step) throws Exception {
        long started = System.nanoTime();
        long rows;
        if (step.isDataStep()) {
            rows = runDataStep();
        } else if (step.parameters().containsKey("location") && step.parameters().containsKey("schema")) {
            rows = runScript(step);
        } else {
            rows = 0; // a check: nothing to change, so nothing in the floor
        }
        return new StepFigure(step.label(), rows, (System.nanoTime() - started) / 1_000_000);
    }

    private long runScript(ShippedSteps.Step step) throws Exception {
        String schema = step.parameters().get("schema");
        TestDatabase database = databaseOf(schema);
        try (Connection connection = database.connect()) {
            Dialect dialect = DialectDetector.detect(connection.getMetaData());
            String relative = step.version() + "/dbscripts/" + step.parameters().get("location") + "/" + schema + "/"
                    + dialect.scriptFileName();
            SqlScript script = SqlScript.load(shipped.resources().resolve(relative), relative, dialect);
            connection.setAutoCommit(!script.transactional());
            AtomicLong rows = new AtomicLong();
            new StatementRunner((index, statement, updateCount, millis) -> rows.addAndGet(Math.max(0, updateCount)))
                    .run(connection, script.statements());
            if (script.transactional()) {
                connection.commit();
            }
            return rows.get();
        }
    }

    private long runDataStep() throws SQLException {
        long rows = 0;
        try (Connection connection = identity.connect()) {
            connection.setAutoCommit(false);
            Dialect dialect = DialectDetector.detect(connection.getMetaData());
            for (Map.Entry<String, String> update : OAuthDataStep.wholeTableUpdates().entrySet()) {
                rows += BenchmarkStatements.withKeysSetAside(connection, dialect, update.getKey(), () -> {
                    long changed;
                    try (Statement statement = connection.createStatement()) {
                        changed = statement.executeLargeUpdate(update.getValue());
                    }
                    connection.commit();
                    return changed;
                });
            }
        }
        return rows;
    }

    /** identity, consent and uma live in the identity database; um and registry in the shared one. */
    private TestDatabase databaseOf(String schema) {
        return switch (schema) {
            case "um", "registry" -> shared;
            default -> identity;
        };
    }
}

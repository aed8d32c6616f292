package org.wso2.carbon.is.migration.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.RunSettings;
import org.wso2.carbon.is.migration.api.StepProgress;
import org.wso2.carbon.is.migration.ledger.Ledger;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.report.StepReport;

/** The {@link MigrationContext} of one step: its config entry, the databases, and its report and ledger. */
final class StepContext implements MigrationContext, StepProgress {

    private static final Logger LOG = LoggerFactory.getLogger(StepContext.class);

    private final PlannedStep step;
    private final boolean dryRun;
    private final Path resourcesDirectory;
    private final TargetDatabases databases;
    private final RunSettings settings;
    private final StepReport report;
    private Ledger ledger;
    private String stepKey;

    StepContext(PlannedStep step, boolean dryRun, Path resourcesDirectory, TargetDatabases databases,
                RunSettings settings, StepReport report) {
        this.step = step;
        this.dryRun = dryRun;
        this.resourcesDirectory = resourcesDirectory;
        this.databases = databases;
        this.settings = settings;
        this.report = report;
    }

    /** Binds the step to the ledger of the database it changes, once its plan has named that database. */
    void bind(Ledger ledger, String stepKey) {
        this.ledger = ledger;
        this.stepKey = stepKey;
    }

    @Override
    public String version() {
        return step.version();
    }

    @Override
    public int order() {
        return step.order();
    }

    @Override
    public Map<String, String> parameters() {
        return step.parameters();
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public Path resourcesDirectory() {
        return resourcesDirectory;
    }

    @Override
    public MigrationDatabase database(String logicalName) throws MigrationException {
        return databases.forLogical(logicalName).as(logicalName);
    }

    @Override
    public StepProgress progress() {
        return this;
    }

    @Override
    public RunSettings settings() {
        return settings;
    }

    @Override
    public void rows(long count) {
        report.addRows(count);
    }

    @Override
    public void note(String message) {
        LOG.info("[{}] {}", step.id(), message);
        report.note(message);
    }

    @Override
    public void warn(String message) {
        LOG.warn("[{}] {}", step.id(), message);
        report.warn(message);
    }

    @Override
    public Optional<String> checkpoint(String key) {
        if (ledger == null) {
            return Optional.empty();
        }
        try {
            return ledger.checkpoint(stepKey, key);
        } catch (LedgerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void saveCheckpoint(String key, String value) {
        if (dryRun || ledger == null) {
            return;
        }
        try {
            ledger.saveCheckpoint(stepKey, key, value);
        } catch (LedgerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void saveCheckpoint(Connection connection, String key, String value) throws SQLException {
        if (dryRun || ledger == null) {
            return;
        }
        Ledger.saveCheckpoint(connection, stepKey, key, value);
    }
}

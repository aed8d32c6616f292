package org.wso2.carbon.is.migration.migrator.claim;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationContext;
import org.wso2.carbon.is.migration.api.MigrationDatabase;
import org.wso2.carbon.is.migration.api.RunSettings;
import org.wso2.carbon.is.migration.api.StepProgress;

/**
 * A context for calling a migrator directly, without the engine: databases by logical name, settings, and a
 * progress that keeps notes, warnings, rows and checkpoints in memory. {@code dialect()} is always h2: the claim
 * migrators write the same SQL on every engine and do not ask.
 */
public final class DirectContext implements MigrationContext, StepProgress {

    private final String version;
    private final Path resources;
    private final Map<String, DataSource> databases;
    private final RunSettings settings;
    private final boolean dryRun;
    private final Map<String, String> checkpoints = new HashMap<>();
    public final List<String> notes = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    public long rows;

    public DirectContext(String version, Path resources, Map<String, DataSource> databases,
                         RunSettings settings, boolean dryRun) {
        this.version = version;
        this.resources = resources;
        this.databases = databases;
        this.settings = settings;
        this.dryRun = dryRun;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Map<String, String> parameters() {
        return Map.of();
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public Path resourcesDirectory() {
        return resources;
    }

    @Override
    public MigrationDatabase database(String logicalName) {
        DataSource dataSource = databases.get(logicalName);
        return new MigrationDatabase() {
            @Override
            public String logicalName() {
                return logicalName;
            }

            @Override
            public Dialect dialect() {
                return Dialect.H2;
            }

            @Override
            public Connection connect() throws SQLException {
                Connection connection = dataSource.getConnection();
                connection.setAutoCommit(false);
                return connection;
            }
        };
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
        rows += count;
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public Optional<String> checkpoint(String key) {
        return Optional.ofNullable(checkpoints.get(key));
    }

    @Override
    public void saveCheckpoint(String key, String value) {
        if (!dryRun) {
            checkpoints.put(key, value);
        }
    }
}

package org.wso2.carbon.is.migration.osgi;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.wso2.carbon.is.migration.api.MigrationStatus;

/** The immutable status the component publishes. */
final class ServerMigrationStatus implements MigrationStatus {
    private final State state;
    private final String summary;
    private final String reportJson;
    private final Path report;

    ServerMigrationStatus(State state, String summary, String reportJson, Path report) {
        this.state = state;
        this.summary = summary;
        this.reportJson = reportJson;
        this.report = report;
    }

    static ServerMigrationStatus notRequested() {
        return new ServerMigrationStatus(State.NOT_REQUESTED,
                "No migration requested (start with -Dmigrate -Dcomponent=identity to migrate)", "", null);
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String reportJson() {
        return reportJson;
    }

    public Path report() {
        return report;
    }

    @Override
    public Optional<Path> reportFile() {
        return Optional.ofNullable(report);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ServerMigrationStatus)) {
            return false;
        }
        ServerMigrationStatus that = (ServerMigrationStatus) other;
        return state == that.state && Objects.equals(summary, that.summary)
                && Objects.equals(reportJson, that.reportJson) && Objects.equals(report, that.report);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, summary, reportJson, report);
    }

    @Override
    public String toString() {
        return "ServerMigrationStatus[state=" + state + ", summary=" + summary + ", reportJson=" + reportJson
                + ", report=" + report + "]";
    }
}

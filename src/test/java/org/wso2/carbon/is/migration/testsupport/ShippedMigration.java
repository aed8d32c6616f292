package org.wso2.carbon.is.migration.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.datasource.DriverDataSource;
import org.wso2.carbon.is.migration.engine.MigrationRun;
import org.wso2.carbon.is.migration.engine.RunMode;

/**
 * The tool as an operator runs it on an installation: an IS home with the shipped migration-config.yaml (only
 * currentVersion changed) whose deployment.toml names the identity and shared databases, and the migration the
 * server's component starts, with the DataSources found by their JNDI names.
 */
public final class ShippedMigration {

    /** What a run returned: its exit code, and its summary with the JSON report. */
    public record Outcome(int exitCode, String output) {
    }

    private ShippedMigration() {
    }

    /** An IS home for {@code identity} and {@code shared}, the shipped config at {@code currentVersion}. */
    public static IsHome home(TestDatabase identity, TestDatabase shared, String currentVersion) throws Exception {
        String type = switch (identity.dialect()) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgre";
            default -> "mysql";
        };
        IsHome home = IsHome.create("chain-" + currentVersion).withProjectResources()
                .withDeploymentToml(IsHome.databaseSection("identity_db", type, identity.url(), identity.user(),
                        identity.password())
                        + IsHome.databaseSection("shared_db", type, shared.url(), shared.user(), shared.password()));
        switch (identity.dialect()) {
            case POSTGRESQL -> home.withDriverInLib("postgresql-42.7.4.jar");
            case MARIADB -> home.withDriverInLib("mariadb-java-client-3.4.1.jar");
            default -> home.withPlugin("h2-1.4.199.jar", "h2_1.4.199.wso2v1.jar"); // the server's own H2
        }
        Path config = home.resources().resolve("migration-config.yaml");
        Files.writeString(config, Files.readString(config)
                .replace("currentVersion: \"5.8.0\"", "currentVersion: \"" + currentVersion + "\""));
        return home;
    }

    /**
     * Migrates as the server does with {@code -Dmigrate}. The server's pool keeps idle connections, so an embedded
     * H2 database stays open for the whole run; one connection held here does the same (without it H2 2.x closes
     * and reopens the file at every connection, which it was seen to do badly under load: "File corrupted while
     * reading record").
     */
    public static Outcome asTheServer(IsHome home, TestDatabase identity, TestDatabase shared) throws Exception {
        Map<String, DataSource> byName = Map.of(
                "jdbc/WSO2IdentityDB", dataSource(identity), "jdbc/SHARED_DB", dataSource(shared));
        Path report = home.path().resolve("server-report-" + System.nanoTime() + ".json");
        try (Connection identityPool = identity.connect(); Connection sharedPool = shared.connect()) {
            MigrationRun.Result result = MigrationRun.of(home.resources().resolve("migration-config.yaml"),
                    home.resources()).dataSources(config -> NamedDataSources.of(byName)).reportTo(report)
                    .loggingSummary().run(RunMode.MIGRATE);
            return new Outcome(result.exitCode(), result.summary() + "\n" + Files.readString(report));
        }
    }

    private static DataSource dataSource(TestDatabase database) {
        return new DriverDataSource(database.driver(), database.url(), database.user(), database.password());
    }
}

package org.wso2.carbon.is.migration.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.database.DialectDetector;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.datasource.TimeBoundDataSource;
import org.wso2.carbon.is.migration.engine.DataSourceDatabase;
import org.wso2.carbon.is.migration.engine.MigrationEngine;
import org.wso2.carbon.is.migration.engine.ReleaseVersion;
import org.wso2.carbon.is.migration.migrator.MigratorRegistry;
import org.wso2.carbon.is.migration.migrator.claim.ClaimsAudit;
import org.wso2.carbon.is.migration.migrator.claim.TenantSelection;
import org.wso2.carbon.is.migration.migrator.oauth.IdpIdAudit;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.report.StepReport;
import org.wso2.carbon.is.migration.schema.DetectedRelease;
import org.wso2.carbon.is.migration.schema.LiveSchemaReader;
import org.wso2.carbon.is.migration.schema.ReleaseComparison;
import org.wso2.carbon.is.migration.schema.ReleaseDetector;
import org.wso2.carbon.is.migration.schema.ReleaseSchemas;
import org.wso2.carbon.is.migration.schema.SchemaDifference;
import org.wso2.carbon.is.migration.schema.SchemaPart;

/**
 * After a migration, checks each database the configured steps change against migrateVersion: its live schema
 * against the release's schema facts (every difference, the tool's own tables left out), its ledger (every step of
 * the configured chain recorded as successful, read as {@code info} reads it), and the data the release needs:
 * from 5.8.0, access tokens, token-audit rows and authorization codes with IDP_ID; for each release in the chain
 * that ships claim data, every tenant with that release's claims. Reads only.
 */
public final class Verification {

    private static final String CLAIM_DATA = "data/claims.yaml";
    private static final ReleaseVersion IDP_ID_RELEASE = ReleaseVersion.parse("5.8.0");

    private final MigrationConfig config;
    private final List<String> configWarnings;
    private final Path resourcesDirectory;
    private final DataSourceLocator locator;

    public Verification(MigrationConfig config, List<String> configWarnings, Path resourcesDirectory,
                        DataSourceLocator locator) {
        this.config = config;
        this.configWarnings = Collections.unmodifiableList(new ArrayList<>(configWarnings));
        this.resourcesDirectory = resourcesDirectory;
        // Bounded like the migration's connections: an unreachable server fails within connectTimeoutSeconds.
        this.locator = TimeBoundDataSource.bounding(locator, config.timeLimits().connectTimeoutSeconds() * 1000L);
    }

    /** Verifies every database; a configuration the steps cannot be read from is thrown, nothing else. */
    public VerificationReport run() throws ConfigException {
        MigrationReport ledger = new MigrationEngine(config, configWarnings, resourcesDirectory, locator,
                MigratorRegistry.builtIn()).ledgerStates();
        VerificationReport report = new VerificationReport("verify", ledger.runId(), config.currentVersion(),
                config.migrateVersion(), String.valueOf(config.source()));
        ledger.warnings().forEach(report::warn);
        if (ledger.error() != null) {
            report.fail(ledger.error());
        }
        Map<String, Set<String>> logicalByDataSource = new LinkedHashMap<>();
        Set<String> versions = new TreeSet<>();
        for (StepReport step : ledger.steps()) {
            versions.add(step.version());
            if (step.database() == null) {
                report.fail(step.stepKey() + ": " + step.error());
                continue;
            }
            logicalByDataSource.computeIfAbsent(config.dataSources().get(step.database()), k -> new TreeSet<>())
                    .add(step.database());
        }
        for (Map.Entry<String, Set<String>> entry : logicalByDataSource.entrySet()) {
            try {
                report.add(verify(entry.getKey(), entry.getValue(), ledger.steps(), versions));
            } catch (MigrationException | SQLException e) {
                report.fail(entry.getKey() + " (" + String.join(", ", entry.getValue()) + ") could not be verified: "
                        + Secrets.mask(e.getMessage()));
            }
        }
        report.finish();
        return report;
    }

    private DatabaseVerdict verify(String dataSourceName, Set<String> logicalNames, List<StepReport> steps,
                                   Set<String> versions) throws MigrationException, SQLException {
        DataSource dataSource = locator.locate(dataSourceName);
        Set<SchemaPart> parts = EnumSet.noneOf(SchemaPart.class);
        logicalNames.forEach(name -> parts.add(SchemaPart.ofLogicalDatabase(name)));
        String target = config.migrateVersion();
        List<CheckResult> checks = new ArrayList<>();
        List<SchemaDifference> differences = new ArrayList<>();
        String comparedWith;
        Dialect dialect;
        String location;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            dialect = DialectDetector.detect(metaData);
            location = Secrets.mask(metaData.getURL()) + " (" + metaData.getDatabaseProductName() + " "
                    + metaData.getDatabaseProductVersion() + ")";
            if (ReleaseSchemas.factsDialects(dialect).isEmpty()) {
                DetectedRelease found = ReleaseDetector.byMarkers(connection, dialect, parts);
                comparedWith = "the tables and columns each release added (no schema facts for " + dialect
                        .scriptName() + ": types, keys and indexes are not compared)";
                checks.add(new CheckResult("release tables", "the tables and columns " + target + " added are there",
                        found.mayBe(target) ? Collections.<String>emptyList()
                                : Collections.singletonList("the schema is " + found.describe())));
            } else {
                Optional<ReleaseComparison> comparison = ReleaseDetector.compareWith(
                        ReleaseSchemas.narrowed(LiveSchemaReader.read(connection, dialect), parts), target, parts);
                comparedWith = comparison.map(ReleaseComparison::facts).orElse("no schema facts of " + target);
                comparison.ifPresent(c -> differences.addAll(c.differences()));
                if (!comparison.isPresent()) {
                    checks.add(new CheckResult("schema", "the schema facts of " + target, Collections.singletonList(
                            "no schema facts of " + target + " ship with this tool; the schema was not compared")));
                }
            }
            checks.add(ledgerCheck(logicalNames, steps));
            if (parts.contains(SchemaPart.IDENTITY) && !IDP_ID_RELEASE.isNewerThan(ReleaseVersion.parse(target))) {
                checks.add(new CheckResult("IDP_ID set", "access tokens, token-audit rows and authorization codes"
                        + " name their identity provider (5.8.0)", IdpIdAudit.rowsWithoutIdpId(connection)));
            }
        }
        if (parts.contains(SchemaPart.IDENTITY)) {
            for (String version : versions) {
                Path claims = resourcesDirectory.resolve(version).resolve(CLAIM_DATA);
                if (Files.isRegularFile(claims)) {
                    checks.add(claimsCheck(dataSource, dialect, claims, version));
                }
            }
        }
        return new DatabaseVerdict(dataSourceName, new ArrayList<>(logicalNames), dialect.scriptName(), location,
                comparedWith, differences, checks);
    }

    /** Every step of the chain on this database recorded as successful. */
    private static CheckResult ledgerCheck(Set<String> logicalNames, List<StepReport> steps) {
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (StepReport step : steps) {
            if (step.database() == null || !logicalNames.contains(step.database())) {
                continue;
            }
            count++;
            if (step.outcome() != StepReport.Outcome.ALREADY_APPLIED) {
                failures.add(step.stepKey() + ": " + step.outcome()
                        + (step.notes().isEmpty() ? "" : ", " + String.join("; ", step.notes())));
            }
        }
        return new CheckResult("ledger", "the " + count + " steps of the configured chain on this database are"
                + " recorded as successful", failures);
    }

    private CheckResult claimsCheck(DataSource identity, Dialect dialect, Path claims, String version)
            throws MigrationException, SQLException {
        DataSource um = locator.locate(config.dataSources().get("um"));
        Dialect umDialect;
        try (Connection connection = um.getConnection()) {
            umDialect = DialectDetector.detect(connection.getMetaData());
        }
        TenantSelection selection = TenantSelection.of(config.runSettings());
        return new CheckResult("tenant claims " + version, "the super tenant and every tenant ("
                + selection.describe() + ") have the claims of " + resourcesDirectory.relativize(claims),
                ClaimsAudit.tenantsLackingClaims(new DataSourceDatabase("identity", dialect, identity),
                        new DataSourceDatabase("um", umDialect, um), claims, version, selection));
    }
}

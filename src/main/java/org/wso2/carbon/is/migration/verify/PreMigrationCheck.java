package org.wso2.carbon.is.migration.verify;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.database.CatalogLookup;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.database.Db2IndexTablespaces;
import org.wso2.carbon.is.migration.database.DialectDetector;
import org.wso2.carbon.is.migration.datasource.DataSourceException;
import org.wso2.carbon.is.migration.datasource.DataSourceLocator;
import org.wso2.carbon.is.migration.datasource.TimeBoundDataSource;
import org.wso2.carbon.is.migration.engine.MigrationEngine;
import org.wso2.carbon.is.migration.engine.PlanBuilder;
import org.wso2.carbon.is.migration.engine.PlannedStep;
import org.wso2.carbon.is.migration.ledger.Ledger;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.migrator.oauth.OAuthDataMigrator;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.schema.DetectedRelease;
import org.wso2.carbon.is.migration.schema.ReleaseDetector;
import org.wso2.carbon.is.migration.schema.ReleaseSchemas;
import org.wso2.carbon.is.migration.schema.SchemaPart;

/**
 * Before a migration, each database the config names: it can be reached (the cause when not), its engine, which
 * release its schema is and whether that is currentVersion (what {@code migrate} would refuse), the big tables the
 * data step walks with the time it may take, and on DB2 whether the token and code tables keep their indexes in a
 * 32K tablespace (with the guide's statements to move them when not). Reads only.
 */
public final class PreMigrationCheck {

    private final MigrationConfig config;
    private final List<String> configWarnings;
    private final DataSourceLocator locator;

    public PreMigrationCheck(MigrationConfig config, List<String> configWarnings, DataSourceLocator locator) {
        this.config = config;
        this.configWarnings = Collections.unmodifiableList(new ArrayList<>(configWarnings));
        // Bounded like the migration's connections: an unreachable server fails within connectTimeoutSeconds.
        this.locator = TimeBoundDataSource.bounding(locator, config.timeLimits().connectTimeoutSeconds() * 1000L);
    }

    /** Checks every database; a configuration whose versions cannot be planned is thrown. */
    public VerificationReport run() throws ConfigException {
        Set<String> chainVersions = PlanBuilder.build(config).steps().stream().map(PlannedStep::version)
                .collect(Collectors.toCollection(TreeSet::new));
        VerificationReport report = new VerificationReport("check", MigrationEngine.newRunId(),
                config.currentVersion(), config.currentVersion(), String.valueOf(config.source()));
        configWarnings.forEach(report::warn);
        Map<String, Set<String>> logicalByDataSource = new LinkedHashMap<>();
        config.dataSources().forEach((logical, dataSource) ->
                logicalByDataSource.computeIfAbsent(dataSource, k -> new TreeSet<>()).add(logical));
        logicalByDataSource.forEach((dataSource, logical) -> report.add(check(dataSource, logical, chainVersions)));
        report.finish();
        return report;
    }

    private DatabaseVerdict check(String dataSourceName, Set<String> logicalNames, Set<String> chainVersions) {
        Set<SchemaPart> parts = EnumSet.noneOf(SchemaPart.class);
        logicalNames.forEach(name -> parts.add(SchemaPart.ofLogicalDatabase(name)));
        List<CheckResult> checks = new ArrayList<>();
        String dialectName = null;
        String location = null;
        long start = System.nanoTime();
        try {
            DataSource dataSource = locator.locate(dataSourceName);
            try (Connection connection = dataSource.getConnection()) {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                DatabaseMetaData metaData = connection.getMetaData();
                Dialect dialect = DialectDetector.detect(metaData);
                dialectName = dialect.scriptName();
                location = Secrets.mask(metaData.getURL()) + " (" + metaData.getDatabaseProductName() + " "
                        + metaData.getDatabaseProductVersion() + ")";
                checks.add(new CheckResult("connection", "connects and logs in", Collections.singletonList(
                        "connected in " + millis + " ms"), Collections.<String>emptyList()));
                checks.add(release(connection, new Ledger(dataSource, dialect), dialect, parts, chainVersions));
                if (parts.contains(SchemaPart.IDENTITY)
                        && CatalogLookup.tableExists(connection, Db2IndexTablespaces.TABLES.get(0))) {
                    checks.add(new CheckResult("big tables", "the rows the OAuth data step walks, and the time it"
                            + " may take", Collections.singletonList(OAuthDataMigrator.preFlight(connection,
                            DatabaseEngine.of(dialect))), Collections.<String>emptyList()));
                    if (dialect == Dialect.DB2) {
                        checks.add(db2IndexTablespaces(connection));
                    }
                }
            }
        } catch (DataSourceException | SQLException | LedgerException e) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            checks.add(new CheckResult("connection", "connects and logs in", Collections.<String>emptyList(),
                    Collections.singletonList("failed after " + millis + " ms: " + Secrets.mask(e.getMessage()))));
        }
        return new DatabaseVerdict(dataSourceName, new ArrayList<>(logicalNames), dialectName, location, null,
                Collections.emptyList(), checks);
    }

    private CheckResult release(Connection connection, Ledger ledger, Dialect dialect, Set<SchemaPart> parts,
                                Set<String> chainVersions) throws SQLException, LedgerException {
        String current = config.currentVersion();
        String checked = "the schema is at currentVersion " + current;
        if (ledger.recordsAnyOf(chainVersions)) {
            return new CheckResult("release", checked, Collections.singletonList("the ledger records steps of this"
                    + " migration: migrate continues it"), Collections.<String>emptyList());
        }
        if (!ReleaseSchemas.RELEASES.contains(current)) {
            return new CheckResult("release", checked, Collections.singletonList("not checked: no schema"
                    + " description of " + current + " ships with this tool"), Collections.<String>emptyList());
        }
        DetectedRelease found = ReleaseDetector.detect(connection, dialect, parts);
        List<String> notes = new ArrayList<>();
        notes.add("found: " + found.describe());
        found.differences().forEach(difference -> notes.add("differs from " + found.closest() + ": " + difference));
        List<String> failures = new ArrayList<>();
        if (found.noIdentityServerSchema()) {
            failures.add("no Identity Server table: is this the database the server uses?");
        }
        String mismatch = found.mismatch(current, config.migrateVersion());
        if (mismatch != null) {
            failures.add("the schema " + mismatch + "; migrate refuses it");
        }
        return new CheckResult("release", checked, notes, failures);
    }

    /** The guide's DB2 step: the token and code tables' indexes in a 32K tablespace. */
    private static CheckResult db2IndexTablespaces(Connection connection) throws SQLException {
        String schema = connection.getSchema().trim();
        List<Db2IndexTablespaces.IndexRow> indexes = Db2IndexTablespaces.indexRows(connection, schema);
        List<Db2IndexTablespaces.TablespaceRow> tablespaces = Db2IndexTablespaces.tablespaceRows(connection);
        List<String> failures = new ArrayList<>(Db2IndexTablespaces.misplaced(indexes, tablespaces));
        List<String> statements = Db2IndexTablespaces.statementsToMove(schema, indexes, tablespaces);
        if (!statements.isEmpty()) {
            failures.add("move them before migrating (needs SQLADM or DBADM authority), as the 5.9.0 guide does:\n"
                    + statements.stream().map(statement -> statement + ";").collect(Collectors.joining("\n")));
        }
        return new CheckResult("DB2 index tablespace", "the indexes of " + String.join(" and ",
                Db2IndexTablespaces.TABLES) + " are in a tablespace of 32K pages", Collections.<String>emptyList(),
                failures);
    }
}

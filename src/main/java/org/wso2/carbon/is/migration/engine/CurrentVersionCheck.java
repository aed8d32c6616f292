package org.wso2.carbon.is.migration.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.api.MigrationException;
import org.wso2.carbon.is.migration.api.Migrator;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.ledger.LedgerException;
import org.wso2.carbon.is.migration.report.MigrationReport;
import org.wso2.carbon.is.migration.report.Secrets;
import org.wso2.carbon.is.migration.schema.DetectedRelease;
import org.wso2.carbon.is.migration.schema.ReleaseDetector;
import org.wso2.carbon.is.migration.schema.ReleaseSchemas;
import org.wso2.carbon.is.migration.schema.SchemaPart;

/**
 * Before any step is planned, each database the steps change is compared with {@code currentVersion}: the scripts
 * of a release assume the schema of the release before it, and run on another one they leave a database half
 * migrated (a 5.7.0 database run with currentVersion 5.8.0 gets the 5.9.0 tables but never IDP_ID). A database
 * whose schema is another release is refused, all of them in one message that says what was found and what to set,
 * before anything changes.
 *
 * <p>Not refused: a database whose ledger records steps of this migration (a re-run or a resume: its schema is
 * between the two releases by design), and one that holds no Identity Server table at all (nothing of the
 * Identity Server to damage; warned about). A currentVersion whose schema does not ship with the tool (before
 * 5.5.0) is not checked, with a warning. {@code skipVersionCheck} skips the check with a warning.
 */
final class CurrentVersionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentVersionCheck.class);
    private static final int DIFFERENCES_SHOWN = 5;

    private final MigrationConfig config;
    private final MigrationPlan plan;

    CurrentVersionCheck(MigrationConfig config, MigrationPlan plan) {
        this.config = config;
        this.plan = plan;
    }

    /**
     * Checks every database the steps name. A step whose database cannot be named or reached is left to the
     * planning, which reports it.
     *
     * @return false when the check itself could not be done (the report says why): the run must stop
     * @throws ConfigException when a database is not at currentVersion, naming the currentVersion line
     */
    boolean check(List<PlannedStep> steps, List<Migrator> migrators, TargetDatabases databases,
                  MigrationReport report) throws ConfigException {
        if (!ReleaseSchemas.RELEASES.contains(plan.currentVersion())) {
            report.warn("No schema description of " + plan.currentVersion() + " ships with this tool (it has "
                    + String.join(", ", ReleaseSchemas.RELEASES) + "), so the databases were not checked to be at"
                    + " currentVersion");
            return true;
        }
        Map<TargetDatabase, Set<SchemaPart>> parts = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            try {
                String logical = migrators.get(i).identify(steps.get(i).parameters()).database();
                parts.computeIfAbsent(databases.forLogical(logical), t -> EnumSet.noneOf(SchemaPart.class))
                        .add(SchemaPart.ofLogicalDatabase(logical));
            } catch (MigrationException | RuntimeException e) {
                LOG.debug("[{}] not checked here; the plan reports it: {}", steps.get(i).id(), e.getMessage());
            }
        }
        Set<String> chainVersions = steps.stream().map(PlannedStep::version).collect(Collectors.toSet());
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<TargetDatabase, Set<SchemaPart>> entry : parts.entrySet()) {
            TargetDatabase target = entry.getKey();
            // One connection held for the ledger's reads too: an embedded H2 database closes with its last
            // connection, and is then opened once for the whole check rather than once per read.
            try (Connection connection = target.dataSource().getConnection()) {
                if (target.ledger().recordsAnyOf(chainVersions)) {
                    LOG.info("{}: its ledger records steps of this migration; continuing it",
                            target.dataSourceName());
                    continue;
                }
                DetectedRelease found = ReleaseDetector.detect(connection, target.dialect(), entry.getValue());
                String refusal = judge(target, found, report);
                if (refusal != null) {
                    refusals.add(refusal);
                }
            } catch (SQLException | LedgerException e) {
                report.fail("Could not read the schema of " + target.dataSourceName() + " to check that it is at "
                        + "currentVersion " + plan.currentVersion() + ": " + Secrets.mask(e.getMessage())
                        + ". Nothing was changed. If you know the schema is at " + plan.currentVersion()
                        + ", set skipVersionCheck: \"true\" (or --skip-version-check) to migrate without the check.");
                return false;
            }
        }
        if (!refusals.isEmpty()) {
            throw new ConfigException(config.source(), config.lineOf("currentVersion"), "currentVersion",
                    "is \"" + plan.currentVersion() + "\", but " + String.join("; ", refusals)
                            + ". Nothing was changed. If you are sure, set skipVersionCheck: \"true\" (or pass"
                            + " --skip-version-check) to migrate anyway.");
        }
        return true;
    }

    /** Null when the database may be migrated from currentVersion; otherwise what was found and what to set. */
    private String judge(TargetDatabase target, DetectedRelease found, MigrationReport report) {
        String name = target.dataSourceName() + " (" + String.join(", ", target.logicalNames()) + ")";
        if (found.noIdentityServerSchema()) {
            report.warn(name + " holds no Identity Server table, so its release could not be checked");
            return null;
        }
        String mismatch = found.mismatch(plan.currentVersion(), plan.migrateVersion());
        if (mismatch != null) {
            return name + " " + mismatch + (found.differences().isEmpty() ? "" : " [" + shown(found) + "]");
        }
        if (!found.differences().isEmpty()) {
            report.warn(name + " is " + found.describe() + ": " + shown(found));
        }
        LOG.info("{} is at {}, as currentVersion says", name, found.describe());
        return null;
    }

    private static String shown(DetectedRelease found) {
        List<String> shown = found.differences().stream().limit(DIFFERENCES_SHOWN).map(Object::toString)
                .collect(Collectors.toList());
        int more = found.differences().size() - shown.size();
        return String.join("; ", shown) + (more > 0 ? "; and " + more + " more" : "");
    }
}

package org.wso2.carbon.is.migration.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.MigrationConfig;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;

/**
 * Turns a configuration into the ordered list of steps to run. Where the legacy tool stopped silently at a missing
 * version entry and ran migrators in list position regardless of {@code order}, this refuses an incomplete or
 * ambiguous configuration before anything touches a database.
 */
public final class PlanBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(PlanBuilder.class);

    private PlanBuilder() {
    }

    /**
     * @return the steps of every known release after {@code currentVersion} up to and including
     *         {@code migrateVersion}, release by release, each release's steps by {@code order}
     * @throws ConfigException naming file, line and key when a version is unknown or not newer, a release on the way
     *                         has no entry or two, or an {@code order} is below 1 or repeated within a release
     */
    public static MigrationPlan build(MigrationConfig config) throws ConfigException {
        Path file = config.source();
        ReleaseVersion current = knownRelease(config, "currentVersion", config.currentVersion());
        ReleaseVersion target = knownRelease(config, "migrateVersion", config.migrateVersion());
        if (target.equals(current)) {
            throw new ConfigException(file, config.lineOf("migrateVersion"), "migrateVersion", target + " is the same"
                    + " as currentVersion: nothing to migrate; set migrateVersion to a newer release");
        }
        if (current.isNewerThan(target)) {
            throw new ConfigException(file, config.lineOf("migrateVersion"), "migrateVersion", target + " is older"
                    + " than currentVersion " + current + ": migrating backwards is not supported");
        }
        Map<ReleaseVersion, VersionConfig> entries = entriesInRange(config, current, target);
        List<PlannedStep> steps = new ArrayList<>();
        for (ReleaseVersion release : ReleaseVersion.KNOWN_RELEASES) {
            if (release.isNewerThan(current) && !release.isNewerThan(target)) {
                VersionConfig entry = entries.get(release);
                if (entry == null) {
                    throw new ConfigException(file, config.lineOf("versions"), "versions", "no entry for version "
                            + release + ", which lies between currentVersion " + current + " and migrateVersion "
                            + target + "; every release on the way needs its own entry");
                }
                steps.addAll(stepsOf(file, release, entry));
            }
        }
        return new MigrationPlan(current.toString(), target.toString(), steps);
    }

    private static ReleaseVersion knownRelease(MigrationConfig config, String key, String text)
            throws ConfigException {
        ReleaseVersion version;
        try {
            version = ReleaseVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source(), config.lineOf(key), 0, key, e.getMessage(), e);
        }
        if (!version.isKnown()) {
            throw new ConfigException(config.source(), config.lineOf(key), key, version + " is not a known Identity"
                    + " Server release; known releases: " + ReleaseVersion.knownReleasesText());
        }
        return version;
    }

    /** The one entry of each release in (current, target]; entries for other releases are not needed. */
    private static Map<ReleaseVersion, VersionConfig> entriesInRange(MigrationConfig config, ReleaseVersion current,
                                                                    ReleaseVersion target) throws ConfigException {
        Map<ReleaseVersion, VersionConfig> entries = new HashMap<>();
        for (VersionConfig entry : config.versions()) {
            ReleaseVersion version;
            try {
                version = ReleaseVersion.parse(entry.version());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(config.source(), entry.line(), 0, "version", e.getMessage(), e);
            }
            if (!version.isNewerThan(current) || version.isNewerThan(target)) {
                LOG.debug("Skipping the versions entry for {} at {}:{}: outside {} -> {}", version, config.source(),
                        entry.line(), current, target);
                continue;
            }
            VersionConfig earlier = entries.putIfAbsent(version, entry);
            if (earlier != null) {
                throw new ConfigException(config.source(), entry.line(), "versions", "version " + version
                        + " has two entries (lines " + earlier.line() + " and " + entry.line() + "); keep one");
            }
        }
        return entries;
    }

    /** The migrators of one release sorted by {@code order}, which must be 1 or more and unique. */
    private static List<PlannedStep> stepsOf(Path file, ReleaseVersion release, VersionConfig entry)
            throws ConfigException {
        Map<Integer, MigratorConfig> byOrder = new HashMap<>();
        for (MigratorConfig migrator : entry.migratorConfigs()) {
            if (migrator.order() < 1) {
                throw new ConfigException(file, migrator.line(), "order", migrator.name() + " in version "
                        + entry.version() + " has order " + migrator.order() + "; orders start at 1");
            }
            MigratorConfig earlier = byOrder.putIfAbsent(migrator.order(), migrator);
            if (earlier != null) {
                throw new ConfigException(file, migrator.line(), "order", "order " + migrator.order()
                        + " is used twice in version " + entry.version() + " (line " + earlier.line() + ": "
                        + earlier.name() + ", line " + migrator.line() + ": " + migrator.name()
                        + "); give each migrator its own position");
            }
        }
        List<MigratorConfig> sorted = new ArrayList<>(entry.migratorConfigs());
        sorted.sort(Comparator.comparingInt(MigratorConfig::order));
        List<PlannedStep> steps = new ArrayList<>();
        for (MigratorConfig migrator : sorted) {
            steps.add(new PlannedStep(release.toString(), migrator.order(), migrator.name(), migrator.parameters(),
                    file + ":" + migrator.line()));
        }
        return steps;
    }
}

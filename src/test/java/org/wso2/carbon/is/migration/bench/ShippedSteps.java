package org.wso2.carbon.is.migration.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.config.ConfigException;
import org.wso2.carbon.is.migration.config.ConfigLoader;
import org.wso2.carbon.is.migration.config.MigratorConfig;
import org.wso2.carbon.is.migration.config.VersionConfig;
import org.wso2.carbon.is.migration.engine.ReleaseVersion;
import org.wso2.carbon.is.migration.testsupport.IsHome;

/**
 * The steps the shipped {@code migration-resources/migration-config.yaml} runs from a given release on, in the
 * order the tool runs them. The floor replays the same list (so that it always does the same DDL as the tool), and
 * the tool's per-step figures are matched to it by version and order.
 */
record ShippedSteps(Path resources, String configText, List<Step> steps) {

    /** One configured step. */
    record Step(String version, int order, String migrator, Map<String, String> parameters) {

        /** {@code 5.8.0/2 OAuthDataMigrator}, the way the table names a step. */
        String label() {
            String location = parameters.get("location");
            return version + "/" + order + " " + migrator + (location == null ? "" : " " + location + "/"
                    + parameters.getOrDefault("schema", "?"));
        }

        boolean isDataStep() {
            return migrator.equals(OAuthDataStep.MIGRATOR);
        }
    }

    /** The project's configuration, from {@code fromVersion} (exclusive) on. */
    static ShippedSteps from(String fromVersion) throws Exception {
        Path resources = IsHome.projectResources();
        Path file = resources.resolve("migration-config.yaml");
        String text = Files.readString(file);
        List<VersionConfig> versions;
        try {
            versions = ConfigLoader.load(file).config().versions();
        } catch (ConfigException e) {
            throw new IllegalStateException("The shipped " + file + " does not load: " + e.getMessage(), e);
        }
        ReleaseVersion from = ReleaseVersion.parse(fromVersion);
        List<Step> steps = new ArrayList<>();
        versions.stream()
                .filter(version -> ReleaseVersion.parse(version.version()).isNewerThan(from))
                .sorted(Comparator.comparing(version -> ReleaseVersion.parse(version.version())))
                .forEach(version -> version.migratorConfigs().stream()
                        .sorted(Comparator.comparingInt(MigratorConfig::order))
                        .forEach(step -> steps.add(new Step(version.version(), step.order(), step.name(),
                                step.parameters()))));
        if (steps.stream().noneMatch(Step::isDataStep)) {
            throw new IllegalStateException(file + " has no " + OAuthDataStep.MIGRATOR + " step after " + fromVersion
                    + "; the benchmark measures it");
        }
        return new ShippedSteps(resources, text, List.copyOf(steps));
    }
}

package org.wso2.carbon.is.migration.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One migrator to run, in plan order.
 *
 * @param version        the release the step migrates to, e.g. "5.9.0"
 * @param order          its {@code order} within that release
 * @param migratorName   the migrator, e.g. "SchemaMigrator"
 * @param parameters     its parameters as written in the file
 * @param configLocation {@code <file>:<line>} of its entry in migration-config.yaml, for messages and reports
 */
public record PlannedStep(String version, int order, String migratorName, Map<String, String> parameters,
                          String configLocation) {
    public PlannedStep {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(migratorName, "migratorName");
        Objects.requireNonNull(configLocation, "configLocation");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * A name for the step that stays the same across runs of the same configuration, e.g.
     * {@code 5.9.0#1:SchemaMigrator}: version and order identify the entry, the name guards against an edited file
     * reusing an order for another migrator.
     */
    public String id() {
        return version + "#" + order + ":" + migratorName;
    }
}

package org.wso2.carbon.is.migration.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One migrator to run, in plan order.
 *
 * @param version        the release the step migrates to, e.g. "5.9.0"
 * @param order          its {@code order} within that release
 * @param migratorName   the migrator, e.g. "SchemaMigrator"
 * @param parameters     its parameters as written in the file
 * @param configLocation {@code <file>:<line>} of its entry in migration-config.yaml, for messages and reports
 */
public final class PlannedStep {
    private final String version;
    private final int order;
    private final String migratorName;
    private final Map<String, String> parameters;
    private final String configLocation;

    public PlannedStep(String version, int order, String migratorName, Map<String, String> parameters,
                       String configLocation) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(migratorName, "migratorName");
        Objects.requireNonNull(configLocation, "configLocation");
        this.version = version;
        this.order = order;
        this.migratorName = migratorName;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.configLocation = configLocation;
    }

    public String version() {
        return version;
    }

    public int order() {
        return order;
    }

    public String migratorName() {
        return migratorName;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public String configLocation() {
        return configLocation;
    }

    /** The entry as written in the config, e.g. {@code SchemaMigrator {location: step1, schema: identity}}. */
    public String describe() {
        if (parameters.isEmpty()) {
            return migratorName;
        }
        return migratorName + parameters.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", ", " {", "}"));
    }

    /**
     * A name for the step that stays the same across runs of the same configuration, e.g.
     * {@code 5.9.0#1:SchemaMigrator}: version and order identify the entry, the name guards against an edited file
     * reusing an order for another migrator.
     */
    public String id() {
        return version + "#" + order + ":" + migratorName;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof PlannedStep)) {
            return false;
        }
        PlannedStep that = (PlannedStep) other;
        return order == that.order && version.equals(that.version) && migratorName.equals(that.migratorName)
                && parameters.equals(that.parameters) && configLocation.equals(that.configLocation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, order, migratorName, parameters, configLocation);
    }

    @Override
    public String toString() {
        return "PlannedStep[version=" + version + ", order=" + order + ", migratorName=" + migratorName
                + ", parameters=" + parameters + ", configLocation=" + configLocation + "]";
    }
}

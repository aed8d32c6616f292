package org.wso2.carbon.is.migration.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code migratorConfigs} entry: {@code {name: SchemaMigrator, order: 1, parameters: {location: step1}}}.
 *
 * @param name       the migrator to run
 * @param order      its position within the version (1 runs first)
 * @param parameters the free-form parameters, every value as the text the operator wrote ({@code 1000} -> "1000"),
 *                   in file order; empty when the entry has none
 * @param line       1-based line of the entry in the file, for messages
 */
public final class MigratorConfig {
    private final String name;
    private final int order;
    private final Map<String, String> parameters;
    private final int line;

    public MigratorConfig(String name, int order, Map<String, String> parameters, int line) {
        Objects.requireNonNull(name, "name");
        // Keep the operator's order of parameters (Map.copyOf would not) for readable logs and reports.
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.name = name;
        this.order = order;
        this.parameters = parameters;
        this.line = line;
    }

    public String name() {
        return name;
    }

    public int order() {
        return order;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public int line() {
        return line;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MigratorConfig)) {
            return false;
        }
        MigratorConfig that = (MigratorConfig) other;
        return Objects.equals(name, that.name) && order == that.order && Objects.equals(parameters, that.parameters)
                && line == that.line;
    }

    @Override
    public int hashCode() {
        // The combination a record uses: 31 * h + the hash of each component, in order, starting from 0.
        int hash = Objects.hashCode(name);
        hash = 31 * hash + Integer.hashCode(order);
        hash = 31 * hash + Objects.hashCode(parameters);
        return 31 * hash + Integer.hashCode(line);
    }

    @Override
    public String toString() {
        return "MigratorConfig[name=" + name + ", order=" + order + ", parameters=" + parameters + ", line=" + line
                + "]";
    }
}

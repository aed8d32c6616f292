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
public record MigratorConfig(String name, int order, Map<String, String> parameters, int line) {
    public MigratorConfig {
        Objects.requireNonNull(name, "name");
        // Keep the operator's order of parameters (Map.copyOf would not) for readable logs and reports.
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}

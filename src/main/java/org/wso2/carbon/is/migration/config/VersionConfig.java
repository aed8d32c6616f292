package org.wso2.carbon.is.migration.config;

import java.util.List;
import java.util.Objects;

/**
 * One {@code versions} entry: the migrators that take the databases to {@code version}.
 *
 * @param version         the release this entry migrates to, e.g. "5.9.0"
 * @param migratorConfigs the entries in file order (the plan sorts them by {@code order})
 * @param line            1-based line of the entry in the file, for messages
 */
public record VersionConfig(String version, List<MigratorConfig> migratorConfigs, int line) {
    public VersionConfig {
        Objects.requireNonNull(version, "version");
        migratorConfigs = List.copyOf(migratorConfigs);
    }
}

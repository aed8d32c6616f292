package org.wso2.carbon.is.migration.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that loaded, with the warnings found on the way (unknown keys, values that are ignored), each
 * naming file, line and key. The loader has already logged them; callers may also put them in a report.
 */
public record LoadedConfig(MigrationConfig config, List<String> warnings) {
    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        warnings = List.copyOf(warnings);
    }
}

package org.wso2.carbon.is.migration.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A configuration that loaded, with the warnings found on the way (unknown keys, values that are ignored), each
 * naming file, line and key. The loader has already logged them; callers may also put them in a report.
 */
public final class LoadedConfig {
    private final MigrationConfig config;
    private final List<String> warnings;

    public LoadedConfig(MigrationConfig config, List<String> warnings) {
        Objects.requireNonNull(config, "config");
        // An unmodifiable copy that, like List.copyOf, refuses null entries.
        List<String> copy = new ArrayList<>(warnings);
        copy.forEach(Objects::requireNonNull);
        this.config = config;
        this.warnings = Collections.unmodifiableList(copy);
    }

    public MigrationConfig config() {
        return config;
    }

    public List<String> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof LoadedConfig)) {
            return false;
        }
        LoadedConfig that = (LoadedConfig) other;
        return Objects.equals(config, that.config) && Objects.equals(warnings, that.warnings);
    }

    @Override
    public int hashCode() {
        // The combination a record uses: 31 * h + the hash of each component, in order, starting from 0.
        return 31 * Objects.hashCode(config) + Objects.hashCode(warnings);
    }

    @Override
    public String toString() {
        return "LoadedConfig[config=" + config + ", warnings=" + warnings + "]";
    }
}

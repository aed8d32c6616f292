package org.wso2.carbon.is.migration.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One {@code versions} entry: the migrators that take the databases to {@code version}.
 *
 * @param version         the release this entry migrates to, e.g. "5.9.0"
 * @param migratorConfigs the entries in file order (the plan sorts them by {@code order})
 * @param line            1-based line of the entry in the file, for messages
 */
public final class VersionConfig {
    private final String version;
    private final List<MigratorConfig> migratorConfigs;
    private final int line;

    public VersionConfig(String version, List<MigratorConfig> migratorConfigs, int line) {
        Objects.requireNonNull(version, "version");
        // An unmodifiable copy that, like List.copyOf, refuses null entries.
        List<MigratorConfig> copy = new ArrayList<>(migratorConfigs);
        copy.forEach(Objects::requireNonNull);
        this.version = version;
        this.migratorConfigs = Collections.unmodifiableList(copy);
        this.line = line;
    }

    public String version() {
        return version;
    }

    public List<MigratorConfig> migratorConfigs() {
        return migratorConfigs;
    }

    public int line() {
        return line;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof VersionConfig)) {
            return false;
        }
        VersionConfig that = (VersionConfig) other;
        return Objects.equals(version, that.version) && Objects.equals(migratorConfigs, that.migratorConfigs)
                && line == that.line;
    }

    @Override
    public int hashCode() {
        // The combination a record uses: 31 * h + the hash of each component, in order, starting from 0.
        int hash = Objects.hashCode(version);
        hash = 31 * hash + Objects.hashCode(migratorConfigs);
        return 31 * hash + Integer.hashCode(line);
    }

    @Override
    public String toString() {
        return "VersionConfig[version=" + version + ", migratorConfigs=" + migratorConfigs + ", line=" + line + "]";
    }
}

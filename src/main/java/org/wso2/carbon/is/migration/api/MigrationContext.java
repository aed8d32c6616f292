package org.wso2.carbon.is.migration.api;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** What a migrator sees of the run it is part of. */
@ProviderType
public interface MigrationContext {

    /** The release this step migrates to ({@code versions[].version}). */
    String version();

    /** The step's {@code order} within its version. */
    int order();

    /** The step's {@code parameters}, values as strings. */
    Map<String, String> parameters();

    /** A parameter, or the default when absent. */
    default String parameter(String key, String defaultValue) {
        String value = parameters().get(key);
        return value == null ? defaultValue : value;
    }

    /** True in a dry run: plan and read, never write. */
    boolean dryRun();

    /** {@code <carbon.home>/migration-resources} (or the folder the operator named). */
    Path resourcesDirectory();

    /** A logical database by name ({@code identity}, {@code um}, {@code consent}, {@code uma}, {@code registry}). */
    MigrationDatabase database(String logicalName) throws MigrationException;

    /** Where the step reports rows, notes and checkpoints. */
    StepProgress progress();

    /** The config's run-wide settings ({@code batchUpdate}, the tenant range, ...), validated and typed. */
    RunSettings settings();
}

package org.wso2.carbon.is.migration.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** The options every command shares. */
final class StandaloneOptions {

    @Option(names = "--is-home", required = true, paramLabel = "DIR",
            description = "The new Identity Server's home (<NEW_IS_HOME>): its repository/conf/deployment.toml "
                    + "names the databases, its repository/components/lib holds the JDBC drivers.")
    Path isHome;

    @Option(names = "--config", paramLabel = "FILE",
            description = "migration-config.yaml to use (default: <is-home>/migration-resources/migration-config.yaml)")
    Path config;

    @Option(names = "--resources", paramLabel = "DIR",
            description = "The migration-resources folder (default: <is-home>/migration-resources)")
    Path resources;

    @Option(names = "--lib", paramLabel = "DIR",
            description = "Another folder of JDBC driver jars (repeatable); searched with repository/components/lib")
    List<Path> libDirs = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report to this file")
    Path report;

    Path resourcesDirectory() {
        return resources != null ? resources : isHome.resolve("migration-resources");
    }

    Path configFile() {
        return config != null ? config : resourcesDirectory().resolve("migration-config.yaml");
    }

    /** A problem with the given paths, or null. */
    String problem() {
        if (!Files.isDirectory(isHome)) {
            return "--is-home " + isHome + " is not a directory";
        }
        for (Path dir : libDirs) {
            if (!Files.isDirectory(dir)) {
                return "--lib " + dir + " is not a directory";
            }
        }
        return null;
    }
}

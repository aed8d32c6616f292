package org.wso2.carbon.is.migration.cli;

import picocli.CommandLine.Option;

/** The switch of the commands that plan a migration: run without checking each database's release. */
final class VersionCheckOption {

    @Option(names = "--skip-version-check",
            description = "Do not refuse a database whose schema is not at currentVersion (as skipVersionCheck: "
                    + "\"true\" in migration-config.yaml). Only when you know better than the check.")
    boolean skip;
}

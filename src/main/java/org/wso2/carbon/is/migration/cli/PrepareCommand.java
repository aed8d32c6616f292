package org.wso2.carbon.is.migration.cli;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.wso2.carbon.is.migration.api.ErrorCode;
import org.wso2.carbon.is.migration.prepare.PrepareException;
import org.wso2.carbon.is.migration.prepare.PrepareReport;
import org.wso2.carbon.is.migration.prepare.PrepareRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {
            "Carry what the 5.9.0 migration guide copies by hand from the old IS home to the new one: custom OSGi "
                    + "bundles (repository/components/dropins), JARs of repository/components/lib the new "
                    + "distribution does not have, the keystores of repository/resources/security, "
                    + "repository/tenants and the secondary user stores (repository/deployment/server/userstores).",
            "A file of the new home that differs is kept aside (<name>.before-prepare) before it is replaced; a lib "
                    + "JAR the new distribution has under the same name is kept. A re-run copies nothing new.",
            "Every carried keystore is opened (passwords from the old carbon.xml, the new deployment.toml, or "
                    + "--keystore-password) and each entry's algorithm and key size listed. When the old server's "
                    + "encryption keystore has an RSA key under 2048 bits, the guide's [keystore.internal] (the "
                    + "old keystore) and [keystore.primary] (a strong one) sections are printed, passwords masked.",
            "Exit codes: 0 the new home is ready; 1 a check failed: a carried keystore could not be opened, the "
                    + "keystore deployment.toml's [keystore.primary] names has no RSA key of 2048 bits or more "
                    + "after the copy, or the old encryption keystore has a weak key and [keystore.internal] does "
                    + "not name it; 2 bad usage: a home that is missing or not an IS home, or a keystore password "
                    + "that does not open its keystore (nothing is changed then)."})
final class PrepareCommand implements Callable<Integer> {

    @Option(names = "--old-is-home", required = true, paramLabel = "DIR",
            description = "The Identity Server home migrated from (5.7.0, 5.8.0): its repository/conf/carbon.xml "
                    + "names the keystores")
    File oldHome;

    @Option(names = "--new-is-home", required = true, paramLabel = "DIR",
            description = "The IS 5.9.0 home: its repository/conf/deployment.toml names the keystores")
    File newHome;

    @Option(names = "--dry-run", description = "List every action and change nothing")
    boolean dryRun;

    @Option(names = "--write-config",
            description = "Add the keystore sections for a weak key to deployment.toml when it has none of "
                    + "that name; the rest of the file is kept as it was")
    boolean writeConfig;

    @Option(names = "--keystore-password", paramLabel = "FILE=PASSWORD",
            description = "The password of a keystore file (by file name, e.g. wso2carbon.jks=...); repeatable. "
                    + "Wins over carbon.xml and deployment.toml.")
    Map<String, String> keystorePasswords = new LinkedHashMap<>();

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write the JSON report to this file (default: "
                    + "<new-is-home>/migration-resources/reports/prepare-<time>.json)")
    File report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (File home : new File[] {oldHome, newHome}) {
            if (!home.isDirectory()) {
                spec.commandLine().getErr().println((home == oldHome ? "--old-is-home " : "--new-is-home ") + home
                        + " is not a directory");
                return ErrorCode.BAD_CONFIGURATION.exitCode();
            }
        }
        try {
            PrepareReport result = new PrepareRun(oldHome, newHome).dryRun(dryRun).writeConfig(writeConfig)
                    .keystorePasswords(keystorePasswords).reportTo(report).run();
            spec.commandLine().getOut().print(result.summary());
            spec.commandLine().getOut().flush();
            return result.exitCode();
        } catch (PrepareException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.errorCode().exitCode();
        }
    }
}

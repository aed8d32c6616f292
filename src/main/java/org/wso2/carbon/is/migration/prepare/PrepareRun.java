package org.wso2.carbon.is.migration.prepare;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.io.FileUtils;
import org.wso2.carbon.is.migration.datasource.DeploymentToml;
import org.wso2.carbon.is.migration.prepare.keystore.CarbonXmlKeystores;
import org.wso2.carbon.is.migration.prepare.keystore.DeploymentTomlAppender;
import org.wso2.carbon.is.migration.prepare.keystore.DeploymentTomlKeystores;
import org.wso2.carbon.is.migration.prepare.keystore.KeystoreInspection;
import org.wso2.carbon.is.migration.prepare.keystore.KeystoreReview;
import org.wso2.carbon.is.migration.prepare.keystore.KeystoreSettings;

/**
 * {@code prepare}: steps 1 to 5 of the 5.9.0 migration guide and its weak-key note, done and checked. Everything is
 * read and decided first (the plan, every keystore opened); only then, unless it is a dry run, are the files copied
 * and deployment.toml extended. So a usage error (a wrong home, a keystore password that does not open its keystore)
 * changes nothing.
 */
public final class PrepareRun {

    private final File oldHome;
    private final File newHome;
    private boolean dryRun;
    private boolean writeConfig;
    private Map<String, String> keystorePasswords = Collections.emptyMap();
    private File reportFile;

    public PrepareRun(File oldHome, File newHome) {
        this.oldHome = oldHome;
        this.newHome = newHome;
    }

    /** List every action and change nothing. */
    public PrepareRun dryRun(boolean dryRun) {
        this.dryRun = dryRun;
        return this;
    }

    /** Add the guide's keystore sections to deployment.toml when they are needed and absent. */
    public PrepareRun writeConfig(boolean writeConfig) {
        this.writeConfig = writeConfig;
        return this;
    }

    /** Keystore passwords the operator gives, by file name; they win over the configured ones. */
    public PrepareRun keystorePasswords(Map<String, String> passwords) {
        this.keystorePasswords = new LinkedHashMap<>(passwords);
        return this;
    }

    /** Where to write the JSON report (default: {@code <new home>/migration-resources/reports}). */
    public PrepareRun reportTo(File file) {
        this.reportFile = file;
        return this;
    }

    public PrepareReport run() throws PrepareException {
        checkHomes();
        Map<String, KeystoreSettings> carbonXml = CarbonXmlKeystores.read(oldHome);
        DeploymentTomlKeystores deploymentToml = DeploymentTomlKeystores.read(newHome);
        List<FileAction> actions = new CarryOverPlanner(oldHome, newHome).plan(CarryOverRules.all());
        KeystoreReview keystores = KeystoreReview.of(carbonXml, deploymentToml, keystorePasswords,
                carriedKeystores(actions), new PlannedSecurityFolder(actions));

        List<String> sectionsToAdd = new ArrayList<>();
        List<String> configChanges = new ArrayList<>();
        boolean addInternal = false;
        boolean addPrimary = false;
        if (keystores.internalSection(true) != null) {
            addInternal = !deploymentToml.hasSection(DeploymentTomlKeystores.INTERNAL);
            addPrimary = !deploymentToml.hasSection(DeploymentTomlKeystores.PRIMARY)
                    && keystores.primarySection(true) != null;
            describeConfigChanges(deploymentToml, addInternal, addPrimary, configChanges);
            if (writeConfig) {
                if (addInternal) {
                    sectionsToAdd.add(keystores.internalSection(false));
                }
                if (addPrimary) {
                    sectionsToAdd.add(keystores.primarySection(false));
                }
            }
        }
        List<Verdict> verdicts = verdicts(actions, keystores, deploymentToml, writeConfig && addInternal,
                writeConfig && addPrimary);

        if (!dryRun) {
            CarryOver.apply(actions);
            if (!sectionsToAdd.isEmpty()) {
                DeploymentTomlAppender.append(deploymentToml.file(), "Added by the migration client's prepare "
                        + "command: the 5.9.0 migration guide's keystores for a weak (under 2048-bit) RSA key",
                        sectionsToAdd);
            }
        }
        List<String> sections = new ArrayList<>();
        if (keystores.internalSection(true) != null) {
            sections.add(keystores.internalSection(true));
        }
        if (keystores.primarySection(true) != null) {
            sections.add(keystores.primarySection(true));
        }
        PrepareReport report = new PrepareReport(oldHome, newHome, dryRun, actions, keystores.carried(), sections,
                configChanges, keystores.notes(), verdicts);
        writeReport(report);
        return report;
    }

    private void checkHomes() throws PrepareException {
        if (!CarbonXmlKeystores.fileUnder(oldHome).isFile()) {
            throw new PrepareException("--old-is-home " + oldHome + " is not an IS 5.x home: it has no "
                    + "repository/conf/carbon.xml");
        }
        if (!DeploymentToml.fileUnder(newHome.toPath()).toFile().isFile()) {
            throw new PrepareException("--new-is-home " + newHome + " is not an IS 5.9.0 home: it has no "
                    + "repository/conf/deployment.toml");
        }
        try {
            if (oldHome.getCanonicalFile().equals(newHome.getCanonicalFile())) {
                throw new PrepareException("--old-is-home and --new-is-home are the same folder: " + newHome);
            }
        } catch (IOException e) {
            throw new PrepareException("Cannot resolve " + oldHome + " or " + newHome + ": " + e.getMessage(), e);
        }
    }

    private static List<File> carriedKeystores(List<FileAction> actions) {
        List<File> files = new ArrayList<>();
        for (FileAction action : actions) {
            if (action.rule() == CarryOverRules.KEYSTORES) {
                files.add(action.source());
            }
        }
        return files;
    }

    private void describeConfigChanges(DeploymentTomlKeystores toml, boolean addInternal, boolean addPrimary,
            List<String> changes) {
        String verb = !writeConfig ? "--write-config would add " : dryRun ? "would add " : "added ";
        if (addInternal) {
            changes.add(verb + "[" + DeploymentTomlKeystores.INTERNAL + "]");
        } else {
            changes.add("[" + DeploymentTomlKeystores.INTERNAL + "] is already in " + toml.file().getName()
                    + ": not changed; check it names the old keystore");
        }
        if (addPrimary) {
            changes.add(verb + "[" + DeploymentTomlKeystores.PRIMARY + "]");
        } else if (toml.hasSection(DeploymentTomlKeystores.PRIMARY)) {
            changes.add("[" + DeploymentTomlKeystores.PRIMARY + "] is already in " + toml.file().getName()
                    + ": not changed; check it names a keystore with a strong key");
        }
    }

    private static List<Verdict> verdicts(List<FileAction> actions, KeystoreReview keystores,
            DeploymentTomlKeystores toml, boolean addingInternal, boolean addingPrimary) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(new Verdict("files", Verdict.Status.OK, countsOf(actions)));
        List<String> custom = new ArrayList<>();
        for (FileAction action : actions) {
            if (action.mayNeedUpdating()) {
                custom.add(action.path().substring(action.path().lastIndexOf('/') + 1));
            }
        }
        verdicts.add(custom.isEmpty() ? new Verdict("custom bundles", Verdict.Status.OK, "none")
                : new Verdict("custom bundles", Verdict.Status.REVIEW, "check they are built for 5.9.0: "
                        + String.join(", ", custom)));
        for (KeystoreInspection keystore : keystores.carried()) {
            verdicts.add(keystoreVerdict(keystore));
        }
        KeystoreSettings primary = keystores.primary();
        boolean primaryStrong = addingPrimary || keystores.primaryAfterRunStrong();
        String primaryFile = addingPrimary ? keystores.proposedPrimaryFile() : primary.fileName();
        verdicts.add(new Verdict("primary keystore", primaryStrong ? Verdict.Status.OK : Verdict.Status.FAILED,
                primaryStrong ? primaryFile + ": key " + primary.alias() + " is strong enough for 5.9.0"
                        : primaryFile + " (deployment.toml [keystore.primary]) has no key of "
                        + "2048 bits or more at alias " + primary.alias() + " after the copy: IS 5.9.0 needs one"));
        if (keystores.oldEncryptionKeyWeak()) {
            String wanted = keystores.oldEncryptionKeystore().fileName();
            String internalFile = addingInternal ? keystores.proposedInternalFile()
                    : toml.hasSection(DeploymentTomlKeystores.INTERNAL)
                    ? toml.settings(DeploymentTomlKeystores.INTERNAL).fileName() : primary.fileName();
            boolean handled = wanted.equals(internalFile);
            verdicts.add(new Verdict("internal keystore", handled ? Verdict.Status.OK : Verdict.Status.FAILED,
                    handled ? internalFile + " (the old encryption keystore, weak key kept for decryption)"
                            : "the old data is encrypted with " + wanted + " (weak key), but the internal keystore "
                            + "is " + internalFile + ": add the [keystore.internal] section shown above "
                            + "(--write-config adds it when absent)"));
        }
        return verdicts;
    }

    private static Verdict keystoreVerdict(KeystoreInspection keystore) {
        String name = "keystore " + keystore.file().getName();
        if (!keystore.opened()) {
            return new Verdict(name, Verdict.Status.FAILED, keystore.problem());
        }
        int weak = keystore.weakKeys().size();
        return new Verdict(name, Verdict.Status.OK, keystore.entries().size() + " entries"
                + (weak == 0 ? "" : ", " + weak + " weak RSA key" + (weak == 1 ? "" : "s")));
    }

    private static String countsOf(List<FileAction> actions) {
        Map<FileAction.Kind, Integer> counts = new LinkedHashMap<>();
        for (FileAction.Kind kind : FileAction.Kind.values()) {
            counts.put(kind, 0);
        }
        for (FileAction action : actions) {
            counts.put(action.kind(), counts.get(action.kind()) + 1);
        }
        return counts.get(FileAction.Kind.COPY) + " to copy, " + counts.get(FileAction.Kind.REPLACE)
                + " to replace (kept aside), " + counts.get(FileAction.Kind.ALREADY_THERE) + " already there, "
                + counts.get(FileAction.Kind.KEPT_NEW) + " kept as the new distribution has them";
    }

    private void writeReport(PrepareReport report) throws PrepareException {
        File file = reportFile != null ? reportFile : new File(newHome, "migration-resources/reports/prepare-"
                + new SimpleDateFormat("yyyyMMdd-HHmmss").format(new Date()) + ".json");
        try {
            FileUtils.writeStringToFile(file, report.toJson(), StandardCharsets.UTF_8);
            report.reportFile(file);
        } catch (IOException e) {
            throw new PrepareException("Cannot write the report to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The new home's security folder as the plan leaves it. */
    private final class PlannedSecurityFolder implements KeystoreReview.SecurityFolder {
        private final List<FileAction> actions;

        PlannedSecurityFolder(List<FileAction> actions) {
            this.actions = actions;
        }

        @Override
        public File contentAfterRun(String name) {
            FileAction action = keystoreAction(name);
            return action != null && action.kind() != FileAction.Kind.KEPT_NEW ? action.source()
                    : securityFile(name);
        }

        @Override
        public File keptAsideContent(String name) {
            FileAction action = keystoreAction(name);
            if (action != null && action.kind() == FileAction.Kind.REPLACE) {
                return action.target();
            }
            File earlier = securityFile(name + CarryOverPlanner.BACKUP_SUFFIX);
            return earlier.isFile() ? earlier : null;
        }

        @Override
        public String keptAsideName(String name) {
            FileAction action = keystoreAction(name);
            return action != null && action.kind() == FileAction.Kind.REPLACE ? action.backup().getName()
                    : name + CarryOverPlanner.BACKUP_SUFFIX;
        }

        private FileAction keystoreAction(String name) {
            for (FileAction action : actions) {
                if (action.rule() == CarryOverRules.KEYSTORES && action.source().getName().equals(name)) {
                    return action;
                }
            }
            return null;
        }

        private File securityFile(String name) {
            return new File(newHome, CarryOverRules.KEYSTORES.folder() + "/" + name);
        }
    }
}

package org.wso2.carbon.is.migration.prepare.keystore;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.wso2.carbon.is.migration.prepare.PrepareException;

/**
 * The keystore half of {@code prepare}: opens every keystore carried from the old home and the keystore the new home
 * will use as its primary one, and, when the key the old server encrypted its data with is an RSA key under 2048
 * bits, works out the guide's {@code [keystore.internal]} / {@code [keystore.primary]} sections.
 *
 * <p>IS 5.x encrypts with carbon.xml's {@code <InternalKeyStore>} when it has one, else with its {@code <KeyStore>}.
 * That keystore must stay the 5.9.0 internal keystore, or the data already encrypted cannot be read; the primary
 * keystore must hold a key of 2048 bits or more. For the primary one this review proposes, in order: the new home's
 * primary keystore when it is strong after the copy, else the new distribution's own primary keystore that the copy
 * kept aside, when that is strong. With neither, the operator has to make one.
 */
public final class KeystoreReview {

    /** What the new home's security folder will hold for a file name, and where its original content is kept. */
    public interface SecurityFolder {
        /** The file whose content will be at {@code repository/resources/security/<name>} after the run. */
        File contentAfterRun(String name);

        /**
         * The new home's own file of that name that the run keeps aside (or an earlier run kept aside): the file to
         * read it from now, or null when there is none.
         */
        File keptAsideContent(String name);

        /** The name it is kept aside under. */
        String keptAsideName(String name);
    }

    private final List<KeystoreInspection> carried = new ArrayList<>();
    private KeystoreInspection primaryAfterRun;
    private KeystoreSettings primary;
    private KeystoreSettings oldEncryptionKeystore;
    private KeystoreInspection oldEncryption;
    private KeystoreSettings proposedInternal;
    private KeystoreSettings proposedPrimary;
    private String proposedInternalType;
    private String proposedPrimaryType;
    private final List<String> notes = new ArrayList<>();

    private KeystoreReview() {
    }

    /**
     * @param carriedKeystores the old home's keystore files that the run carries (or carried) to the new home
     * @param optionPasswords  passwords the operator gave, by keystore file name
     */
    public static KeystoreReview of(Map<String, KeystoreSettings> carbonXml, DeploymentTomlKeystores deploymentToml,
            Map<String, String> optionPasswords, List<File> carriedKeystores, SecurityFolder securityFolder)
            throws PrepareException {
        KeystoreReview review = new KeystoreReview();
        List<KeystoreSettings> known = new ArrayList<>(carbonXml.values());
        known.addAll(deploymentToml.all());
        for (File file : carriedKeystores) {
            review.carried.add(KeystoreInspector.inspect(file, candidates(file.getName(), optionPasswords, known)));
        }
        KeystoreSettings primary = deploymentToml.settings(DeploymentTomlKeystores.PRIMARY);
        review.primary = primary;
        File primaryFile = securityFolder.contentAfterRun(primary.fileName());
        review.primaryAfterRun = primaryFile.isFile()
                ? KeystoreInspector.inspect(primaryFile, candidates(primary.fileName(), optionPasswords,
                        withFirst(primary, known)))
                : null;
        review.oldEncryptionKeystore = carbonXml.containsKey(CarbonXmlKeystores.INTERNAL)
                ? carbonXml.get(CarbonXmlKeystores.INTERNAL) : carbonXml.get(CarbonXmlKeystores.PRIMARY);
        review.oldEncryption = review.oldEncryptionKeystore == null ? null
                : review.carriedNamed(review.oldEncryptionKeystore.fileName());
        if (review.oldEncryptionKeyWeak()) {
            review.propose(primary, securityFolder, optionPasswords);
        }
        return review;
    }

    private static List<KeystoreSettings> withFirst(KeystoreSettings first, List<KeystoreSettings> rest) {
        List<KeystoreSettings> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The operator's password first, then every configured keystore of that file name. */
    private static List<KeystoreSettings> candidates(String fileName, Map<String, String> optionPasswords,
            List<KeystoreSettings> known) {
        List<KeystoreSettings> candidates = new ArrayList<>();
        if (optionPasswords.containsKey(fileName)) {
            candidates.add(new KeystoreSettings("--keystore-password " + fileName, fileName, null,
                    optionPasswords.get(fileName), null, null));
        }
        for (KeystoreSettings settings : known) {
            if (fileName.equals(settings.fileName())) {
                candidates.add(settings);
            }
        }
        return candidates;
    }

    private void propose(KeystoreSettings primary, SecurityFolder securityFolder,
            Map<String, String> optionPasswords) throws PrepareException {
        KeystoreSettings old = oldEncryptionKeystore;
        String password = oldEncryption.openedWith().password();
        proposedInternal = new KeystoreSettings("the old " + old.source(), old.fileName(), null, password,
                old.alias(), old.keyPassword() != null ? old.keyPassword() : password);
        proposedInternalType = oldEncryption.format().name();
        if (primaryAfterRun != null && !primary.fileName().equals(old.fileName())
                && primaryAfterRun.strongKeyAt(primary.alias())) {
            proposedPrimary = primary;
            proposedPrimaryType = primaryAfterRun.format().name();
            return;
        }
        File keptAside = securityFolder.keptAsideContent(primary.fileName());
        if (keptAside == null) {
            notes.add("No keystore with an RSA key of " + KeyEntryFacts.MINIMUM_RSA_BITS + " bits or more is known "
                    + "for [keystore.primary]: create one in repository/resources/security and point "
                    + "[keystore.primary] at it");
            return;
        }
        String name = securityFolder.keptAsideName(primary.fileName());
        // The operator may name it as it will be called; the new home's [keystore.primary] was written for it.
        List<KeystoreSettings> passwords = candidates(name, optionPasswords,
                Collections.<KeystoreSettings>emptyList());
        passwords.add(primary);
        KeystoreInspection original = KeystoreInspector.inspect(keptAside, passwords);
        if (original.strongKeyAt(primary.alias())) {
            String storePassword = original.openedWith().password();
            proposedPrimary = new KeystoreSettings("the new distribution's " + primary.fileName() + ", kept as "
                    + name, name, null, storePassword, primary.alias(),
                    original.openedWith() == primary ? primary.keyPassword() : storePassword);
            proposedPrimaryType = original.format().name();
            notes.add("[keystore.primary] is proposed on the new distribution's own " + primary.fileName()
                    + " (kept as " + name + "): it has a strong key, but its certificate is the distribution's "
                    + "default one; for production, point [keystore.primary] at your own keystore");
        } else {
            notes.add("The new distribution's own " + primary.fileName() + " (kept as " + name + ") has no strong key at alias "
                    + primary.alias() + " either: create a keystore with an RSA key of "
                    + KeyEntryFacts.MINIMUM_RSA_BITS + " bits or more and point [keystore.primary] at it");
        }
    }

    private KeystoreInspection carriedNamed(String fileName) {
        for (KeystoreInspection inspection : carried) {
            if (inspection.file().getName().equals(fileName)) {
                return inspection;
            }
        }
        return null;
    }

    /** Every carried keystore, opened or with why not. */
    public List<KeystoreInspection> carried() {
        return Collections.unmodifiableList(carried);
    }

    /** The keystore file the new home's {@code [keystore.primary]} names, as it will be after the run; or null. */
    public KeystoreInspection primaryAfterRun() {
        return primaryAfterRun;
    }

    /** The new home's {@code [keystore.primary]} as configured (the server's defaults for what it leaves out). */
    public KeystoreSettings primary() {
        return primary;
    }

    /** Whether the key {@code [keystore.primary]} names will be strong enough for IS 5.9.0 after the run. */
    public boolean primaryAfterRunStrong() {
        return primaryAfterRun != null && primaryAfterRun.strongKeyAt(primary.alias());
    }

    /** The old server's encryption keystore, as carbon.xml names it; null when carbon.xml names none. */
    public KeystoreSettings oldEncryptionKeystore() {
        return oldEncryptionKeystore;
    }

    /** Whether the key the old server encrypted with is an RSA key under 2048 bits. */
    public boolean oldEncryptionKeyWeak() {
        return oldEncryption != null && oldEncryption.opened()
                && oldEncryption.weakKeyAt(oldEncryptionKeystore.alias());
    }

    /** The guide's {@code [keystore.internal]}: the old encryption keystore; null unless its key is weak. */
    public String internalSection(boolean maskPasswords) {
        return proposedInternal == null ? null : KeystoreBlocks.section(DeploymentTomlKeystores.INTERNAL,
                proposedInternal, proposedInternalType, maskPasswords);
    }

    /** The guide's {@code [keystore.primary]} on a strong key; null when none is known or no change is needed. */
    public String primarySection(boolean maskPasswords) {
        return proposedPrimary == null ? null : KeystoreBlocks.section(DeploymentTomlKeystores.PRIMARY,
                proposedPrimary, proposedPrimaryType, maskPasswords);
    }

    /** The file the proposed {@code [keystore.internal]} names; null when none is proposed. */
    public String proposedInternalFile() {
        return proposedInternal == null ? null : proposedInternal.fileName();
    }

    /** The proposed primary keystore's file and whether its key is strong; null when none is proposed. */
    public String proposedPrimaryFile() {
        return proposedPrimary == null ? null : proposedPrimary.fileName();
    }

    /** What the operator should know about the proposal. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }
}

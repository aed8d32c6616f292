package org.wso2.carbon.is.migration.prepare.keystore;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.io.FileUtils;
import org.wso2.carbon.is.migration.prepare.PrepareException;

/**
 * Opens keystore files with the passwords the homes' configuration gives for them and lists their entries. Only
 * public facts are read (algorithms and key sizes come from the certificates), so no key password is needed.
 */
public final class KeystoreInspector {

    private KeystoreInspector() {
    }

    /**
     * Opens a keystore with the first of the candidate passwords that opens it.
     *
     * @param candidates settings naming this file, most trusted first; their passwords are tried in order
     * @throws PrepareException when every candidate password is refused (a wrong password is a usage error: the
     *                          operator has to give the right one)
     */
    public static KeystoreInspection inspect(File file, List<KeystoreSettings> candidates) throws PrepareException {
        byte[] content;
        try {
            content = FileUtils.readFileToByteArray(file);
        } catch (IOException e) {
            throw new PrepareException("Cannot read keystore " + file + ": " + e.getMessage(), e);
        }
        KeystoreFormat format = KeystoreFormat.of(content);
        if (format == null) {
            return KeystoreInspection.notOpened(file, null, "not a JKS, JCEKS or PKCS12 keystore");
        }
        List<String> refused = new ArrayList<>();
        for (KeystoreSettings candidate : candidates) {
            if (candidate.password() == null) {
                continue;
            }
            try {
                KeyStore store = load(format, content, candidate.password().toCharArray());
                return KeystoreInspection.opened(file, format, candidate, entriesOf(store));
            } catch (IOException e) {
                if (!(e.getCause() instanceof UnrecoverableKeyException)) {
                    return KeystoreInspection.notOpened(file, format, "cannot be read: " + e.getMessage());
                }
                refused.add(candidate.source());
            } catch (GeneralSecurityException e) {
                return KeystoreInspection.notOpened(file, format, "cannot be read: " + e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw new PrepareException("The keystore " + file + " does not open with the password of "
                    + String.join(", nor of ", refused) + ": give its password with --keystore-password "
                    + file.getName() + "=<password>");
        }
        return KeystoreInspection.notOpened(file, format, "no password is known for it (none in the old carbon.xml "
                + "or the new deployment.toml names this file in plain text): give it with --keystore-password "
                + file.getName() + "=<password>");
    }

    private static KeyStore load(KeystoreFormat format, byte[] content, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(format.name());
        store.load(new ByteArrayInputStream(content), password);
        return store;
    }

    private static List<KeyEntryFacts> entriesOf(KeyStore store) throws GeneralSecurityException {
        List<String> aliases = Collections.list(store.aliases());
        Collections.sort(aliases);
        List<KeyEntryFacts> entries = new ArrayList<>();
        for (String alias : aliases) {
            Certificate certificate = store.getCertificate(alias);
            if (store.isKeyEntry(alias)) {
                entries.add(certificate == null
                        ? new KeyEntryFacts(alias, KeyEntryFacts.Kind.SECRET_KEY, null, -1)
                        : KeyEntryFacts.of(alias, KeyEntryFacts.Kind.PRIVATE_KEY, certificate.getPublicKey()));
            } else if (certificate != null) {
                entries.add(KeyEntryFacts.of(alias, KeyEntryFacts.Kind.TRUSTED_CERTIFICATE,
                        certificate.getPublicKey()));
            }
        }
        return entries;
    }
}

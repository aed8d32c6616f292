package org.wso2.carbon.is.migration.prepare.keystore;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one keystore file holds, or why it could not be opened. */
public final class KeystoreInspection {

    private final File file;
    private final KeystoreFormat format;
    private final KeystoreSettings openedWith;
    private final List<KeyEntryFacts> entries;
    private final String problem;

    private KeystoreInspection(File file, KeystoreFormat format, KeystoreSettings openedWith,
            List<KeyEntryFacts> entries, String problem) {
        this.file = file;
        this.format = format;
        this.openedWith = openedWith;
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        this.problem = problem;
    }

    static KeystoreInspection opened(File file, KeystoreFormat format, KeystoreSettings openedWith,
            List<KeyEntryFacts> entries) {
        return new KeystoreInspection(file, format, openedWith, entries, null);
    }

    static KeystoreInspection notOpened(File file, KeystoreFormat format, String problem) {
        return new KeystoreInspection(file, format, null, Collections.<KeyEntryFacts>emptyList(), problem);
    }

    public File file() {
        return file;
    }

    /** The file's format; null when it is not a keystore format the tool knows. */
    public KeystoreFormat format() {
        return format;
    }

    /** The settings whose password opened the keystore; null when it was not opened. */
    public KeystoreSettings openedWith() {
        return openedWith;
    }

    public boolean opened() {
        return problem == null;
    }

    /** Why the keystore could not be opened; null when it was. */
    public String problem() {
        return problem;
    }

    public List<KeyEntryFacts> entries() {
        return entries;
    }

    /** The key pair entries whose RSA key is too small for IS 5.9.0. */
    public List<KeyEntryFacts> weakKeys() {
        List<KeyEntryFacts> weak = new ArrayList<>();
        for (KeyEntryFacts entry : entries) {
            if (entry.weakRsaKey()) {
                weak.add(entry);
            }
        }
        return weak;
    }

    /**
     * Whether the key the server would use is strong enough: the key pair at {@code alias}, or, with no alias
     * configured, every key pair of the keystore. False when the keystore was not opened or has no such key pair.
     */
    public boolean strongKeyAt(String alias) {
        boolean found = false;
        for (KeyEntryFacts entry : entries) {
            if (entry.kind() == KeyEntryFacts.Kind.PRIVATE_KEY && (alias == null || alias.equals(entry.alias()))) {
                if (entry.weakRsaKey()) {
                    return false;
                }
                found = true;
            }
        }
        return opened() && found;
    }

    /** Whether the key the server would use (see {@link #strongKeyAt(String)}) is a weak RSA key. */
    public boolean weakKeyAt(String alias) {
        for (KeyEntryFacts entry : weakKeys()) {
            if (alias == null || alias.equals(entry.alias())) {
                return true;
            }
        }
        return false;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", file.getName());
        map.put("format", format == null ? null : format.name());
        map.put("opened", opened());
        map.put("passwordFrom", openedWith == null ? null : openedWith.source());
        map.put("problem", problem);
        List<Object> list = new ArrayList<>();
        for (KeyEntryFacts entry : entries) {
            list.add(entry.toMap());
        }
        map.put("entries", list);
        return map;
    }

    /** Lines for the console: the file, then one line per entry. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (!opened()) {
            lines.add(file.getName() + ": NOT INSPECTED: " + problem);
            return lines;
        }
        lines.add(file.getName() + " (" + format + ", opened with the password of " + openedWith.source() + ")");
        for (KeyEntryFacts entry : entries) {
            lines.add("  " + entry.describe());
        }
        return lines;
    }
}

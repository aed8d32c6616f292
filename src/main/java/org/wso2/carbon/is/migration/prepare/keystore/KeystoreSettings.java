package org.wso2.carbon.is.migration.prepare.keystore;

/**
 * A keystore as a configuration file names it: the file, its type, passwords and key alias, and where that was read
 * ({@code carbon.xml <KeyStore>}, {@code deployment.toml [keystore.primary]}). A password is null when the file does
 * not give it in plain text; {@link #toString()} never shows one.
 */
public final class KeystoreSettings {

    private final String source;
    private final String fileName;
    private final String type;
    private final String password;
    private final String alias;
    private final String keyPassword;

    public KeystoreSettings(String source, String fileName, String type, String password, String alias,
            String keyPassword) {
        this.source = source;
        this.fileName = fileName;
        this.type = type;
        this.password = password;
        this.alias = alias;
        this.keyPassword = keyPassword;
    }

    /** Where these settings were read. */
    public String source() {
        return source;
    }

    /** The keystore's file name (the last part of its location). */
    public String fileName() {
        return fileName;
    }

    /** JKS, PKCS12, ... as configured; null when not given. */
    public String type() {
        return type;
    }

    /** The store password; null when not given in plain text. */
    public String password() {
        return password;
    }

    /** The alias of the key the server uses; null when not given. */
    public String alias() {
        return alias;
    }

    /** The key's password; null when not given in plain text. */
    public String keyPassword() {
        return keyPassword;
    }

    @Override
    public String toString() {
        return source + " (" + fileName + ")";
    }
}

package org.wso2.carbon.is.migration.prepare.keystore;

import org.wso2.carbon.is.migration.report.Secrets;

/**
 * The {@code deployment.toml} sections the 5.9.0 migration guide asks for when the old keystore has an RSA key under
 * 2048 bits ("Migrating to 5.9.0", step 3): {@code [keystore.internal]} pointing at the keystore copied from the old
 * home, which the data in the databases is encrypted with, and {@code [keystore.primary]} pointing at a keystore with
 * a strong key. The same text is printed with the passwords masked and written with them.
 */
public final class KeystoreBlocks {

    private KeystoreBlocks() {
    }

    /** A section with every key the guide's blocks have; passwords as given, or masked. */
    public static String section(String section, KeystoreSettings keystore, String type, boolean maskPasswords) {
        String password = keystore.password();
        String keyPassword = keystore.keyPassword() != null ? keystore.keyPassword() : password;
        return "[" + section + "]\n"
                + "file_name = " + quoted(keystore.fileName()) + "\n"
                + "type = " + quoted(type) + "\n"
                + "password = " + quoted(maskPasswords ? Secrets.MASK : password) + "\n"
                + "alias = " + quoted(keystore.alias()) + "\n"
                + "key_password = " + quoted(maskPasswords ? Secrets.MASK : keyPassword) + "\n";
    }

    /** A TOML basic string. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

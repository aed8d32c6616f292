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

    /**
     * A section with the keys the guide's blocks have, passwords as given or masked. A key with no value (an alias
     * carbon.xml did not give) is left out, so the server's default applies.
     */
    public static String section(String section, KeystoreSettings keystore, String type, boolean maskPasswords) {
        String password = keystore.password();
        String keyPassword = keystore.keyPassword() != null ? keystore.keyPassword() : password;
        StringBuilder out = new StringBuilder("[").append(section).append("]\n");
        line(out, "file_name", keystore.fileName());
        line(out, "type", type);
        line(out, "password", maskPasswords && password != null ? Secrets.MASK : password);
        line(out, "alias", keystore.alias());
        line(out, "key_password", maskPasswords && keyPassword != null ? Secrets.MASK : keyPassword);
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        if (value != null) {
            out.append(key).append(" = ").append(quoted(value)).append('\n');
        }
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

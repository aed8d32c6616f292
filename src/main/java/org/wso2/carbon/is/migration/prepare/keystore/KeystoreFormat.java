package org.wso2.carbon.is.migration.prepare.keystore;

/**
 * A keystore file's real format, read from its first bytes: a file's name or its configured type can be wrong, and
 * Java 9 and later open JKS and PKCS12 files under either type, so the type the JDK reports proves nothing.
 */
public enum KeystoreFormat {
    JKS, JCEKS, PKCS12;

    private static final int JKS_MAGIC = 0xFEEDFEED;
    private static final int JCEKS_MAGIC = 0xCECECECE;
    /** A PKCS#12 file is one DER SEQUENCE. */
    private static final int DER_SEQUENCE = 0x30;

    /** The format of a file starting with these bytes; null when it is none of them. */
    public static KeystoreFormat of(byte[] start) {
        if (start.length >= 4) {
            int magic = ((start[0] & 0xFF) << 24) | ((start[1] & 0xFF) << 16) | ((start[2] & 0xFF) << 8)
                    | (start[3] & 0xFF);
            if (magic == JKS_MAGIC) {
                return JKS;
            }
            if (magic == JCEKS_MAGIC) {
                return JCEKS;
            }
        }
        if (start.length > 0 && (start[0] & 0xFF) == DER_SEQUENCE) {
            return PKCS12;
        }
        return null;
    }
}

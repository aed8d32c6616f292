package org.wso2.carbon.is.migration.prepare.keystore;

import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of a keystore: its alias, what it holds, the key's algorithm and size in bits. */
public final class KeyEntryFacts {

    /** IS 5.9.0 needs RSA keys of at least this size (the 5.9.0 migration guide, "Migrating to 5.9.0", step 3). */
    public static final int MINIMUM_RSA_BITS = 2048;

    public enum Kind {
        PRIVATE_KEY, SECRET_KEY, TRUSTED_CERTIFICATE
    }

    private final String alias;
    private final Kind kind;
    private final String algorithm;
    private final int bits;

    KeyEntryFacts(String alias, Kind kind, String algorithm, int bits) {
        this.alias = alias;
        this.kind = kind;
        this.algorithm = algorithm;
        this.bits = bits;
    }

    /** The facts of an entry whose public key is known (a key pair's certificate, or a trusted certificate). */
    static KeyEntryFacts of(String alias, Kind kind, PublicKey key) {
        return new KeyEntryFacts(alias, kind, key.getAlgorithm(), sizeOf(key));
    }

    private static int sizeOf(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return ((RSAPublicKey) key).getModulus().bitLength();
        }
        if (key instanceof ECPublicKey) {
            return ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPublicKey) {
            return ((DSAPublicKey) key).getParams().getP().bitLength();
        }
        return -1;
    }

    public String alias() {
        return alias;
    }

    public Kind kind() {
        return kind;
    }

    /** RSA, EC, DSA...; null when it cannot be read without the key's password (a secret key). */
    public String algorithm() {
        return algorithm;
    }

    /** The key size in bits; -1 when unknown. */
    public int bits() {
        return bits;
    }

    /** A key pair whose RSA key is under {@link #MINIMUM_RSA_BITS}: IS 5.9.0 cannot use it as its primary key. */
    public boolean weakRsaKey() {
        return kind == Kind.PRIVATE_KEY && "RSA".equals(algorithm) && bits > 0 && bits < MINIMUM_RSA_BITS;
    }

    public String describe() {
        return alias + ": " + kind.name().toLowerCase().replace('_', ' ')
                + (algorithm == null ? "" : ", " + algorithm + (bits > 0 ? " " + bits + " bits" : ""))
                + (weakRsaKey() ? " (WEAK: under " + MINIMUM_RSA_BITS + " bits)" : "");
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("alias", alias);
        map.put("kind", kind.name());
        map.put("algorithm", algorithm);
        map.put("bits", bits > 0 ? bits : null);
        map.put("weakRsaKey", weakRsaKey());
        return map;
    }
}

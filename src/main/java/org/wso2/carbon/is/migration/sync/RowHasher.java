package org.wso2.carbon.is.migration.sync;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.Date;

/**
 * A hash of a row's values after normalising what engines and drivers write differently for equal data, so that
 * equal rows hash equal: numbers by value ({@code 1}, {@code 1.0}, an Integer or a Long), timestamps and dates by
 * their instant in milliseconds, CHAR padding removed, large objects by their bytes or text, booleans as 1/0,
 * NULL distinct from every value.
 */
final class RowHasher {

    private static final byte[] NULL = {0};
    private static final byte[] SEPARATOR = {1};

    private final MessageDigest digest;

    RowHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The first 8 bytes of the SHA-256 of the normalised values. */
    long hash(Object[] values) {
        digest.reset();
        for (Object value : values) {
            digest.update(normalised(value));
            digest.update(SEPARATOR);
        }
        byte[] full = digest.digest();
        long hash = 0;
        for (int i = 0; i < 8; i++) {
            hash = (hash << 8) | (full[i] & 0xFF);
        }
        return hash;
    }

    static byte[] normalised(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof byte[]) {
            return (byte[]) value;
        }
        String text;
        if (value instanceof Boolean) {
            text = ((Boolean) value) ? "1" : "0";
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            text = Long.toString(((Number) value).longValue()); // what the BigDecimal form gives, without one
        } else if (value instanceof Number) {
            text = new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        } else if (value instanceof Timestamp || value instanceof Date) {
            text = Long.toString(((Date) value).getTime());
        } else {
            text = rightTrimmed(value.toString());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String rightTrimmed(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }
}

package org.wso2.carbon.is.migration.sync;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Names of what the tool creates in the source database. Everything starts with {@value #PREFIX}, so cleanup can
 * find it in the catalog whatever configuration created it, and every name fits in 30 characters (Oracle before
 * 12.2): the table name is cut and a short checksum of the whole name keeps two long names that share their start
 * apart.
 */
final class SyncNames {

    /** The prefix of every object the tool creates. */
    static final String PREFIX = "ISS_";
    /** Parked changes the target refused too often, with their error. */
    static final String DEAD_LETTER_TABLE = PREFIX + "DEAD_LETTER";

    private static final int MAX_LENGTH = 30;

    private SyncNames() {
    }

    /** The journal of {@code table}: the keys of changed rows and the operation, in commit-independent id order. */
    static String journal(String table) {
        return PREFIX + "J_" + stem(table, MAX_LENGTH - PREFIX.length() - 2);
    }

    /** A trigger (or, on PostgreSQL, the trigger function) of {@code table}; {@code kind} is one letter. */
    static String trigger(String table, char kind) {
        return PREFIX + kind + "_" + stem(table, MAX_LENGTH - PREFIX.length() - 2);
    }

    private static String stem(String table, int length) {
        String upper = table.toUpperCase(Locale.ROOT);
        if (upper.length() <= length) {
            return upper;
        }
        CRC32 crc = new CRC32();
        crc.update(upper.getBytes(StandardCharsets.UTF_8));
        String check = String.format(Locale.ROOT, "%04X", crc.getValue() & 0xFFFF);
        return upper.substring(0, length - check.length() - 1) + "_" + check;
    }
}

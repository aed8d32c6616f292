package org.wso2.carbon.is.migration.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.wso2.carbon.is.migration.dialect.Dialect;

/**
 * A script file read and split into statements, with a checksum of its content so a ledger can tell whether the
 * script that ran before is the one about to run now.
 *
 * @param source     the name messages use for the script
 * @param checksum   SHA-256 (lower-case hex) of the UTF-8 text with CRLF line ends turned into LF, so that a checkout
 *                   with Windows line ends has the same checksum as one with Unix line ends
 * @param statements the statements, in order
 * @param transactional false when the script's leading comments say {@value #NO_TRANSACTION}: its statements must
 *                      each commit by themselves (PostgreSQL's {@code CREATE INDEX CONCURRENTLY} refuses to run
 *                      inside a transaction block)
 */
public record SqlScript(String source, String checksum, List<SqlStatement> statements, boolean transactional) {

    /** The directive, on a comment line before the first statement, that makes a script non-transactional. */
    public static final String NO_TRANSACTION = "-- @no-transaction";

    public SqlScript {
        statements = List.copyOf(statements);
    }

    /**
     * Reads and splits a script.
     *
     * @param displayName how messages name the file (e.g. its path relative to migration-resources)
     * @throws IOException        if the file cannot be read or is not valid UTF-8
     * @throws SqlScriptException if the text cannot be split (see {@link StatementSplitter})
     */
    public static SqlScript load(Path file, String displayName, Dialect dialect) throws IOException, SqlScriptException {
        String text = normaliseLineEnds(Files.readString(file, StandardCharsets.UTF_8));
        return new SqlScript(displayName, checksum(text), StatementSplitter.split(text, displayName, dialect),
                !declaresNoTransaction(text));
    }

    /** Whether a comment line before the first statement is {@value #NO_TRANSACTION}. */
    static boolean declaresNoTransaction(String text) {
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.startsWith("--")) {
                return false;
            }
            if (trimmed.equals(NO_TRANSACTION)) {
                return true;
            }
        }
        return false;
    }

    /** The checksum {@link #load} gives a script with this text. */
    public static String checksumOf(String text) {
        return checksum(normaliseLineEnds(text));
    }

    private static String normaliseLineEnds(String text) {
        return text.replace("\r\n", "\n");
    }

    private static String checksum(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest contract).
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}

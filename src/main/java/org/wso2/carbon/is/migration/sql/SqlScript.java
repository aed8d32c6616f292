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
 */
public record SqlScript(String source, String checksum, List<SqlStatement> statements) {

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
        return new SqlScript(displayName, checksum(text), StatementSplitter.split(text, displayName, dialect));
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

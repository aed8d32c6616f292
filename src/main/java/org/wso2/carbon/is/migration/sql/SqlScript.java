package org.wso2.carbon.is.migration.sql;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.wso2.carbon.is.migration.api.Dialect;

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
public final class SqlScript {

    /** The directive, on a comment line before the first statement, that makes a script non-transactional. */
    public static final String NO_TRANSACTION = "-- @no-transaction";

    private final String source;
    private final String checksum;
    private final List<SqlStatement> statements;
    private final boolean transactional;

    public SqlScript(String source, String checksum, List<SqlStatement> statements, boolean transactional) {
        // An unmodifiable copy that, like List.copyOf, refuses null entries.
        List<SqlStatement> copy = new ArrayList<>(statements);
        copy.forEach(Objects::requireNonNull);
        this.source = source;
        this.checksum = checksum;
        this.statements = Collections.unmodifiableList(copy);
        this.transactional = transactional;
    }

    public String source() {
        return source;
    }

    public String checksum() {
        return checksum;
    }

    public List<SqlStatement> statements() {
        return statements;
    }

    public boolean transactional() {
        return transactional;
    }

    /**
     * Reads and splits a script.
     *
     * @param displayName how messages name the file (e.g. its path relative to migration-resources)
     * @throws IOException        if the file cannot be read or is not valid UTF-8
     * @throws SqlScriptException if the text cannot be split (see {@link StatementSplitter})
     */
    public static SqlScript load(Path file, String displayName, Dialect dialect) throws IOException, SqlScriptException {
        // A decoder that reports malformed input, as Files.readString does, rather than replacing it.
        String text = normaliseLineEnds(StandardCharsets.UTF_8.newDecoder()
                .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
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
            StringBuilder hex = new StringBuilder();
            for (byte b : sha256.digest(text.getBytes(StandardCharsets.UTF_8))) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (java.security.MessageDigest contract).
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SqlScript)) {
            return false;
        }
        SqlScript that = (SqlScript) other;
        return Objects.equals(source, that.source) && Objects.equals(checksum, that.checksum)
                && Objects.equals(statements, that.statements) && transactional == that.transactional;
    }

    @Override
    public int hashCode() {
        // The combination a record uses: 31 * h + the hash of each component, in order, starting from 0.
        int hash = Objects.hashCode(source);
        hash = 31 * hash + Objects.hashCode(checksum);
        hash = 31 * hash + Objects.hashCode(statements);
        return 31 * hash + Boolean.hashCode(transactional);
    }

    @Override
    public String toString() {
        return "SqlScript[source=" + source + ", checksum=" + checksum + ", statements=" + statements
                + ", transactional=" + transactional + "]";
    }
}

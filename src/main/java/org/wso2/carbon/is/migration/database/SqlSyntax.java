package org.wso2.carbon.is.migration.database;

import java.util.Objects;
import java.util.Set;

/**
 * The lexical rules of one dialect that matter for finding where statements end: which quotes exist, how they
 * escape, which comments exist, and what ends a statement. Kept apart from the scanner ({@code sql.StatementSplitter})
 * so that the scanner reads as one algorithm; each engine states its own in {@link DatabaseEngine#sqlSyntax()}.
 */
public final class SqlSyntax {

    /** Lexical features that only some dialects have. */
    public enum Feature {
        /** Backslash escapes the next character inside '...' and "..." (MySQL, MariaDB). */
        BACKSLASH_ESCAPES,
        /** "..." is a string literal, not an identifier (MySQL, MariaDB without ANSI_QUOTES). */
        DOUBLE_QUOTED_STRINGS,
        /** `...` quotes identifiers (MySQL, MariaDB). */
        BACKTICK_IDENTIFIERS,
        /** [...] quotes identifiers (MSSQL). */
        BRACKET_IDENTIFIERS,
        /** '#' starts a line comment (MySQL, MariaDB). */
        HASH_COMMENTS,
        /** "--" starts a comment only when a space or control character follows (MySQL, MariaDB). */
        DASH_COMMENT_NEEDS_SPACE,
        /** "/*!" and "/*+" comments are executed (version-gated SQL, optimizer hints), so they count as SQL. */
        EXECUTABLE_COMMENTS,
        /** Block comments nest (PostgreSQL). */
        NESTED_BLOCK_COMMENTS,
        /** $$...$$ and $tag$...$tag$ quote text (PostgreSQL, H2). */
        DOLLAR_QUOTES,
        /** E'...' strings take backslash escapes (PostgreSQL). */
        ESCAPE_STRING_PREFIX,
        /** q'[...]' alternative quoting (Oracle). */
        ALTERNATIVE_QUOTING,
        /**
         * A block keeps the ';' after its final END: in PL/SQL "END;" is part of the block. SQL PL's compound
         * statement ends at END, so DB2 blocks lose that ';' like plain statements do.
         */
        BLOCK_KEEPS_FINAL_SEMICOLON
    }

    /** How statements end. */
    public enum Terminators {
        /** ';' ends a statement. */
        SEMICOLON,
        /** ';' ends a statement; the client command DELIMITER, between statements, changes that terminator. */
        DELIMITER_COMMAND,
        /** ';' ends a plain statement; '/' alone on a line ends any statement and is the only end of a block. */
        SLASH_LINE,
        /** Only GO alone on a line ends a batch; ';' stays inside the batch. */
        GO_LINE
    }

    private final Set<Feature> features;
    private final Terminators terminators;

    SqlSyntax(Set<Feature> features, Terminators terminators) {
        this.features = features;
        this.terminators = terminators;
    }

    public Set<Feature> features() {
        return features;
    }

    public Terminators terminators() {
        return terminators;
    }

    public boolean has(Feature feature) {
        return features.contains(feature);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SqlSyntax)) {
            return false;
        }
        SqlSyntax that = (SqlSyntax) other;
        return Objects.equals(features, that.features) && Objects.equals(terminators, that.terminators);
    }

    @Override
    public int hashCode() {
        // The combination a record uses: 31 * h + the hash of each component, in order, starting from 0.
        return 31 * Objects.hashCode(features) + Objects.hashCode(terminators);
    }

    @Override
    public String toString() {
        return "SqlSyntax[features=" + features + ", terminators=" + terminators + "]";
    }
}

package org.wso2.carbon.is.migration.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.DatabaseEngine;
import org.wso2.carbon.is.migration.database.SqlSyntax;
import org.wso2.carbon.is.migration.database.SqlSyntax.Feature;
import org.wso2.carbon.is.migration.database.SqlSyntax.Terminators;

/**
 * Cuts a script into the statements a JDBC driver can execute one at a time, the way each engine's own command-line
 * client would. A scanner walks the text token by token (strings, quoted identifiers, comments, dollar quotes) so that
 * a terminator inside any of them never splits a statement.
 *
 * <p>Rules common to every dialect:
 * <ul>
 *   <li>A statement runs from its first SQL token to its last: comments before and after are not part of it (those
 *       between its tokens are), and {@link SqlStatement#line()} is the line of the first token. Fragments holding
 *       only comments or whitespace are dropped.</li>
 *   <li>A string, quoted identifier, comment or dollar quote still open at the end of the text is an error naming the
 *       line where it was opened.</li>
 *   <li>The last statement needs no terminator, except an Oracle/DB2 block, which must end with a {@code /} line.</li>
 * </ul>
 *
 * <p>Per dialect:
 * <ul>
 *   <li><b>H2, PostgreSQL</b>: {@code ;} ends a statement. {@code $$...$$} and {@code $tag$...$tag$} are kept whole.
 *       PostgreSQL block comments nest and {@code E'...'} strings take backslash escapes.</li>
 *   <li><b>MySQL, MariaDB</b>: like the {@code mysql} client. {@code ;} ends a statement until a {@code DELIMITER xx}
 *       line changes the terminator ({@code DELIMITER ;} changes it back). The command is recognised only between
 *       statements (inside one, a line starting with the word is ordinary SQL) and is not itself a statement. Strings
 *       take backslash escapes, {@code "..."} is a string, backticks quote identifiers, {@code #} and {@code -- }
 *       (dash dash space) start comments, and {@code /*! ... *}{@code /} counts as SQL because the server runs it.</li>
 *   <li><b>Oracle, DB2</b>: like SQL*Plus and the DB2 command line with {@code /} as the block terminator. A statement
 *       whose first words are {@code BEGIN}, {@code DECLARE} or {@code CREATE [OR REPLACE] PROCEDURE|FUNCTION|TRIGGER|
 *       PACKAGE|TYPE} is a block: the {@code ;} inside it do not split it, and only a line holding nothing but
 *       {@code /} ends it. Any other statement ends at {@code ;} (which is dropped, the drivers reject it) or at a
 *       {@code /} line. A {@code /} line with no statement open is ignored (SQL*Plus would run the previous statement
 *       again, which is never what a migration script means). Oracle blocks keep their final {@code END;}; DB2 blocks
 *       lose the {@code ;} after the final {@code END}, which is not part of an SQL PL compound statement.</li>
 *   <li><b>MSSQL</b>: like {@code sqlcmd}. Only a line holding nothing but {@code GO} (any case) ends a batch, and a
 *       batch is executed whole: {@code ;} inside it stays, so {@code IF ... BEGIN ...; ...; END} works. A script
 *       without any {@code GO} is therefore a single batch. {@code GO n} (repeat count) is rejected. {@code [...]}
 *       quotes identifiers.</li>
 * </ul>
 */
public final class StatementSplitter {

    /** Object kinds whose CREATE statement carries a procedural body in PL/SQL and SQL PL. */
    private static final Set<String> BLOCK_OBJECT_KINDS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "PROCEDURE", "FUNCTION", "TRIGGER", "PACKAGE", "TYPE")));
    /** Words that may sit between CREATE and the object kind. */
    private static final Set<String> CREATE_MODIFIERS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "OR", "REPLACE", "EDITIONABLE", "NONEDITIONABLE")));
    /** Enough leading words to see CREATE OR REPLACE NONEDITIONABLE PROCEDURE. */
    private static final int LEADING_WORDS_KEPT = 5;
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z0-9_]*)?\\$");
    private static final Pattern GO_WITH_COUNT = Pattern.compile("(?i)GO\\s+\\d+");
    private static final String DELIMITER_COMMAND = "DELIMITER";

    private final String text;
    private final String source;
    private final SqlSyntax syntax;
    private final int[] lineStarts;
    private final List<SqlStatement> statements = new ArrayList<>();
    private final List<String> leadingWords = new ArrayList<>();
    private int pos;
    /** Offset of the current statement's first SQL token, or -1 between statements. */
    private int statementStart = -1;
    /** Offset just after the current statement's last SQL token: comments after it are not part of it. */
    private int statementEnd;
    private String delimiter = ";";

    private StatementSplitter(String text, String source, Dialect dialect) {
        this.text = text;
        this.source = source;
        this.syntax = DatabaseEngine.of(dialect).sqlSyntax();
        this.lineStarts = lineStarts(text);
        // A byte-order mark is not SQL; editors on Windows like to add one.
        this.pos = text.startsWith("\uFEFF") ? 1 : 0;
    }

    /**
     * The statements of {@code text}, in order.
     *
     * @param source how messages name the script (a path or a short name)
     * @throws SqlScriptException if a quoted text, comment or block is not closed, or a client command is malformed
     */
    public static List<SqlStatement> split(String text, String source, Dialect dialect) throws SqlScriptException {
        StatementSplitter splitter = new StatementSplitter(text, source, dialect);
        splitter.scan();
        return Collections.unmodifiableList(new ArrayList<>(splitter.statements));
    }

    private void scan() throws SqlScriptException {
        while (pos < text.length()) {
            if (atLineStart() && lineCommand()) {
                continue;
            }
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (lineCommentStartsHere()) {
                skipToEndOfLine();
            } else if (startsWith("/*")) {
                if (syntax.has(Feature.EXECUTABLE_COMMENTS) && (startsWith("/*!") || startsWith("/*+"))) {
                    markStatementStart();
                    skipBlockComment();
                    statementEnd = pos;
                } else {
                    skipBlockComment();
                }
            } else if (terminatorHere()) {
                int terminatorLength = syntax.terminators() == Terminators.DELIMITER_COMMAND ? delimiter.length() : 1;
                endStatement();
                pos += terminatorLength;
            } else {
                markStatementStart();
                skipToken(c);
                statementEnd = pos;
            }
        }
        endOfInput();
    }

    // ---- line-level client commands: "/", "GO", "DELIMITER xx" ----

    /** Handles a client command occupying the line at {@code pos}; true if there was one (the line is consumed). */
    private boolean lineCommand() throws SqlScriptException {
        int endOfLine = text.indexOf('\n', pos);
        if (endOfLine < 0) {
            endOfLine = text.length();
        }
        String line = strip(text.substring(pos, endOfLine));
        boolean handled;
        switch (syntax.terminators()) {
            case SLASH_LINE:
                handled = slashLine(line);
                break;
            case GO_LINE:
                handled = goLine(line);
                break;
            case DELIMITER_COMMAND:
                handled = delimiterLine(line);
                break;
            case SEMICOLON:
                handled = false;
                break;
            default:
                throw new AssertionError(syntax.terminators());
        }
        if (handled) {
            pos = endOfLine;
        }
        return handled;
    }

    private boolean slashLine(String line) {
        if (!line.equals("/")) {
            return false;
        }
        endStatement();
        return true;
    }

    private boolean goLine(String line) throws SqlScriptException {
        if (GO_WITH_COUNT.matcher(line).matches()) {
            throw error(pos, "'" + line + "' repeats a batch; repeat counts are not supported, write GO alone");
        }
        if (!line.equalsIgnoreCase("GO")) {
            return false;
        }
        endStatement();
        return true;
    }

    private boolean delimiterLine(String line) throws SqlScriptException {
        if (statementStart >= 0 || !startsWithWord(line, DELIMITER_COMMAND)) {
            return false;
        }
        String newDelimiter = strip(line.substring(DELIMITER_COMMAND.length()));
        if (newDelimiter.isEmpty()) {
            throw error(pos, "DELIMITER needs the new terminator, e.g. 'DELIMITER //'");
        }
        if (newDelimiter.chars().anyMatch(Character::isWhitespace) || newDelimiter.contains("\\")) {
            throw error(pos, "DELIMITER takes one terminator without spaces or backslashes, got '" + newDelimiter + "'");
        }
        delimiter = newDelimiter;
        return true;
    }

    private static boolean startsWithWord(String line, String word) {
        return line.regionMatches(true, 0, word, 0, word.length())
                && (line.length() == word.length() || Character.isWhitespace(line.charAt(word.length())));
    }

    // ---- statement boundaries ----

    private boolean terminatorHere() {
        switch (syntax.terminators()) {
            case SEMICOLON:
                return text.charAt(pos) == ';';
            case DELIMITER_COMMAND:
                return startsWith(delimiter);
            case SLASH_LINE:
                return text.charAt(pos) == ';' && !inBlock();
            case GO_LINE:
                return false;
            default:
                throw new AssertionError(syntax.terminators());
        }
    }

    private void markStatementStart() {
        if (statementStart < 0) {
            statementStart = pos;
        }
    }

    /** Ends the open statement, if any, at its last SQL token (comments and the terminator are left out). */
    private void endStatement() {
        if (statementStart >= 0) {
            String sql = strip(text.substring(statementStart, statementEnd));
            if (inBlock() && !syntax.has(Feature.BLOCK_KEEPS_FINAL_SEMICOLON) && sql.endsWith(";")) {
                sql = strip(sql.substring(0, sql.length() - 1));
            }
            statements.add(new SqlStatement(sql, source, lineOf(statementStart)));
        }
        statementStart = -1;
        leadingWords.clear();
    }

    private void endOfInput() throws SqlScriptException {
        if (statementStart >= 0 && inBlock()) {
            throw error(statementStart, "the block starting here (" + String.join(" ", leadingWords)
                    + " ...) is not ended by a line holding only '/'");
        }
        endStatement();
    }

    /** Whether the open statement is a PL/SQL or SQL PL block, judged by its first words. */
    private boolean inBlock() {
        if (syntax.terminators() != Terminators.SLASH_LINE || leadingWords.isEmpty()) {
            return false;
        }
        String first = leadingWords.get(0);
        if (first.equals("BEGIN") || first.equals("DECLARE")) {
            return true;
        }
        if (!first.equals("CREATE")) {
            return false;
        }
        for (String word : leadingWords.subList(1, leadingWords.size())) {
            if (!CREATE_MODIFIERS.contains(word)) {
                return BLOCK_OBJECT_KINDS.contains(word);
            }
        }
        return false;
    }

    // ---- tokens ----

    private void skipToken(char c) throws SqlScriptException {
        if (c == '\'') {
            skipQuoted('\'', syntax.has(Feature.BACKSLASH_ESCAPES), "string literal");
        } else if (c == '"') {
            if (syntax.has(Feature.DOUBLE_QUOTED_STRINGS)) {
                skipQuoted('"', syntax.has(Feature.BACKSLASH_ESCAPES), "string literal");
            } else {
                skipQuoted('"', false, "quoted identifier");
            }
        } else if (c == '`' && syntax.has(Feature.BACKTICK_IDENTIFIERS)) {
            skipQuoted('`', false, "quoted identifier");
        } else if (c == '[' && syntax.has(Feature.BRACKET_IDENTIFIERS)) {
            skipQuoted(']', false, "bracketed identifier");
        } else if (c == '$' && syntax.has(Feature.DOLLAR_QUOTES) && dollarTagHere() != null) {
            skipDollarQuoted(dollarTagHere());
        } else if (isWordChar(c)) {
            skipWord();
        } else {
            pos++;
        }
    }

    private void skipWord() throws SqlScriptException {
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos).toUpperCase(Locale.ROOT);
        if (leadingWords.size() < LEADING_WORDS_KEPT) {
            leadingWords.add(word);
        }
        if (pos < text.length() && text.charAt(pos) == '\'') {
            // A prefix glued to a string changes how the string is quoted.
            if (word.equals("E") && syntax.has(Feature.ESCAPE_STRING_PREFIX)) {
                skipQuoted('\'', true, "string literal");
            } else if ((word.equals("Q") || word.equals("NQ")) && syntax.has(Feature.ALTERNATIVE_QUOTING)) {
                skipAlternativeQuoted();
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /**
     * Skips a quoted text whose opening character is at {@code pos} and whose closing character is {@code close};
     * a doubled closing character stands for itself.
     */
    private void skipQuoted(char close, boolean backslashEscapes, String what) throws SqlScriptException {
        int start = pos;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == close) {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == close) {
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                pos++;
            }
        }
        throw error(start, "unterminated " + what + " (no closing " + close + ")");
    }

    /** Oracle's q'Xtext X' where X is any character and the brackets ([, {, (, <) close with their partner. */
    private void skipAlternativeQuoted() throws SqlScriptException {
        int start = pos;
        if (pos + 1 >= text.length()) {
            throw error(start, "unterminated q'...' string literal (no quote delimiter)");
        }
        char open = text.charAt(pos + 1);
        char close;
        switch (open) {
            case '[':
                close = ']';
                break;
            case '{':
                close = '}';
                break;
            case '(':
                close = ')';
                break;
            case '<':
                close = '>';
                break;
            default:
                close = open;
                break;
        }
        int end = text.indexOf(close + "'", pos + 2);
        if (end < 0) {
            throw error(start, "unterminated q'" + open + "...' string literal (no closing " + close + "')");
        }
        pos = end + 2;
    }

    /** The dollar-quote tag ({@code $$} or {@code $name$}) starting at {@code pos}, or null. */
    private String dollarTagHere() {
        // Inside a word '$' is an identifier character (PostgreSQL allows a$b), never a quote.
        if (pos > 0 && isWordChar(text.charAt(pos - 1))) {
            return null;
        }
        Matcher matcher = DOLLAR_TAG.matcher(text).region(pos, text.length());
        return matcher.lookingAt() ? matcher.group() : null;
    }

    private void skipDollarQuoted(String tag) throws SqlScriptException {
        int end = text.indexOf(tag, pos + tag.length());
        if (end < 0) {
            throw error(pos, "unterminated dollar-quoted text (no closing " + tag + ")");
        }
        pos = end + tag.length();
    }

    // ---- comments ----

    private boolean lineCommentStartsHere() {
        char c = text.charAt(pos);
        if (c == '#') {
            return syntax.has(Feature.HASH_COMMENTS);
        }
        if (!startsWith("--")) {
            return false;
        }
        // MySQL reads "1--1" as 1 - (-1); only "-- " (or "--" then a control character or the end) is a comment.
        return !syntax.has(Feature.DASH_COMMENT_NEEDS_SPACE)
                || pos + 2 >= text.length() || text.charAt(pos + 2) <= ' ';
    }

    private void skipToEndOfLine() {
        int endOfLine = text.indexOf('\n', pos);
        pos = endOfLine < 0 ? text.length() : endOfLine;
    }

    private void skipBlockComment() throws SqlScriptException {
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            if (startsWith("/*") && (depth == 0 || syntax.has(Feature.NESTED_BLOCK_COMMENTS))) {
                depth++;
                pos += 2;
            } else if (startsWith("*/")) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        throw error(start, "unterminated block comment (no closing */)");
    }

    // ---- positions ----

    /**
     * {@code String.strip()} (Java 11): the text without leading and trailing white space as
     * {@link Character#isWhitespace} judges it, which is not what {@code trim()} removes (it removes every character
     * up to U+0020, and no Unicode space). Every white space code point is a single char, so chars suffice.
     */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private boolean startsWith(String token) {
        return text.startsWith(token, pos);
    }

    private boolean atLineStart() {
        return pos == 0 || text.charAt(pos - 1) == '\n';
    }

    private SqlScriptException error(int at, String reason) {
        return new SqlScriptException(source, lineOf(at), reason);
    }

    private int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}

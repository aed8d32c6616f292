package org.wso2.carbon.is.migration.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The body of a procedural block made only of catalog-guarded DDL, the shape the PostgreSQL DO blocks, the MySQL
 * procedures and the DB2 compound statements of the migration scripts use to make a change only where it is not made
 * yet:
 * <pre>
 * IF [NOT] EXISTS (SELECT ... FROM &lt;catalog&gt; WHERE ... '&lt;TABLE&gt;' ... '&lt;OBJECT&gt;' ...) THEN
 *     &lt;DDL&gt;; [&lt;DDL&gt;; ...]
 * END IF;
 * </pre>
 * repeated. The condition must be a SELECT that names, as string literals, the table the DDL changes and each object
 * it creates, renames or alters (index, constraint or column): a guard that looks at something else would make the
 * change run again, or never. Each DDL is a plain statement, or on DB2 {@code EXECUTE IMMEDIATE '<literal>'}; a
 * {@code CALL} may follow (DB2's REORG). Anything else is refused.
 */
final class GuardedDdl {

    private static final Pattern IF_EXISTS = Pattern.compile("(?is)\\G\\s*IF\\s+(NOT\\s+)?EXISTS\\s*\\(");
    private static final Pattern THEN = Pattern.compile("(?is)\\G\\s*THEN\\b");
    private static final Pattern END_IF = Pattern.compile("(?is)\\bEND\\s+IF\\s*;");
    private static final Pattern EXECUTE_IMMEDIATE =
            Pattern.compile("(?is)^EXECUTE\\s+IMMEDIATE\\s+'((?:[^']|'')*)'$");
    private static final Pattern TABLE = Pattern.compile("(?is)^(?:ALTER\\s+TABLE\\s+(\\w+)|CREATE\\s+(?:UNIQUE\\s+)?"
            + "INDEX\\s+\\w+\\s+ON\\s+(\\w+))");
    private static final List<Pattern> SUBJECTS = List.of(
            Pattern.compile("(?is)^CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(\\w+)"),
            Pattern.compile("(?is)\\bADD\\s+CONSTRAINT\\s+(\\w+)"),
            Pattern.compile("(?is)\\bRENAME\\s+INDEX\\s+(\\w+)"),
            Pattern.compile("(?is)\\bMODIFY\\s+(?:COLUMN\\s+)?(\\w+)"),
            Pattern.compile("(?is)\\bALTER\\s+COLUMN\\s+(\\w+)"));

    private final List<Statement> statements = new ArrayList<>();

    private GuardedDdl() {
    }

    /**
     * Reads a block body.
     *
     * @param executeImmediate whether the DDL is carried as {@code EXECUTE IMMEDIATE '<literal>'} (DB2)
     * @throws IllegalArgumentException saying where the body leaves the shape
     */
    static List<Statement> parse(String body, boolean executeImmediate) throws JSQLParserException {
        GuardedDdl guarded = new GuardedDdl();
        int pos = 0;
        while (!body.substring(pos).isBlank()) {
            pos = guarded.readGuard(body, pos, executeImmediate);
        }
        if (guarded.statements.isEmpty()) {
            throw new IllegalArgumentException("block holds no IF [NOT] EXISTS (...) THEN ... END IF; guard");
        }
        return List.copyOf(guarded.statements);
    }

    private int readGuard(String body, int pos, boolean executeImmediate) throws JSQLParserException {
        Matcher start = IF_EXISTS.matcher(body);
        if (!start.find(pos)) {
            throw new IllegalArgumentException("expected IF [NOT] EXISTS (SELECT ...) THEN at '" + excerpt(body, pos)
                    + "'");
        }
        int close = CheckableSql.closingParenthesis(body, start.end() - 1);
        String condition = body.substring(start.end(), close).strip();
        if (!(CCJSqlParserUtil.parse(condition) instanceof Select)) {
            throw new IllegalArgumentException("IF [NOT] EXISTS does not test a SELECT: " + condition);
        }
        Matcher then = THEN.matcher(body);
        if (!then.find(close + 1)) {
            throw new IllegalArgumentException("expected THEN after the condition at '" + excerpt(body, close + 1)
                    + "'");
        }
        Matcher end = END_IF.matcher(body);
        if (!end.find(then.end())) {
            throw new IllegalArgumentException("IF ... THEN is not closed by END IF;");
        }
        List<String> guarded = splitOnSemicolons(body.substring(then.end(), end.start()));
        if (guarded.isEmpty()) {
            throw new IllegalArgumentException("IF ... THEN guards no statement");
        }
        boolean ddlSeen = false;
        for (String statement : guarded) {
            if (statement.regionMatches(true, 0, "CALL", 0, 4)) {
                if (!ddlSeen) {
                    throw new IllegalArgumentException("a CALL may only follow the guarded DDL: " + statement);
                }
                statements.add(CCJSqlParserUtil.parse(statement));
                continue;
            }
            String ddl = statement;
            if (executeImmediate) {
                Matcher literal = EXECUTE_IMMEDIATE.matcher(statement);
                if (!literal.matches()) {
                    throw new IllegalArgumentException("expected EXECUTE IMMEDIATE '<DDL>': " + statement);
                }
                ddl = literal.group(1).replace("''", "'");
            }
            requireGuardNames(condition, ddl);
            statements.add(CCJSqlParserUtil.parse(ddl));
            ddlSeen = true;
        }
        return end.end();
    }

    /** The condition must name the DDL's table and every object it touches, as string literals. */
    private static void requireGuardNames(String condition, String ddl) {
        Matcher table = TABLE.matcher(ddl);
        if (!table.find()) {
            throw new IllegalArgumentException("only ALTER TABLE and CREATE INDEX can be guarded: " + ddl);
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(table.group(1) != null ? table.group(1) : table.group(2));
        for (Pattern subject : SUBJECTS) {
            Matcher matcher = subject.matcher(ddl);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        String upper = condition.toUpperCase(Locale.ROOT);
        for (String name : names) {
            if (!upper.contains("'" + name.toUpperCase(Locale.ROOT) + "'")) {
                throw new IllegalArgumentException("the guard of '" + ddl + "' does not look for '" + name + "': "
                        + condition);
            }
        }
    }

    /** Statements separated by {@code ;} outside string literals, stripped, empty ones dropped. */
    private static List<String> splitOnSemicolons(String text) {
        List<String> parts = new ArrayList<>();
        boolean inString = false;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (c == ';' && !inString) {
                parts.add(text.substring(from, i).strip());
                from = i + 1;
            }
        }
        if (!text.substring(from).isBlank()) {
            throw new IllegalArgumentException("statement not ended by ';' before END IF: " + text.substring(from).strip());
        }
        parts.removeIf(String::isEmpty);
        return parts;
    }

    private static String excerpt(String text, int pos) {
        String rest = text.substring(pos).strip().replaceAll("\\s+", " ");
        return rest.length() <= 60 ? rest : rest.substring(0, 60) + "...";
    }
}

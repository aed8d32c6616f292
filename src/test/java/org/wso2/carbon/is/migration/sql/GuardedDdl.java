package org.wso2.carbon.is.migration.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;
import org.wso2.carbon.is.migration.api.Dialect;

/**
 * DDL made conditional on a catalog query, so that a change runs only where it is not made yet. Every dialect's
 * scripts spell the condition differently (T-SQL {@code IF [NOT] EXISTS (...) <ddl>}, Oracle {@code SELECT COUNT(*)
 * INTO FOUND ...; IF FOUND = 0|> 0}, and the {@code IF [NOT] EXISTS (...) THEN <ddl>; END IF;} bodies of PostgreSQL DO
 * blocks, MySQL procedures and DB2 compound statements, which {@link #parse} reads), but one rule,
 * {@link #requireGuard}, decides whether a guard fits what it guards:
 * <ol>
 *   <li>the condition is a SELECT on the dialect's catalog;</li>
 *   <li>it names, as string literals, the table changed and every index, constraint and column the DDL names, so it
 *       cannot look at something else and let the change run again, or never;</li>
 *   <li>a change that only adds an object (CREATE TABLE / INDEX, ADD COLUMN, ADD a UNIQUE or PRIMARY KEY constraint)
 *       runs only if the object does NOT EXIST, looked for in a catalog view listing that kind of object;</li>
 *   <li>making a column NOT NULL runs only if it EXISTS nullable, the condition testing nullability.</li>
 * </ol>
 */
final class GuardedDdl {

    /** Where each dialect's catalog lives; a guard reading anything else cannot know what the database holds. */
    private static final Map<Dialect, Pattern> CATALOGS = Map.of(
            Dialect.ORACLE, Pattern.compile("\\bUSER_\\w+"),
            Dialect.DB2, Pattern.compile("\\bSYSCAT\\."),
            Dialect.MSSQL, Pattern.compile("\\bSYS\\."),
            Dialect.MYSQL, Pattern.compile("\\bINFORMATION_SCHEMA\\."),
            Dialect.MARIADB, Pattern.compile("\\bINFORMATION_SCHEMA\\."),
            Dialect.POSTGRESQL, Pattern.compile("\\bINFORMATION_SCHEMA\\."));
    /** MSSQL sys.columns.is_nullable, information_schema IS_NULLABLE, DB2 SYSCAT NULLS, Oracle NULLABLE. */
    private static final Pattern TESTS_NULLABLE =
            Pattern.compile("\\b(?:IS_NULLABLE|NULLS|NULLABLE) ?= ?(?:1|'Y'|'YES')");
    private static final Pattern IF_EXISTS = Pattern.compile("(?is)\\G\\s*IF\\s+(NOT\\s+)?EXISTS\\s*\\(");
    private static final Pattern THEN = Pattern.compile("(?is)\\G\\s*THEN\\b");
    private static final Pattern END_IF = Pattern.compile("(?is)\\bEND\\s+IF\\s*;");
    private static final Pattern EXECUTE_IMMEDIATE =
            Pattern.compile("(?is)^EXECUTE\\s+IMMEDIATE\\s+'((?:[^']|'')*)'$");
    /** DB2 leaves a table whose column became NOT NULL in reorg-pending state; only that table may be reorganised. */
    private static final Pattern DB2_REORG =
            Pattern.compile("(?is)^CALL\\s+SYSPROC\\.ADMIN_CMD\\s*\\(\\s*'REORG\\s+TABLE\\s+(\\w+)'\\s*\\)$");

    /**
     * PostgreSQL's {@code ALTER TABLE t ADD CONSTRAINT k UNIQUE USING INDEX i}, which JSqlParser does not read; the
     * guard rule still applies to it, and it creates nothing (the index exists already), so it is not parsed further.
     */
    private static final Pattern ADD_KEY_USING_INDEX =
            Pattern.compile("(?is)^ALTER\\s+TABLE\\s+\\w+\\s+ADD\\s+CONSTRAINT\\s+\\w+\\s+UNIQUE\\s+USING\\s+INDEX\\s+\\w+$");

    private final Dialect dialect;
    private final List<Statement> statements = new ArrayList<>();

    private GuardedDdl(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Reads a block body made only of {@code IF [NOT] EXISTS (<query>) THEN <ddl>; ... END IF;} guards, each checked by
     * {@link #requireGuard}. On DB2 the DDL is carried as {@code EXECUTE IMMEDIATE '<literal>'} and may be followed by
     * the REORG of its table through {@code SYSPROC.ADMIN_CMD}.
     *
     * @return the DDL (and REORG calls), parsed
     * @throws IllegalArgumentException saying where the body leaves the shape or which guard does not fit
     */
    static List<Statement> parse(String body, Dialect dialect) throws JSQLParserException {
        GuardedDdl guarded = new GuardedDdl(dialect);
        int pos = 0;
        int guards = 0;
        while (!body.substring(pos).isBlank()) {
            pos = guarded.readGuard(body, pos);
            guards++;
        }
        if (guards == 0) {
            throw new IllegalArgumentException("block holds no IF [NOT] EXISTS (...) THEN ... END IF; guard");
        }
        return List.copyOf(guarded.statements);
    }

    private int readGuard(String body, int pos) throws JSQLParserException {
        Matcher start = IF_EXISTS.matcher(body);
        if (!start.find(pos)) {
            throw new IllegalArgumentException("expected IF [NOT] EXISTS (SELECT ...) THEN at '" + excerpt(body, pos)
                    + "'");
        }
        int close = CheckableSql.closingParenthesis(body, start.end() - 1);
        String condition = body.substring(start.end(), close).strip();
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
        String changedTable = null;
        for (String statement : guarded) {
            Matcher reorg = DB2_REORG.matcher(statement);
            if (dialect == Dialect.DB2 && reorg.matches()) {
                if (changedTable == null || !changedTable.equalsIgnoreCase(reorg.group(1))) {
                    throw new IllegalArgumentException("a REORG may only follow DDL changing that same table: "
                            + statement);
                }
                statements.add(CCJSqlParserUtil.parse(statement));
                continue;
            }
            String ddl = dialect == Dialect.DB2 ? executedLiteral(statement) : statement;
            changedTable = requireGuard(dialect, condition, start.group(1) != null, ddl).table();
            if (!ADD_KEY_USING_INDEX.matcher(ddl).matches()) {
                statements.add(CCJSqlParserUtil.parse(ddl));
            }
        }
        return end.end();
    }

    /**
     * The one rule for every guard (see the class comment).
     *
     * @param notExists whether the DDL runs when the query finds nothing
     * @return what the DDL changes
     * @throws IllegalArgumentException naming the rule broken
     */
    static DdlChange requireGuard(Dialect dialect, String condition, boolean notExists, String ddl)
            throws JSQLParserException {
        String query = condition.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Pattern catalog = CATALOGS.get(dialect);
        if (!(CCJSqlParserUtil.parse(condition) instanceof Select) || catalog == null
                || !catalog.matcher(query).find()) {
            throw new IllegalArgumentException("a guard must be a SELECT on the " + dialect + " catalog ("
                    + (catalog == null ? "none known" : catalog.pattern()) + "): " + condition);
        }
        DdlChange change = DdlChange.of(ddl);
        if (change.table() == null) {
            throw new IllegalArgumentException("only CREATE TABLE, CREATE INDEX and ALTER TABLE can be guarded: "
                    + ddl);
        }
        DdlChange.Kind kind = change.kind();
        if (kind.onlyAdds() && !notExists) {
            throw new IllegalArgumentException(kind.description() + " may only be guarded by IF NOT EXISTS: " + ddl);
        }
        if (kind.onlyAdds() && !kind.readsViewOfAddedObject(query)) {
            throw new IllegalArgumentException("the guard of " + kind.description() + " must look in a catalog view "
                    + "listing that kind of object (" + kind.catalogViews() + "): " + condition);
        }
        if (kind == DdlChange.Kind.SET_NOT_NULL && (notExists || !TESTS_NULLABLE.matcher(query).find())) {
            throw new IllegalArgumentException("making a column NOT NULL must be guarded by IF EXISTS testing that it "
                    + "is nullable (" + TESTS_NULLABLE.pattern() + "): " + condition);
        }
        List<String> names = new ArrayList<>();
        names.add(change.table());
        names.addAll(change.objects());
        for (String name : names) {
            if (!query.contains("'" + name + "'")) {
                throw new IllegalArgumentException("the guard of '" + ddl.strip() + "' does not look for '" + name
                        + "': " + condition);
            }
        }
        return change;
    }

    private static String executedLiteral(String statement) {
        Matcher literal = EXECUTE_IMMEDIATE.matcher(statement);
        if (!literal.matches()) {
            throw new IllegalArgumentException("expected EXECUTE IMMEDIATE '<DDL>': " + statement);
        }
        return literal.group(1).replace("''", "'");
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
            throw new IllegalArgumentException("statement not ended by ';' before END IF: "
                    + text.substring(from).strip());
        }
        parts.removeIf(String::isEmpty);
        return parts;
    }

    private static String excerpt(String text, int pos) {
        String rest = text.substring(pos).strip().replaceAll("\\s+", " ");
        return rest.length() <= 60 ? rest : rest.substring(0, 60) + "...";
    }
}

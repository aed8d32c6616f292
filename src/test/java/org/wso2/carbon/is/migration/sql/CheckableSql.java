package org.wso2.carbon.is.migration.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.select.Select;
import org.wso2.carbon.is.migration.dialect.Dialect;

/**
 * Turns one statement of a migration script into plain SQL statements JSqlParser can check, and lists the tables and
 * indexes they create. JSqlParser cannot read PL/SQL blocks, SQL PL compound statements or T-SQL {@code IF}, so those
 * are recognised by their exact create-if-absent shape and the DDL they carry is checked instead. Anything else that
 * is not plain SQL is refused with a message, never skipped: a script this class cannot check fails the static check.
 */
final class CheckableSql {

    /** {@code EXECUTE IMMEDIATE '<literal>';} with {@code ''} standing for a quote inside the literal. */
    private static final Pattern EXECUTE_IMMEDIATE =
            Pattern.compile("EXECUTE\\s+IMMEDIATE\\s+'((?:[^']|'')*)'\\s*;", Pattern.CASE_INSENSITIVE);
    private static final String LITERAL_PLACEHOLDER = "EXECUTE IMMEDIATE ?;";
    /** The only PL/SQL shape accepted: one DDL statement, ORA-00955 ignored, everything else re-raised. */
    private static final String ORACLE_BLOCK =
            "BEGIN " + LITERAL_PLACEHOLDER + " EXCEPTION WHEN OTHERS THEN IF SQLCODE != -955 THEN RAISE; END IF; END;";
    /** The only SQL PL shape accepted: SQLSTATE 42710 (name already used) ignored, then one or more DDL statements. */
    private static final Pattern DB2_BLOCK = Pattern.compile("BEGIN DECLARE CONTINUE HANDLER FOR SQLSTATE '42710' "
            + "BEGIN END; (?:" + Pattern.quote(LITERAL_PLACEHOLDER) + " )+END");
    private static final Pattern BLOCK_START = Pattern.compile("(?is)^(BEGIN|DECLARE|CREATE\\s+(OR\\s+REPLACE\\s+)?"
            + "(PROCEDURE|FUNCTION|TRIGGER|PACKAGE|TYPE))\\b.*");
    private static final Pattern MSSQL_GUARD = Pattern.compile("(?is)^IF\\s+NOT\\s+EXISTS\\s*\\(");

    private final List<Statement> parsed = new ArrayList<>();

    private CheckableSql() {
    }

    /**
     * Parses what {@code statement} carries.
     *
     * @throws IllegalArgumentException naming the statement's location if it cannot be checked or does not parse
     */
    static CheckableSql of(SqlStatement statement, Dialect dialect) {
        CheckableSql checkable = new CheckableSql();
        try {
            checkable.read(statement.sql(), dialect);
        } catch (JSQLParserException | RuntimeException e) {
            String cause = e instanceof JSQLParserException && e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new IllegalArgumentException(statement.location() + ": " + cause + "\n  " + statement.excerpt(), e);
        }
        return checkable;
    }

    /** The plain statements found, parsed. */
    List<Statement> statements() {
        return List.copyOf(parsed);
    }

    /** What the statements create: {@code TABLE <name>} and {@code INDEX <name> ON <table>}, upper case. */
    List<String> createdObjects() {
        List<String> objects = new ArrayList<>();
        for (Statement statement : parsed) {
            if (statement instanceof CreateTable table) {
                String tableName = name(table.getTable().getName());
                objects.add("TABLE " + tableName);
                if (table.getIndexes() != null) {
                    for (Index index : table.getIndexes()) {
                        String type = index.getType().toUpperCase(Locale.ROOT);
                        if (type.equals("INDEX") || type.equals("KEY")) {
                            objects.add("INDEX " + name(index.getName()) + " ON " + tableName);
                        }
                    }
                }
            } else if (statement instanceof CreateIndex index) {
                objects.add("INDEX " + name(index.getIndex().getName()) + " ON " + name(index.getTable().getName()));
            }
        }
        return objects;
    }

    private void read(String sql, Dialect dialect) throws JSQLParserException {
        switch (dialect) {
            case ORACLE -> readOracle(sql);
            case DB2 -> readDb2(sql);
            case MSSQL -> readMsSql(sql);
            default -> parsed.add(CCJSqlParserUtil.parse(sql));
        }
    }

    private void readOracle(String sql) throws JSQLParserException {
        if (!BLOCK_START.matcher(sql).matches()) {
            parsed.add(CCJSqlParserUtil.parse(sql));
            return;
        }
        List<String> ddl = new ArrayList<>();
        String shape = carriedDdl(sql, ddl);
        if (!shape.equals(ORACLE_BLOCK)) {
            throw new IllegalArgumentException("PL/SQL block is not the checkable create-if-absent shape '"
                    + ORACLE_BLOCK + "' (EXECUTE IMMEDIATE of one literal, only SQLCODE -955 ignored); it reads '"
                    + shape + "'");
        }
        parseEach(ddl);
    }

    private void readDb2(String sql) throws JSQLParserException {
        if (!BLOCK_START.matcher(sql).matches()) {
            parsed.add(CCJSqlParserUtil.parse(sql));
            return;
        }
        List<String> ddl = new ArrayList<>();
        String shape = carriedDdl(sql, ddl);
        if (!DB2_BLOCK.matcher(shape).matches()) {
            throw new IllegalArgumentException("SQL PL compound statement is not the checkable create-if-absent shape '"
                    + DB2_BLOCK.pattern() + "' (only SQLSTATE 42710 ignored, EXECUTE IMMEDIATE of literals); it reads '"
                    + shape + "'");
        }
        parseEach(ddl);
    }

    private void readMsSql(String sql) throws JSQLParserException {
        Matcher guard = MSSQL_GUARD.matcher(sql);
        if (!guard.lookingAt()) {
            parsed.addAll(CCJSqlParserUtil.parseStatements(sql));
            return;
        }
        int close = closingParenthesis(sql, guard.end() - 1);
        String condition = sql.substring(guard.end(), close).strip();
        String guarded = sql.substring(close + 1).strip();
        if (!(CCJSqlParserUtil.parse(condition) instanceof Select)) {
            throw new IllegalArgumentException("IF NOT EXISTS does not test a SELECT: " + condition);
        }
        Statement created = CCJSqlParserUtil.parse(guarded);
        requireGuardMatches(condition, created);
        parsed.add(created);
    }

    /** The guard must look for the very object the guarded statement creates, in the catalog view that holds it. */
    private static void requireGuardMatches(String condition, Statement created) {
        String upper = condition.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (created instanceof CreateTable table) {
            String objectId = "OBJECT_ID(N'" + name(table.getTable().getName()) + "')";
            if (!upper.contains("SYS.OBJECTS") || !upper.contains(objectId)) {
                throw new IllegalArgumentException("IF NOT EXISTS guard of CREATE TABLE must look in sys.objects for "
                        + objectId + ": " + condition);
            }
        } else if (created instanceof CreateIndex index) {
            String indexName = "N'" + name(index.getIndex().getName()) + "'";
            String objectId = "OBJECT_ID(N'" + name(index.getTable().getName()) + "')";
            if (!upper.contains("SYS.INDEXES") || !upper.contains(indexName) || !upper.contains(objectId)) {
                throw new IllegalArgumentException("IF NOT EXISTS guard of CREATE INDEX must look in sys.indexes for "
                        + indexName + " on " + objectId + ": " + condition);
            }
        } else {
            throw new IllegalArgumentException("IF NOT EXISTS guards something other than CREATE TABLE or CREATE INDEX,"
                    + " which this check cannot verify: " + created);
        }
    }

    /**
     * Collects the literals of every {@code EXECUTE IMMEDIATE '...'} into {@code ddl} (quotes unescaped) and returns
     * the block with each replaced by {@code EXECUTE IMMEDIATE ?;}, whitespace collapsed, upper case.
     */
    private static String carriedDdl(String block, List<String> ddl) {
        Matcher literal = EXECUTE_IMMEDIATE.matcher(block);
        StringBuilder shape = new StringBuilder();
        while (literal.find()) {
            ddl.add(literal.group(1).replace("''", "'"));
            literal.appendReplacement(shape, Matcher.quoteReplacement(LITERAL_PLACEHOLDER));
        }
        literal.appendTail(shape);
        return shape.toString().replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
    }

    private void parseEach(List<String> ddl) throws JSQLParserException {
        for (String statement : ddl) {
            parsed.add(CCJSqlParserUtil.parse(statement));
        }
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping string literals. */
    private static int closingParenthesis(String sql, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("IF NOT EXISTS ( is never closed");
    }

    /** An identifier as the database stores it unquoted: quotes removed, upper case. */
    private static String name(String identifier) {
        return identifier.replaceAll("[\"`\\[\\]]", "").toUpperCase(Locale.ROOT);
    }
}

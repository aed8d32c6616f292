package org.wso2.carbon.is.migration.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.select.Select;
import org.wso2.carbon.is.migration.dialect.Dialect;

/**
 * Turns one statement of a migration script into plain SQL statements JSqlParser can check, and lists the tables and
 * indexes they create. JSqlParser cannot read PL/SQL blocks, SQL PL compound statements, T-SQL {@code IF}, PostgreSQL
 * {@code DO} blocks or MySQL procedures, so those are recognised by their exact do-if-not-done shape and the DDL they
 * carry is checked instead:
 * <ul>
 *   <li>Oracle: {@code BEGIN EXECUTE IMMEDIATE '<DDL>'; EXCEPTION WHEN OTHERS THEN IF SQLCODE != -n THEN RAISE; END IF;
 *       END;} (or {@code NOT IN (-n, -m)}), where the ignored codes may only be the ones that say this kind of DDL is
 *       done already (see {@link #ORACLE_DONE_CODES}).</li>
 *   <li>DB2: a compound statement ignoring SQLSTATE 42710 around {@code EXECUTE IMMEDIATE}s, or one made of
 *       {@link GuardedDdl} catalog guards.</li>
 *   <li>MSSQL: {@code IF NOT EXISTS (<catalog query>) CREATE TABLE|CREATE INDEX|ALTER TABLE ... ADD CONSTRAINT} and
 *       {@code IF EXISTS (<sys.columns nullable>) ALTER TABLE ... ALTER COLUMN ... NOT NULL}, the guard looking for
 *       the very object changed.</li>
 *   <li>PostgreSQL: {@code DO $$ BEGIN <GuardedDdl> END $$}. MySQL/MariaDB: {@code CREATE PROCEDURE p() BEGIN
 *       <GuardedDdl> END}, {@code DROP PROCEDURE [IF EXISTS] p}. H2: {@code ADD CONSTRAINT IF NOT EXISTS}.</li>
 * </ul>
 * Anything else that is not plain SQL is refused with a message, never skipped: a script this class cannot check
 * fails the static check.
 */
final class CheckableSql {

    /** {@code EXECUTE IMMEDIATE '<literal>';} with {@code ''} standing for a quote inside the literal. */
    private static final Pattern EXECUTE_IMMEDIATE =
            Pattern.compile("EXECUTE\\s+IMMEDIATE\\s+'((?:[^']|'')*)'\\s*;", Pattern.CASE_INSENSITIVE);
    private static final String LITERAL_PLACEHOLDER = "EXECUTE IMMEDIATE ?;";
    /** The only PL/SQL shape accepted: one DDL statement, named error codes ignored, everything else re-raised. */
    private static final Pattern ORACLE_BLOCK = Pattern.compile(Pattern.quote("BEGIN " + LITERAL_PLACEHOLDER
            + " EXCEPTION WHEN OTHERS THEN IF SQLCODE ") + "(?:!= (-\\d+)|NOT IN \\((-\\d+(?:, -\\d+)*)\\))"
            + Pattern.quote(" THEN RAISE; END IF; END;"));
    /**
     * The Oracle errors that mean "already done", by kind of DDL: ORA-00955 name already used, ORA-01408 column list
     * already indexed, ORA-01442 column already NOT NULL, ORA-02261 unique key on these columns exists, ORA-02264
     * constraint name already used.
     */
    private static final java.util.Map<String, Set<Integer>> ORACLE_DONE_CODES = java.util.Map.of(
            "CREATE TABLE", Set.of(-955),
            "CREATE INDEX", Set.of(-955, -1408),
            "MODIFY NOT NULL", Set.of(-1442),
            "ADD UNIQUE", Set.of(-2261, -2264));
    private static final Pattern ORACLE_MODIFY_NOT_NULL =
            Pattern.compile("(?is)^ALTER\\s+TABLE\\s+\\w+\\s+MODIFY\\s*\\(\\s*\\w+\\s+NOT\\s+NULL\\s*\\)$");
    private static final Pattern ADD_UNIQUE =
            Pattern.compile("(?is)^ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+CONSTRAINT\\s+(\\w+)\\s+UNIQUE\\s*\\(.*\\)$");
    private static final Pattern ALTER_COLUMN_NOT_NULL = Pattern.compile(
            "(?is)^ALTER\\s+TABLE\\s+(\\w+)\\s+ALTER\\s+COLUMN\\s+(\\w+)\\s+\\w+(?:\\(\\d+\\))?\\s+NOT\\s+NULL$");
    private static final Pattern POSTGRES_DO = Pattern.compile("(?is)^DO\\s+\\$\\$\\s*BEGIN\\b(.*)\\bEND\\s*;?\\s*\\$\\$$");
    private static final Pattern MYSQL_PROCEDURE =
            Pattern.compile("(?is)^CREATE\\s+PROCEDURE\\s+\\w+\\s*\\(\\s*\\)\\s*BEGIN\\b(.*)\\bEND$");
    private static final Pattern MYSQL_DROP_PROCEDURE =
            Pattern.compile("(?is)^DROP\\s+PROCEDURE\\s+(IF\\s+EXISTS\\s+)?\\w+$");
    private static final Pattern DB2_GUARDED_BLOCK = Pattern.compile("(?is)^BEGIN\\s+(IF\\b.*)\\bEND$");
    private static final Pattern H2_ADD_CONSTRAINT_IF_NOT_EXISTS =
            Pattern.compile("(?i)\\bADD\\s+CONSTRAINT\\s+IF\\s+NOT\\s+EXISTS\\b");
    /** The only SQL PL shape accepted: SQLSTATE 42710 (name already used) ignored, then one or more DDL statements. */
    private static final Pattern DB2_BLOCK = Pattern.compile("BEGIN DECLARE CONTINUE HANDLER FOR SQLSTATE '42710' "
            + "BEGIN END; (?:" + Pattern.quote(LITERAL_PLACEHOLDER) + " )+END");
    private static final Pattern BLOCK_START = Pattern.compile("(?is)^(BEGIN|DECLARE|CREATE\\s+(OR\\s+REPLACE\\s+)?"
            + "(PROCEDURE|FUNCTION|TRIGGER|PACKAGE|TYPE))\\b.*");
    private static final Pattern MSSQL_GUARD = Pattern.compile("(?is)^IF\\s+(NOT\\s+)?EXISTS\\s*\\(");

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
            case POSTGRESQL -> readPostgres(sql);
            case MYSQL, MARIADB -> readMySql(sql);
            case H2 -> parsed.add(CCJSqlParserUtil.parse(H2_ADD_CONSTRAINT_IF_NOT_EXISTS.matcher(sql)
                    .replaceAll("ADD CONSTRAINT")));
        }
    }

    private void readPostgres(String sql) throws JSQLParserException {
        Matcher block = POSTGRES_DO.matcher(sql);
        if (block.matches()) {
            parsed.addAll(GuardedDdl.parse(block.group(1), false));
        } else {
            parsed.add(CCJSqlParserUtil.parse(sql));
        }
    }

    private void readMySql(String sql) throws JSQLParserException {
        Matcher procedure = MYSQL_PROCEDURE.matcher(sql);
        if (procedure.matches()) {
            parsed.addAll(GuardedDdl.parse(procedure.group(1), false));
        } else if (!MYSQL_DROP_PROCEDURE.matcher(sql).matches()) {
            // DROP PROCEDURE creates nothing and JSqlParser cannot read it; everything else must parse.
            parsed.add(CCJSqlParserUtil.parse(sql));
        }
    }

    private void readOracle(String sql) throws JSQLParserException {
        if (!BLOCK_START.matcher(sql).matches()) {
            parsed.add(CCJSqlParserUtil.parse(sql));
            return;
        }
        List<String> ddl = new ArrayList<>();
        String shape = carriedDdl(sql, ddl);
        Matcher block = ORACLE_BLOCK.matcher(shape);
        if (!block.matches()) {
            throw new IllegalArgumentException("PL/SQL block is not the checkable do-if-not-done shape '"
                    + ORACLE_BLOCK.pattern() + "' (EXECUTE IMMEDIATE of one literal, named SQLCODEs ignored); it reads '"
                    + shape + "'");
        }
        String codes = block.group(1) != null ? block.group(1) : block.group(2);
        Set<Integer> ignored = new java.util.TreeSet<>();
        for (String code : codes.split(",\\s*")) {
            ignored.add(Integer.valueOf(code.strip()));
        }
        String kind = oracleDdlKind(ddl.get(0));
        Set<Integer> allowed = ORACLE_DONE_CODES.get(kind);
        if (allowed == null || !allowed.containsAll(ignored)) {
            throw new IllegalArgumentException("PL/SQL block ignores SQLCODE " + ignored + " around " + kind + ", which"
                    + " may only ignore " + allowed + ": " + ddl.get(0));
        }
        parseEach(ddl);
    }

    /** What kind of DDL an Oracle block carries, as a key of {@link #ORACLE_DONE_CODES}. */
    private static String oracleDdlKind(String ddl) {
        String upper = ddl.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (upper.startsWith("CREATE TABLE")) {
            return "CREATE TABLE";
        }
        if (upper.startsWith("CREATE INDEX") || upper.startsWith("CREATE UNIQUE INDEX")) {
            return "CREATE INDEX";
        }
        if (ORACLE_MODIFY_NOT_NULL.matcher(ddl.strip()).matches()) {
            return "MODIFY NOT NULL";
        }
        if (ADD_UNIQUE.matcher(ddl.strip()).matches()) {
            return "ADD UNIQUE";
        }
        return "other DDL";
    }

    private void readDb2(String sql) throws JSQLParserException {
        if (!BLOCK_START.matcher(sql).matches()) {
            parsed.add(CCJSqlParserUtil.parse(sql));
            return;
        }
        Matcher guarded = DB2_GUARDED_BLOCK.matcher(sql);
        if (guarded.matches()) {
            parsed.addAll(GuardedDdl.parse(guarded.group(1), true));
            return;
        }
        List<String> ddl = new ArrayList<>();
        String shape = carriedDdl(sql, ddl);
        if (!DB2_BLOCK.matcher(shape).matches()) {
            throw new IllegalArgumentException("SQL PL compound statement is not the checkable do-if-not-done shape '"
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
        // One statement, optionally ended by ';' as T-SQL allows.
        String guarded = sql.substring(close + 1).strip().replaceFirst(";$", "").strip();
        if (!(CCJSqlParserUtil.parse(condition) instanceof Select)) {
            throw new IllegalArgumentException("IF [NOT] EXISTS does not test a SELECT: " + condition);
        }
        Statement created = CCJSqlParserUtil.parse(guarded);
        if (guard.group(1) == null) {
            requireNullableGuard(condition, guarded);
        } else if (created instanceof Alter) {
            requireConstraintGuard(condition, guarded);
        } else {
            requireGuardMatches(condition, created);
        }
        parsed.add(created);
    }

    /** {@code IF EXISTS} may only guard making a column NOT NULL, and must look for that column being nullable. */
    private static void requireNullableGuard(String condition, String guarded) {
        Matcher alter = ALTER_COLUMN_NOT_NULL.matcher(guarded);
        if (!alter.matches()) {
            throw new IllegalArgumentException("IF EXISTS may only guard ALTER TABLE t ALTER COLUMN c <type> NOT NULL: "
                    + guarded);
        }
        String upper = condition.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String objectId = "OBJECT_ID(N'" + name(alter.group(1)) + "')";
        String column = "N'" + name(alter.group(2)) + "'";
        if (!upper.contains("SYS.COLUMNS") || !upper.contains(objectId) || !upper.contains(column)
                || !upper.contains("IS_NULLABLE = 1")) {
            throw new IllegalArgumentException("IF EXISTS guard of ALTER COLUMN must look in sys.columns for " + column
                    + " of " + objectId + " with is_nullable = 1: " + condition);
        }
    }

    /** {@code IF NOT EXISTS} around ADD CONSTRAINT must look for that constraint of that table. */
    private static void requireConstraintGuard(String condition, String guarded) {
        Matcher add = ADD_UNIQUE.matcher(guarded);
        if (!add.matches()) {
            throw new IllegalArgumentException("IF NOT EXISTS may only guard ALTER TABLE t ADD CONSTRAINT c UNIQUE (...)"
                    + " among ALTER statements: " + guarded);
        }
        String upper = condition.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String objectId = "OBJECT_ID(N'" + name(add.group(1)) + "')";
        String constraint = "N'" + name(add.group(2)) + "'";
        if (!upper.contains("SYS.KEY_CONSTRAINTS") || !upper.contains(objectId) || !upper.contains(constraint)) {
            throw new IllegalArgumentException("IF NOT EXISTS guard of ADD CONSTRAINT must look in sys.key_constraints"
                    + " for " + constraint + " on " + objectId + ": " + condition);
        }
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
    static int closingParenthesis(String sql, int open) {
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

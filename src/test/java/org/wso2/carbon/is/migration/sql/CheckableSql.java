package org.wso2.carbon.is.migration.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * indexes they create. JSqlParser cannot read PL/SQL blocks, SQL PL compound statements, T-SQL {@code IF}, MySQL
 * procedures or PostgreSQL {@code DO} blocks, so those are recognised by their exact conditional-DDL shapes and the
 * DDL they carry is checked instead. Anything else that is not plain SQL is refused with a message, never skipped: a
 * script this class cannot check fails the static check.
 *
 * <p>Accepted shapes (whitespace and case aside):
 * <ul>
 *   <li>Oracle: {@code BEGIN EXECUTE IMMEDIATE '<ddl>'; EXCEPTION WHEN OTHERS THEN IF SQLCODE != -n THEN RAISE; END IF;
 *       END;} where -n is the error the DDL raises when its object is already there: -955 (name already used) for
 *       CREATE, -1430 (column already exists) for ALTER TABLE ... ADD of a column; and {@code DECLARE FOUND NUMBER;
 *       BEGIN SELECT COUNT(*) INTO FOUND FROM <USER_ catalog view> ...; IF FOUND = 0|> 0 THEN EXECUTE IMMEDIATE
 *       '<ddl>'; ... END IF; END;} whose query names the table the DDL changes.</li>
 *   <li>DB2: {@code BEGIN DECLARE CONTINUE HANDLER FOR SQLSTATE 's' BEGIN END; EXECUTE IMMEDIATE '<ddl>'; ... END} with
 *       42710 (name already used) for CREATE, 42711 (column already exists) for ALTER TABLE ... ADD COLUMN; and
 *       {@code BEGIN IF [NOT] EXISTS (<query on SYSCAT>) THEN EXECUTE IMMEDIATE '<ddl>'; ... END IF; END}. DB2's
 *       {@code SET DATA TYPE} is read as {@code TYPE}, the same change in the spelling JSqlParser knows.</li>
 *   <li>MSSQL: {@code IF [NOT] EXISTS (<query>) <one statement>}: CREATE TABLE / CREATE INDEX only under NOT EXISTS,
 *       looking in sys.objects / sys.indexes for that object; ALTER TABLE looking in a sys catalog view for
 *       OBJECT_ID(N'table') and only for names (N'...') the ALTER itself uses.</li>
 *   <li>MySQL, MariaDB: {@code DROP PROCEDURE [IF EXISTS] p}, {@code CALL p()}, and {@code CREATE PROCEDURE p() BEGIN
 *       IF [NOT] EXISTS (<query on information_schema>) THEN <ddl>; ... END IF; ... END}; each query names the table its
 *       DDL changes, and one guarding CREATE INDEX must be NOT EXISTS and name that index.</li>
 *   <li>PostgreSQL: a {@code DO $$ ... $$} block, whose PL/pgSQL JSqlParser cannot read, as long as it creates no table
 *       or index (those must stay plain statements so that every dialect's objects can be compared). What such a block
 *       does is proven by running it on PostgreSQL, not here.</li>
 * </ul>
 */
final class CheckableSql {

    /** {@code EXECUTE IMMEDIATE '<literal>';} with {@code ''} standing for a quote inside the literal. */
    private static final Pattern EXECUTE_IMMEDIATE =
            Pattern.compile("EXECUTE\\s+IMMEDIATE\\s+'((?:[^']|'')*)'\\s*;", Pattern.CASE_INSENSITIVE);
    private static final String LITERAL_PLACEHOLDER = "EXECUTE IMMEDIATE ?;";
    private static final String LITERALS = "(?:" + Pattern.quote(LITERAL_PLACEHOLDER) + " )+";
    /** PL/SQL: one DDL statement, the one SQLCODE its kind raises for an existing object ignored, all else re-raised. */
    private static final Pattern ORACLE_BLOCK = Pattern.compile(Pattern.quote("BEGIN " + LITERAL_PLACEHOLDER)
            + " EXCEPTION WHEN OTHERS THEN IF SQLCODE != -(\\d+) THEN RAISE; END IF; END;");
    private static final Pattern ORACLE_CATALOG_BLOCK = Pattern.compile("DECLARE FOUND NUMBER; BEGIN SELECT COUNT\\(\\*\\)"
            + " INTO FOUND FROM (.+?); IF FOUND (?:= 0|> 0) THEN " + LITERALS + "END IF; END;");
    /** SQL PL: only the SQLSTATE the carried DDL raises for an existing object continued past. */
    private static final Pattern DB2_BLOCK = Pattern.compile("BEGIN DECLARE CONTINUE HANDLER FOR SQLSTATE '(\\d{5})' "
            + "BEGIN END; " + LITERALS + "END");
    private static final Pattern DB2_CATALOG_BLOCK = Pattern.compile("BEGIN IF (?:NOT )?EXISTS \\((.+)\\) THEN "
            + LITERALS + "END IF; END");
    private static final Map<String, DdlKind> ORACLE_IGNORED_CODES = Map.of("955", DdlKind.CREATE,
            "1430", DdlKind.ADD_COLUMN);
    private static final Map<String, DdlKind> DB2_IGNORED_STATES = Map.of("42710", DdlKind.CREATE,
            "42711", DdlKind.ADD_COLUMN);
    private static final Pattern DB2_SET_DATA_TYPE = Pattern.compile("(?i)\\bSET\\s+DATA\\s+TYPE\\b");
    private static final Pattern BLOCK_START = Pattern.compile("(?is)^(BEGIN|DECLARE|CREATE\\s+(OR\\s+REPLACE\\s+)?"
            + "(PROCEDURE|FUNCTION|TRIGGER|PACKAGE|TYPE))\\b.*");
    private static final Pattern MSSQL_GUARD = Pattern.compile("(?is)^IF\\s+(NOT\\s+)?EXISTS\\s*\\(");
    private static final Pattern MSSQL_NAME = Pattern.compile("N'([^']+)'");
    private static final Pattern MYSQL_DROP_PROCEDURE =
            Pattern.compile("(?is)^DROP\\s+PROCEDURE\\s+(IF\\s+EXISTS\\s+)?\\w+$");
    private static final Pattern MYSQL_PROCEDURE =
            Pattern.compile("(?is)^CREATE\\s+PROCEDURE\\s+\\w+\\s*\\(\\s*\\)\\s*BEGIN\\s+(.*?)\\s*END$");
    private static final Pattern MYSQL_IF = Pattern.compile("(?is)\\GIF\\s+(NOT\\s+)?EXISTS\\s*\\(");
    private static final Pattern MYSQL_THEN = Pattern.compile("(?is)\\G\\s*THEN\\s+(.*?);\\s*END\\s+IF\\s*;\\s*");
    private static final Pattern POSTGRES_DO = Pattern.compile("(?is)^DO\\s+(\\$\\w*\\$)(.*)\\1$");
    private static final Pattern CREATES_TABLE_OR_INDEX =
            Pattern.compile("(?i)\\bCREATE\\s+(UNIQUE\\s+)?(TABLE|INDEX)\\b");

    /** What an ignored "already exists" error may stand for: the DDL must be of the kind that raises it. */
    private enum DdlKind {
        CREATE("CREATE TABLE, INDEX or SEQUENCE", "(?is)^CREATE\\s+(TABLE|INDEX|SEQUENCE)\\b.*"),
        ADD_COLUMN("ALTER TABLE ... ADD of a column",
                "(?is)^ALTER\\s+TABLE\\s+\\S+\\s+ADD\\s+(?!CONSTRAINT\\b|UNIQUE\\b|PRIMARY\\b|FOREIGN\\b|INDEX\\b)"
                        + "(COLUMN\\s+)?\\(?\\s*\\w+\\s+\\w+.*");

        private final String description;
        private final Pattern ddl;

        DdlKind(String description, String ddl) {
            this.description = description;
            this.ddl = Pattern.compile(ddl);
        }

        void require(List<String> statements, String ignored) {
            for (String statement : statements) {
                if (!ddl.matcher(statement.strip()).matches()) {
                    throw new IllegalArgumentException(ignored + " may only be ignored for " + description + ", not for: "
                            + statement.strip());
                }
            }
        }
    }

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
            case MYSQL, MARIADB -> readMySql(sql);
            case POSTGRESQL -> readPostgres(sql);
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
        Matcher ignoring = ORACLE_BLOCK.matcher(shape);
        Matcher catalog = ORACLE_CATALOG_BLOCK.matcher(shape);
        if (ignoring.matches() && ORACLE_IGNORED_CODES.containsKey(ignoring.group(1))) {
            ORACLE_IGNORED_CODES.get(ignoring.group(1)).require(ddl, "SQLCODE -" + ignoring.group(1));
            parseEach(ddl);
        } else if (catalog.matches()) {
            parseEach(ddl);
            requireCatalogQuery("SELECT COUNT(*) FROM " + catalog.group(1), "\\bUSER_[A-Z_]+\\b", "a USER_ view");
        } else {
            throw new IllegalArgumentException("PL/SQL block is not the checkable create-if-absent shape '"
                    + ORACLE_BLOCK.pattern() + "' (EXECUTE IMMEDIATE of one literal, only SQLCODE -955 for CREATE or"
                    + " -1430 for ADD of a column ignored) nor '" + ORACLE_CATALOG_BLOCK.pattern() + "'; it reads '"
                    + shape + "'");
        }
    }

    private void readDb2(String sql) throws JSQLParserException {
        if (!BLOCK_START.matcher(sql).matches()) {
            parsed.add(CCJSqlParserUtil.parse(db2Spelling(sql)));
            return;
        }
        List<String> ddl = new ArrayList<>();
        String shape = carriedDdl(sql, ddl);
        ddl.replaceAll(CheckableSql::db2Spelling);
        Matcher handler = DB2_BLOCK.matcher(shape);
        Matcher catalog = DB2_CATALOG_BLOCK.matcher(shape);
        if (handler.matches() && DB2_IGNORED_STATES.containsKey(handler.group(1))) {
            DB2_IGNORED_STATES.get(handler.group(1)).require(ddl, "SQLSTATE " + handler.group(1));
            parseEach(ddl);
        } else if (catalog.matches()) {
            parseEach(ddl);
            requireCatalogQuery(catalog.group(1), "\\bSYSCAT\\.", "SYSCAT");
        } else {
            throw new IllegalArgumentException("SQL PL compound statement is not the checkable create-if-absent shape '"
                    + DB2_BLOCK.pattern() + "' (only SQLSTATE 42710 for CREATE or 42711 for ADD COLUMN continued past,"
                    + " EXECUTE IMMEDIATE of literals) nor '" + DB2_CATALOG_BLOCK.pattern() + "'; it reads '" + shape
                    + "'");
        }
    }

    private void readMsSql(String sql) throws JSQLParserException {
        Matcher guard = MSSQL_GUARD.matcher(sql);
        if (!guard.lookingAt()) {
            parsed.addAll(CCJSqlParserUtil.parseStatements(sql));
            return;
        }
        boolean notExists = guard.group(1) != null;
        int close = closingParenthesis(sql, guard.end() - 1);
        String condition = sql.substring(guard.end(), close).strip();
        String guarded = sql.substring(close + 1).strip();
        if (!(CCJSqlParserUtil.parse(condition) instanceof Select)) {
            throw new IllegalArgumentException("IF EXISTS does not test a SELECT: " + condition);
        }
        Statement changed = CCJSqlParserUtil.parse(guarded);
        requireGuardMatches(condition, changed, guarded, notExists);
        parsed.add(changed);
    }

    /** The guard must look for the very object the guarded statement creates or changes, in the catalog that holds it. */
    private static void requireGuardMatches(String condition, Statement changed, String guarded, boolean notExists) {
        String upper = condition.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if ((changed instanceof CreateTable || changed instanceof CreateIndex) && !notExists) {
            throw new IllegalArgumentException("CREATE may only be guarded by IF NOT EXISTS: " + condition);
        }
        if (changed instanceof CreateTable table) {
            String objectId = "OBJECT_ID(N'" + name(table.getTable().getName()) + "')";
            if (!upper.contains("SYS.OBJECTS") || !upper.contains(objectId)) {
                throw new IllegalArgumentException("IF NOT EXISTS guard of CREATE TABLE must look in sys.objects for "
                        + objectId + ": " + condition);
            }
        } else if (changed instanceof CreateIndex index) {
            String indexName = "N'" + name(index.getIndex().getName()) + "'";
            String objectId = "OBJECT_ID(N'" + name(index.getTable().getName()) + "')";
            if (!upper.contains("SYS.INDEXES") || !upper.contains(indexName) || !upper.contains(objectId)) {
                throw new IllegalArgumentException("IF NOT EXISTS guard of CREATE INDEX must look in sys.indexes for "
                        + indexName + " on " + objectId + ": " + condition);
            }
        } else if (changed instanceof Alter alter) {
            String table = name(alter.getTable().getName());
            String objectId = "OBJECT_ID(N'" + table + "')";
            if (!upper.matches(".*\\bSYS\\.(COLUMNS|KEY_CONSTRAINTS|INDEXES)\\b.*") || !upper.contains(objectId)) {
                throw new IllegalArgumentException("IF EXISTS guard of ALTER TABLE must look in sys.columns, "
                        + "sys.key_constraints or sys.indexes for " + objectId + ": " + condition);
            }
            requireNamesUsedBy(upper, table, guarded);
        } else {
            throw new IllegalArgumentException("IF EXISTS guards something other than CREATE TABLE, CREATE INDEX or "
                    + "ALTER TABLE, which this check cannot verify: " + changed);
        }
    }

    /** Among the N'names' the guard tests, the table aside, must be the column or constraint the guarded ALTER uses. */
    private static void requireNamesUsedBy(String upperCondition, String table, String guarded) {
        Matcher names = MSSQL_NAME.matcher(upperCondition);
        Set<String> tested = new LinkedHashSet<>();
        while (names.find()) {
            tested.add(names.group(1));
        }
        tested.remove(table);
        Set<String> used = words(guarded);
        if (tested.stream().noneMatch(used::contains)) {
            throw new IllegalArgumentException("IF EXISTS guard of ALTER TABLE must test the column or constraint the"
                    + " ALTER uses; it tests " + tested + ": " + upperCondition);
        }
    }

    private void readMySql(String sql) throws JSQLParserException {
        if (MYSQL_DROP_PROCEDURE.matcher(sql.strip()).matches()) {
            return; // creates nothing; JSqlParser 5 cannot read DROP PROCEDURE
        }
        Matcher procedure = MYSQL_PROCEDURE.matcher(sql.strip());
        if (!procedure.matches()) {
            parsed.add(CCJSqlParserUtil.parse(sql));
            return;
        }
        String body = procedure.group(1);
        int position = 0;
        while (position < body.length()) {
            Matcher condition = MYSQL_IF.matcher(body);
            if (!condition.find(position)) {
                throw new IllegalArgumentException("MySQL procedure is not the checkable shape 'CREATE PROCEDURE p() BEGIN"
                        + " IF [NOT] EXISTS (<query on information_schema>) THEN <ddl>; END IF; ... END'; at: "
                        + body.substring(position, Math.min(body.length(), position + 80)));
            }
            boolean notExists = condition.group(1) != null;
            int close = closingParenthesis(body, condition.end() - 1);
            Matcher then = MYSQL_THEN.matcher(body);
            if (!then.find(close + 1)) {
                throw new IllegalArgumentException("MySQL procedure: IF [NOT] EXISTS (...) is not followed by "
                        + "THEN <ddl>; END IF; at: " + body.substring(close + 1, Math.min(body.length(), close + 80)));
            }
            List<Statement> ddl = new ArrayList<>();
            for (String statement : then.group(1).split(";")) {
                ddl.add(CCJSqlParserUtil.parse(statement.strip()));
            }
            String query = body.substring(condition.end(), close).strip();
            requireMySqlGuardMatches(query, ddl, notExists);
            parsed.addAll(ddl);
            position = then.end();
        }
    }

    private static void requireMySqlGuardMatches(String query, List<Statement> ddl, boolean notExists)
            throws JSQLParserException {
        String upper = query.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (!(CCJSqlParserUtil.parse(query) instanceof Select) || !upper.contains("INFORMATION_SCHEMA.")) {
            throw new IllegalArgumentException("MySQL procedure: IF [NOT] EXISTS must test a SELECT on "
                    + "information_schema: " + query);
        }
        for (Statement statement : ddl) {
            String table = tableOf(statement);
            if (!upper.contains("'" + table + "'")) {
                throw new IllegalArgumentException("MySQL procedure: the guard of a change to " + table
                        + " must name that table: " + query);
            }
            if (statement instanceof CreateIndex index && (!notExists
                    || !upper.contains("'" + name(index.getIndex().getName()) + "'"))) {
                throw new IllegalArgumentException("MySQL procedure: CREATE INDEX " + name(index.getIndex().getName())
                        + " must be guarded by IF NOT EXISTS naming that index: " + query);
            }
        }
    }

    private void readPostgres(String sql) throws JSQLParserException {
        Matcher block = POSTGRES_DO.matcher(sql.strip());
        if (!block.matches()) {
            parsed.add(CCJSqlParserUtil.parse(sql));
            return;
        }
        if (CREATES_TABLE_OR_INDEX.matcher(block.group(2)).find()) {
            throw new IllegalArgumentException("a DO block must not create a table or index (the static check cannot"
                    + " see inside PL/pgSQL): make it a plain CREATE ... IF NOT EXISTS statement");
        }
    }

    /**
     * The query deciding a catalog-conditional block must parse, read the engine's catalog ({@code catalogPattern}),
     * and name (as a string literal) the table of every DDL statement the block carries.
     */
    private void requireCatalogQuery(String query, String catalogPattern, String catalog) throws JSQLParserException {
        if (!(CCJSqlParserUtil.parse(query) instanceof Select)
                || !Pattern.compile(catalogPattern).matcher(query.toUpperCase(Locale.ROOT)).find()) {
            throw new IllegalArgumentException("the condition of a catalog-conditional block must be a query on "
                    + catalog + ": " + query);
        }
        for (Statement statement : parsed) {
            String table = tableOf(statement);
            if (!query.toUpperCase(Locale.ROOT).contains("'" + table + "'")) {
                throw new IllegalArgumentException("the condition of a block changing " + table
                        + " must name that table: " + query);
            }
        }
    }

    /** The table a DDL statement creates or changes. */
    private static String tableOf(Statement statement) {
        if (statement instanceof CreateTable table) {
            return name(table.getTable().getName());
        } else if (statement instanceof CreateIndex index) {
            return name(index.getTable().getName());
        } else if (statement instanceof Alter alter) {
            return name(alter.getTable().getName());
        }
        throw new IllegalArgumentException("a conditional block may only carry CREATE TABLE, CREATE INDEX or ALTER "
                + "TABLE, not: " + statement);
    }

    /** DB2 spells a column type change SET DATA TYPE; JSqlParser knows it as TYPE (PostgreSQL's spelling). */
    private static String db2Spelling(String ddl) {
        return DB2_SET_DATA_TYPE.matcher(ddl).replaceAll("TYPE");
    }

    private static Set<String> words(String sql) {
        Set<String> words = new LinkedHashSet<>();
        Matcher word = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(sql);
        while (word.find()) {
            words.add(word.group().toUpperCase(Locale.ROOT));
        }
        return words;
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

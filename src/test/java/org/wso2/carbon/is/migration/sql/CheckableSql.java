package org.wso2.carbon.is.migration.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;
import net.sf.jsqlparser.statement.drop.Drop;
import org.wso2.carbon.is.migration.api.Dialect;

/**
 * Turns one statement of a migration script into plain SQL statements JSqlParser can check, and lists the tables and
 * indexes they create. JSqlParser cannot read PL/SQL blocks, SQL PL compound statements, T-SQL {@code IF}, MySQL
 * procedures or PostgreSQL {@code DO} blocks, so those are recognised by their exact do-if-not-done shapes and the DDL
 * they carry is checked instead. Anything else that is not plain SQL is refused with a message, never skipped: a script
 * this class cannot check fails the static check.
 *
 * <p>Two ideas make a change safe to run again, and each has one rule:
 * <ul>
 *   <li>Ignore the error that says "already done" ({@link #requireOnlyAlreadyDoneErrors}): the ignored Oracle SQLCODEs
 *       or DB2 SQLSTATEs must all mean "done" for the kind of DDL carried ({@link #ALREADY_DONE}, kinds from
 *       {@link DdlChange}).</li>
 *   <li>Look in the catalog first ({@link GuardedDdl#requireGuard}).</li>
 * </ul>
 *
 * <p>Accepted shapes (whitespace and case aside):
 * <ul>
 *   <li>Oracle: {@code BEGIN EXECUTE IMMEDIATE '<ddl>'; EXCEPTION WHEN OTHERS THEN IF SQLCODE != -n | NOT IN (-n, -m)
 *       THEN RAISE; END IF; END;} and {@code DECLARE FOUND NUMBER; BEGIN SELECT COUNT(*) INTO FOUND FROM <query>;
 *       IF FOUND = 0 (not exists) | > 0 (exists) THEN EXECUTE IMMEDIATE '<ddl>'; ... END IF; END;}.</li>
 *   <li>DB2: {@code BEGIN DECLARE CONTINUE HANDLER FOR SQLSTATE 's' BEGIN END; EXECUTE IMMEDIATE '<ddl>'; ... END}, and
 *       {@code BEGIN <GuardedDdl body> END}. DB2's {@code SET DATA TYPE} is read as {@code TYPE}, the same change in
 *       the spelling JSqlParser knows.</li>
 *   <li>MSSQL: {@code IF [NOT] EXISTS (<query>) <one statement>[;]} ({@code ADD DEFAULT v FOR c} read as {@code ALTER
 *       COLUMN c SET DEFAULT v}), and the batch dropping a default constraint found by its column
 *       ({@link DynamicDefaultDrop}).</li>
 *   <li>MySQL, MariaDB: {@code DROP PROCEDURE [IF EXISTS] p} (creates nothing, JSqlParser cannot read it) and
 *       {@code CREATE PROCEDURE p() BEGIN <GuardedDdl body> END}.</li>
 *   <li>PostgreSQL: {@code DO $$ BEGIN <GuardedDdl body> END $$}; any other {@code DO} block is PL/pgSQL this class
 *       cannot read, accepted only if it creates no table or index (those must stay visible so that every dialect's
 *       objects can be compared): what it does is proven by running it on PostgreSQL, not here.</li>
 *   <li>H2: {@code ADD CONSTRAINT IF NOT EXISTS}, read as {@code ADD CONSTRAINT}; a Java function ({@code CREATE ALIAS
 *       ... AS $$ ... $$}, {@code CALL}, {@code DROP ALIAS}), like a PostgreSQL DO block, only if it creates no table or
 *       index: what it does is proven by running it on H2.</li>
 * </ul>
 */
public final class CheckableSql {

    /** {@code EXECUTE IMMEDIATE '<literal>';} with {@code ''} standing for a quote inside the literal. */
    private static final Pattern EXECUTE_IMMEDIATE =
            Pattern.compile("EXECUTE\\s+IMMEDIATE\\s+'((?:[^']|'')*)'\\s*;", Pattern.CASE_INSENSITIVE);
    private static final String LITERAL_PLACEHOLDER = "EXECUTE IMMEDIATE ?;";
    private static final String LITERALS = "(?:" + Pattern.quote(LITERAL_PLACEHOLDER) + " )+";
    /** PL/SQL: one DDL statement, the SQLCODEs named ignored, everything else re-raised. */
    private static final Pattern ORACLE_IGNORING_BLOCK = Pattern.compile(Pattern.quote("BEGIN " + LITERAL_PLACEHOLDER
            + " EXCEPTION WHEN OTHERS THEN IF SQLCODE ") + "(?:!= (-\\d+)|NOT IN \\((-\\d+(?:, ?-\\d+)*)\\))"
            + Pattern.quote(" THEN RAISE; END IF; END;"));
    private static final Pattern ORACLE_GUARDED_BLOCK = Pattern.compile("DECLARE FOUND NUMBER; BEGIN"
            + " SELECT COUNT\\(\\*\\) INTO FOUND FROM (.+?); IF FOUND (= 0|> 0) THEN " + LITERALS + "END IF; END;");
    /** SQL PL: the one SQLSTATE named continued past, then the DDL. */
    private static final Pattern DB2_IGNORING_BLOCK = Pattern.compile("BEGIN DECLARE CONTINUE HANDLER FOR SQLSTATE "
            + "'(\\d{5})' BEGIN END; " + LITERALS + "END");
    /** {@code CREATE [OR REPLACE | OR ALTER] TRIGGER}: Oracle, DB2 and MSSQL spell the re-runnable create so. */
    private static final Pattern TRIGGER =
            Pattern.compile("(?is)^CREATE\\s+(?:OR\\s+(?:REPLACE|ALTER)\\s+)?TRIGGER\\s+\\w+\\s.*");
    /** One INSERT of a trigger body: up to its {@code ;}, or the end of a single-statement trigger. */
    private static final Pattern TRIGGER_INSERT = Pattern.compile("(?is)\\bINSERT\\s+INTO\\s+.*?(?=;|$)");
    private static final Pattern ROW_REFERENCE = Pattern.compile(":(NEW|OLD)\\.");
    private static final Pattern DB2_GUARDED_BLOCK = Pattern.compile("(?is)^BEGIN\\s+(IF\\b.*)\\bEND$");
    /**
     * The errors that mean "already done", by dialect and kind of DDL. Oracle: ORA-00955 name already used, ORA-01408
     * column list already indexed, ORA-01430 column already exists, ORA-02261 such unique or primary key exists,
     * ORA-02264 constraint name already used, ORA-01442 column already NOT NULL, ORA-01418 (dropping an index) no such
     * index. DB2: 42710 object or constraint name already used, 42711 column already exists, 42704 (dropping an index)
     * no such object.
     */
    private static final Map<Dialect, Map<DdlChange.Kind, Set<String>>> ALREADY_DONE = Map.of(
            Dialect.ORACLE, Map.of(
                    DdlChange.Kind.CREATE_TABLE, Set.of("-955"),
                    DdlChange.Kind.CREATE_INDEX, Set.of("-955", "-1408"),
                    DdlChange.Kind.ADD_COLUMN, Set.of("-1430"),
                    DdlChange.Kind.ADD_KEY, Set.of("-2261", "-2264"),
                    DdlChange.Kind.SET_NOT_NULL, Set.of("-1442"),
                    DdlChange.Kind.DROP_INDEX, Set.of("-1418")),
            Dialect.DB2, Map.of(
                    DdlChange.Kind.CREATE_TABLE, Set.of("42710"),
                    DdlChange.Kind.CREATE_INDEX, Set.of("42710"),
                    DdlChange.Kind.ADD_COLUMN, Set.of("42711"),
                    DdlChange.Kind.ADD_KEY, Set.of("42710"),
                    DdlChange.Kind.DROP_INDEX, Set.of("42704")));
    /**
     * MySQL/MariaDB online-DDL options ending a CREATE INDEX ({@code ALGORITHM=INPLACE LOCK=NONE}) or an ALTER TABLE
     * ({@code , ALGORITHM=INPLACE, LOCK=NONE}): they say how the index is built, not what it is, and JSqlParser does
     * not read them, so they are left out before parsing.
     */
    private static final Pattern MYSQL_ONLINE_DDL_OPTIONS =
            Pattern.compile("(?i)(?:\\s*,?\\s+(?:ALGORITHM|LOCK)\\s*=?\\s*\\w+)+$");
    /** MariaDB's {@code ALTER TABLE ... ADD [UNIQUE] INDEX IF NOT EXISTS}, which JSqlParser reads without the guard. */
    private static final Pattern MARIADB_ADD_INDEX_IF_NOT_EXISTS =
            Pattern.compile("(?i)\\b(ADD\\s+(?:UNIQUE\\s+)?(?:INDEX|KEY))\\s+IF\\s+NOT\\s+EXISTS\\b");
    /** PostgreSQL's CONCURRENTLY, like the MySQL options above, says how an index is built; JSqlParser reads the rest. */
    private static final Pattern POSTGRES_CONCURRENTLY =
            Pattern.compile("(?i)\\bCREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b");
    private static final Pattern DB2_SET_DATA_TYPE = Pattern.compile("(?i)\\bSET\\s+DATA\\s+TYPE\\b");
    private static final Pattern BLOCK_START = Pattern.compile("(?is)^(BEGIN|DECLARE|CREATE\\s+(OR\\s+REPLACE\\s+)?"
            + "(PROCEDURE|FUNCTION|TRIGGER|PACKAGE|TYPE))\\b.*");
    /**
     * MSSQL's {@code ADD DEFAULT v FOR column}, which JSqlParser does not read, is read as {@code ALTER COLUMN column
     * SET DEFAULT v}, the same change in the spelling it knows (as DB2's SET DATA TYPE is).
     */
    private static final Pattern MSSQL_ADD_DEFAULT = Pattern.compile("(?i)\\bADD\\s+DEFAULT\\s+(\\S+)\\s+FOR\\s+(\\w+)");
    /**
     * A column added with a DEFAULT and without NOT NULL: SQL Server gives existing rows the default only with
     * {@code WITH VALUES} (JSqlParser does not read it, so it is checked here and taken off), and NULL otherwise.
     */
    private static final Pattern MSSQL_NULLABLE_COLUMN_WITH_DEFAULT = Pattern.compile(
            "(?is)^ALTER\\s+TABLE\\s+\\w+\\s+ADD\\s+(?!DEFAULT\\b|CONSTRAINT\\b)(?!.*\\bNOT\\s+NULL\\b).*\\bDEFAULT\\b.*");
    private static final Pattern MSSQL_WITH_VALUES = Pattern.compile("(?i)\\s+WITH\\s+VALUES$");
    private static final Pattern MSSQL_GUARD = Pattern.compile("(?is)^IF\\s+(NOT\\s+)?EXISTS\\s*\\(");
    private static final Pattern MYSQL_DROP_PROCEDURE =
            Pattern.compile("(?is)^DROP\\s+PROCEDURE\\s+(IF\\s+EXISTS\\s+)?\\w+$");
    private static final Pattern MYSQL_PROCEDURE =
            Pattern.compile("(?is)^CREATE\\s+PROCEDURE\\s+\\w+\\s*\\(\\s*\\)\\s*BEGIN\\b(.*)\\bEND$");
    private static final Pattern POSTGRES_DO = Pattern.compile("(?is)^DO\\s+(\\$\\w*\\$)(.*)\\1$");
    private static final Pattern POSTGRES_GUARDED_BODY =
            Pattern.compile("(?is)^\\s*BEGIN\\s+(IF\\b.*)\\bEND\\s*;?\\s*$");
    private static final Pattern CREATES_TABLE_OR_INDEX =
            Pattern.compile("(?i)\\bCREATE\\s+(UNIQUE\\s+)?(TABLE|INDEX)\\b");
    private static final Pattern H2_JAVA_FUNCTION = Pattern.compile("(?is)^(?:CREATE\\s+ALIAS\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?\\w+\\s+AS\\s+\\$\\$.*\\$\\$"
            + "|CALL\\s+\\w+\\s*\\(.*\\)|DROP\\s+ALIAS\\s+(?:IF\\s+EXISTS\\s+)?\\w+)$");
    private static final Pattern H2_ADD_CONSTRAINT_IF_NOT_EXISTS =
            Pattern.compile("(?i)\\bADD\\s+CONSTRAINT\\s+IF\\s+NOT\\s+EXISTS\\b");

    private final List<Statement> parsed = new ArrayList<>();

    private CheckableSql() {
    }

    /**
     * Parses what {@code statement} carries.
     *
     * @throws IllegalArgumentException naming the statement's location if it cannot be checked or does not parse
     */
    public static CheckableSql of(SqlStatement statement, Dialect dialect) {
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

    private static boolean isUnique(CreateIndex index) {
        return index.getIndex().getType() != null
                && index.getIndex().getType().toUpperCase(Locale.ROOT).contains("UNIQUE");
    }

    /** The plain statements found, parsed. */
    public List<Statement> statements() {
        return List.copyOf(parsed);
    }

    /**
     * What the statements create: {@code TABLE <name>} and {@code INDEX <name> ON <table>}, upper case. Unique keys are
     * not listed: dialects spell the same key as a constraint or as a unique index (PostgreSQL builds one CONCURRENTLY
     * and then attaches it with ADD CONSTRAINT ... USING INDEX, MariaDB creates it IF NOT EXISTS).
     */
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
            } else if (statement instanceof CreateIndex index && !isUnique(index)) {
                objects.add("INDEX " + name(index.getIndex().getName()) + " ON " + name(index.getTable().getName()));
            } else if (statement instanceof Alter alter && alter.getAlterExpressions() != null) {
                objects.addAll(addedIndexes(alter));
            }
        }
        return objects;
    }

    /**
     * The plain indexes an ALTER TABLE adds ({@code ADD INDEX}, MySQL/MariaDB), as {@link #createdObjects} names them;
     * not one the same statement drops first (a new definition of an index there already), nor a key added by name
     * ({@code ADD CONSTRAINT ... PRIMARY KEY | UNIQUE | FOREIGN KEY}).
     */
    private static List<String> addedIndexes(Alter alter) {
        Set<String> dropped = new TreeSet<>();
        List<String> added = new ArrayList<>();
        for (AlterExpression expression : alter.getAlterExpressions()) {
            Index index = expression.getIndex();
            if (index == null || index.getName() == null) {
                continue;
            }
            String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
            if (expression.getOperation() == AlterOperation.DROP) {
                dropped.add(name(index.getName()));
            } else if (expression.getOperation() == AlterOperation.ADD && !type.contains("UNIQUE")
                    && !type.contains("PRIMARY") && !type.contains("FOREIGN")
                    && !dropped.contains(name(index.getName()))) {
                added.add("INDEX " + name(index.getName()) + " ON " + name(alter.getTable().getName()));
            }
        }
        return added;
    }

    /** The indexes the statement drops ({@code DROP INDEX}), by name. */
    List<String> droppedIndexes() {
        List<String> indexes = new ArrayList<>();
        for (Statement statement : parsed) {
            if (statement instanceof Drop drop && drop.getType().equalsIgnoreCase("INDEX")) {
                indexes.add(name(drop.getName().getName()));
            }
        }
        return indexes;
    }

    private void read(String sql, Dialect dialect) throws JSQLParserException {
        if (TRIGGER.matcher(sql.strip()).matches()) {
            readTrigger(sql);
            return;
        }
        switch (dialect) {
            case ORACLE -> readOracle(sql);
            case DB2 -> readDb2(sql);
            case MSSQL -> readMsSql(sql);
            case MYSQL, MARIADB -> readMySql(sql, dialect);
            case POSTGRESQL -> readPostgres(sql);
            case H2 -> readH2(sql);
        }
    }

    private void readOracle(String sql) throws JSQLParserException {
        if (!BLOCK_START.matcher(sql).matches()) {
            parsed.add(CCJSqlParserUtil.parse(sql));
            return;
        }
        List<String> ddl = new ArrayList<>();
        String shape = carriedDdl(sql, ddl);
        Matcher ignoring = ORACLE_IGNORING_BLOCK.matcher(shape);
        Matcher guarded = ORACLE_GUARDED_BLOCK.matcher(shape);
        if (ignoring.matches()) {
            String codes = ignoring.group(1) != null ? ignoring.group(1) : ignoring.group(2);
            requireOnlyAlreadyDoneErrors(Dialect.ORACLE, "SQLCODE", List.of(codes.split(", ?")), ddl);
        } else if (guarded.matches()) {
            for (String statement : ddl) {
                GuardedDdl.requireGuard(Dialect.ORACLE, "SELECT COUNT(*) FROM " + guarded.group(1),
                        guarded.group(2).equals("= 0"), statement);
            }
        } else {
            throw new IllegalArgumentException("PL/SQL block is not the checkable do-if-not-done shape '"
                    + ORACLE_IGNORING_BLOCK.pattern() + "' (EXECUTE IMMEDIATE of one literal, only the SQLCODEs that"
                    + " mean its kind of DDL is done ignored) nor '" + ORACLE_GUARDED_BLOCK.pattern() + "'; it reads '"
                    + shape + "'");
        }
        parseEach(ddl);
    }

    private void readDb2(String sql) throws JSQLParserException {
        if (!BLOCK_START.matcher(sql).matches()) {
            parsed.add(CCJSqlParserUtil.parse(db2Spelling(sql)));
            return;
        }
        Matcher guarded = DB2_GUARDED_BLOCK.matcher(sql.strip());
        if (guarded.matches()) {
            parsed.addAll(GuardedDdl.parse(db2Spelling(guarded.group(1)), Dialect.DB2));
            return;
        }
        List<String> ddl = new ArrayList<>();
        String shape = carriedDdl(sql, ddl);
        ddl.replaceAll(CheckableSql::db2Spelling);
        Matcher ignoring = DB2_IGNORING_BLOCK.matcher(shape);
        if (!ignoring.matches()) {
            throw new IllegalArgumentException("SQL PL compound statement is not the checkable do-if-not-done shape '"
                    + DB2_IGNORING_BLOCK.pattern() + "' (EXECUTE IMMEDIATE of literals, only the SQLSTATE that means"
                    + " their kind of DDL is done continued past) nor 'BEGIN IF [NOT] EXISTS (...) THEN ... END IF;"
                    + " END'; it reads '" + shape + "'");
        }
        requireOnlyAlreadyDoneErrors(Dialect.DB2, "SQLSTATE", List.of(ignoring.group(1)), ddl);
        parseEach(ddl);
    }

    /**
     * A row trigger (the sync tool's journal triggers): JSqlParser reads no trigger, so each INSERT its body runs is
     * parsed, with Oracle's {@code :NEW.} / {@code :OLD.} row references spelled as plain qualified names.
     */
    private void readTrigger(String sql) throws JSQLParserException {
        Matcher insert = TRIGGER_INSERT.matcher(sql);
        int found = 0;
        while (insert.find()) {
            parsed.add(CCJSqlParserUtil.parse(ROW_REFERENCE.matcher(insert.group()).replaceAll("$1_ROW.")));
            found++;
        }
        if (found == 0) {
            throw new IllegalArgumentException("trigger body holds no INSERT the static check can read");
        }
    }

    /** Every error a block ignores must mean "already done" for every DDL statement it carries. */
    private static void requireOnlyAlreadyDoneErrors(Dialect dialect, String error, List<String> ignored,
            List<String> ddl) {
        for (String statement : ddl) {
            DdlChange.Kind kind = DdlChange.of(statement).kind();
            Set<String> allowed = ALREADY_DONE.get(dialect).getOrDefault(kind, Set.of());
            if (!allowed.containsAll(ignored)) {
                throw new IllegalArgumentException("block ignores " + error + " " + new TreeSet<>(ignored) + " around "
                        + kind.description() + ", which may only ignore " + new TreeSet<>(allowed) + ": "
                        + statement.strip());
            }
        }
    }

    private void readMsSql(String sql) throws JSQLParserException {
        if (DynamicDefaultDrop.isOne(sql)) {
            parsed.addAll(DynamicDefaultDrop.parse(sql));
            return;
        }
        Matcher guard = MSSQL_GUARD.matcher(sql);
        if (!guard.lookingAt()) {
            parsed.addAll(CCJSqlParserUtil.parseStatements(sql));
            return;
        }
        int close = closingParenthesis(sql, guard.end() - 1);
        String condition = sql.substring(guard.end(), close).strip();
        // One statement, optionally ended by ';' as T-SQL allows.
        String guarded = sql.substring(close + 1).strip().replaceFirst(";$", "").strip();
        GuardedDdl.requireGuard(Dialect.MSSQL, condition, guard.group(1) != null, guarded);
        Matcher withValues = MSSQL_WITH_VALUES.matcher(guarded);
        if (withValues.find()) {
            guarded = guarded.substring(0, withValues.start());
        } else if (MSSQL_NULLABLE_COLUMN_WITH_DEFAULT.matcher(guarded).matches()) {
            throw new IllegalArgumentException("a nullable column added with a DEFAULT needs WITH VALUES, or SQL"
                    + " Server leaves the existing rows NULL: " + guarded);
        }
        parsed.add(CCJSqlParserUtil.parse(
                MSSQL_ADD_DEFAULT.matcher(guarded).replaceAll("ALTER COLUMN $2 SET DEFAULT $1")));
    }

    private void readMySql(String sql, Dialect dialect) throws JSQLParserException {
        Matcher procedure = MYSQL_PROCEDURE.matcher(sql.strip());
        if (procedure.matches()) {
            parsed.addAll(GuardedDdl.parse(procedure.group(1), dialect));
        } else if (!MYSQL_DROP_PROCEDURE.matcher(sql.strip()).matches()) {
            String bare = MYSQL_ONLINE_DDL_OPTIONS.matcher(sql.strip()).replaceAll("");
            parsed.add(CCJSqlParserUtil.parse(MARIADB_ADD_INDEX_IF_NOT_EXISTS.matcher(bare).replaceAll("$1")));
        }
    }

    private void readPostgres(String sql) throws JSQLParserException {
        Matcher block = POSTGRES_DO.matcher(sql.strip());
        if (!block.matches()) {
            parsed.add(CCJSqlParserUtil.parse(POSTGRES_CONCURRENTLY.matcher(sql).replaceAll("CREATE $1INDEX")));
            return;
        }
        Matcher guarded = POSTGRES_GUARDED_BODY.matcher(block.group(2));
        if (guarded.matches()) {
            parsed.addAll(GuardedDdl.parse(guarded.group(1), Dialect.POSTGRESQL));
        } else if (CREATES_TABLE_OR_INDEX.matcher(block.group(2)).find()) {
            throw new IllegalArgumentException("a DO block that is not only IF [NOT] EXISTS guards must not create a"
                    + " table or index (the static check cannot see inside PL/pgSQL): make it a plain CREATE ... IF NOT"
                    + " EXISTS statement");
        }
    }

    private void readH2(String sql) throws JSQLParserException {
        if (!H2_JAVA_FUNCTION.matcher(sql.strip()).matches()) {
            parsed.add(CCJSqlParserUtil.parse(
                    H2_ADD_CONSTRAINT_IF_NOT_EXISTS.matcher(sql).replaceAll("ADD CONSTRAINT")));
        } else if (CREATES_TABLE_OR_INDEX.matcher(sql).find()) {
            throw new IllegalArgumentException("an H2 Java function must not create a table or index (the static check"
                    + " cannot see inside Java): make it a plain CREATE ... IF NOT EXISTS statement");
        }
    }

    /** DB2 spells a column type change SET DATA TYPE; JSqlParser knows it as TYPE (PostgreSQL's spelling). */
    private static String db2Spelling(String ddl) {
        return DB2_SET_DATA_TYPE.matcher(ddl).replaceAll("TYPE");
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
        throw new IllegalArgumentException("IF [NOT] EXISTS ( is never closed");
    }

    /** An identifier as the database stores it unquoted: quotes removed, upper case. */
    private static String name(String identifier) {
        return identifier.replaceAll("[\"`\\[\\]]", "").toUpperCase(Locale.ROOT);
    }
}

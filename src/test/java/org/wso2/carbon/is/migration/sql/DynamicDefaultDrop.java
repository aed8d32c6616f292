package org.wso2.carbon.is.migration.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * The one T-SQL batch with variables the MSSQL scripts may hold: dropping a column's default constraint that has no
 * known name (SQL Server names an unnamed one {@code DF__<table>__<column>__<random>}), found by its column in the
 * catalog and dropped through dynamic SQL. JSqlParser cannot read a T-SQL batch with {@code IF ... BEGIN ... END}, so
 * the batch must have exactly this shape (whitespace, case and variable names aside), and its parts are parsed one by
 * one:
 *
 * <pre>
 * DECLARE @name SYSNAME, @drop NVARCHAR(n);
 * SELECT @name = d.name FROM sys.default_constraints d
 *     JOIN sys.columns c ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id
 *     WHERE d.parent_object_id = OBJECT_ID(N'T') AND c.name = N'C' AND &lt;a test of d.definition&gt;;
 * IF @name IS NOT NULL
 * BEGIN
 *     SET @drop = N'ALTER TABLE T DROP CONSTRAINT ' + QUOTENAME(@name);
 *     EXEC sp_executesql @drop;
 * END
 * </pre>
 *
 * Rules, each with its own refusal: BEGIN and END balance; the name is quoted with {@code QUOTENAME} (a generated name
 * may hold characters that end the statement); the lookup joins on both the table and the column id (a default of
 * another column is never dropped); the table dropped from is the table looked in; and the lookup tests the
 * definition, so that a default already at its new value is kept and a second run changes nothing.
 */
final class DynamicDefaultDrop {

    private static final Pattern STARTS = Pattern.compile("(?is)^DECLARE\\b.*\\bSYS\\.DEFAULT_CONSTRAINTS\\b.*");
    private static final Pattern WORD_BEGIN = Pattern.compile("\\bBEGIN\\b");
    private static final Pattern WORD_END = Pattern.compile("\\bEND\\b");
    private static final Pattern SHAPE = Pattern.compile("^DECLARE (@\\w+) SYSNAME, (@\\w+) NVARCHAR\\(\\d+\\); "
            + "(SELECT \\1 = (\\w+)\\.NAME FROM SYS\\.DEFAULT_CONSTRAINTS \\4 JOIN SYS\\.COLUMNS (\\w+) ON "
            + "\\5\\.OBJECT_ID = \\4\\.PARENT_OBJECT_ID AND \\5\\.COLUMN_ID = \\4\\.PARENT_COLUMN_ID WHERE "
            + "\\4\\.PARENT_OBJECT_ID = OBJECT_ID\\(N'(\\w+)'\\) AND \\5\\.NAME = N'(\\w+)' AND (.+)); "
            + "IF \\1 IS NOT NULL BEGIN (SET \\2 = N'(ALTER TABLE (\\w+) DROP CONSTRAINT) ' \\+ QUOTENAME\\(\\1\\)); "
            + "(EXEC SP_EXECUTESQL \\2); END;?$");

    private DynamicDefaultDrop() {
    }

    /** Whether {@code sql} is meant as such a batch (a DECLARE reading sys.default_constraints). */
    static boolean isOne(String sql) {
        return STARTS.matcher(sql.strip()).matches();
    }

    /**
     * Checks the batch against the shape and the rules of the class comment.
     *
     * @return its parts, parsed: the DECLARE, the lookup, the SET, the EXEC and the ALTER TABLE the dynamic SQL runs
     * @throws IllegalArgumentException naming the rule broken
     */
    static List<Statement> parse(String sql) throws JSQLParserException {
        String text = sql.strip().replaceAll("\\s+", " ").replaceAll(" ?; ?", "; ").replaceAll("\\( ", "(")
                .replaceAll(" \\)", ")").toUpperCase(Locale.ROOT).replaceAll("; $", ";");
        if (count(WORD_BEGIN, text) != count(WORD_END, text)) {
            throw new IllegalArgumentException("BEGIN and END do not balance in the default-constraint batch");
        }
        if (text.contains("DROP CONSTRAINT ' +") && !text.contains("+ QUOTENAME(")) {
            throw new IllegalArgumentException("the dynamic DROP CONSTRAINT must quote the name with QUOTENAME(...)");
        }
        if (text.contains("SYS.COLUMNS") && !text.contains(".PARENT_COLUMN_ID")) {
            throw new IllegalArgumentException("the lookup must join sys.columns on parent_column_id, or it may drop"
                    + " another column's default");
        }
        Matcher shape = SHAPE.matcher(text);
        if (!shape.matches()) {
            throw new IllegalArgumentException("T-SQL batch is not the checkable default-constraint drop '"
                    + SHAPE.pattern() + "'; it reads '" + text + "'");
        }
        String table = shape.group(6);
        if (!table.equals(shape.group(11))) {
            throw new IllegalArgumentException("the dynamic SQL drops a constraint of " + shape.group(11)
                    + " but the lookup reads the defaults of " + table);
        }
        if (!shape.group(8).contains(shape.group(4) + ".DEFINITION")) {
            throw new IllegalArgumentException("the lookup must test " + shape.group(4).toLowerCase(Locale.ROOT)
                    + ".definition, so that a default already at its new value is kept: " + shape.group(8));
        }
        List<Statement> parts = new ArrayList<>();
        parts.add(CCJSqlParserUtil.parse(text.substring(0, text.indexOf(';'))));
        parts.add(CCJSqlParserUtil.parse(shape.group(3)));
        parts.add(CCJSqlParserUtil.parse(shape.group(9)));
        parts.add(CCJSqlParserUtil.parse(shape.group(12)));
        parts.add(CCJSqlParserUtil.parse(shape.group(10) + " DF_FOUND_BY_COLUMN"));
        return parts;
    }

    private static int count(Pattern word, String text) {
        Matcher matcher = word.matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}

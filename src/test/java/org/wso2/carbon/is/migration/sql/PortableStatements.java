package org.wso2.carbon.is.migration.sql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.DatabaseEngine;

/**
 * Checks the SQL a data step builds in Java for a dialect no test engine runs (Oracle, MSSQL, DB2): each statement
 * parses with JSqlParser, and keeps the portability rules a parser accepts but those engines do not:
 * <ul>
 *   <li>only SELECT, UPDATE and INSERT: a data step creates no object, so Oracle's 30-character limit on names of
 *       objects created does not arise, and every name the statements use fits it too;</li>
 *   <li>no empty string literal: Oracle stores '' as NULL, so a comparison with it is never true there;</li>
 *   <li>CONCAT with exactly two arguments (Oracle's takes two; MSSQL, DB2 and MySQL have that form too) and no
 *       {@code ||} (MSSQL has none; MySQL reads it as OR);</li>
 *   <li>first-n-rows only in the dialect's own form ({@link DatabaseEngine#firstRows}): no LIMIT on Oracle, MSSQL
 *       or DB2, no OFFSET anywhere;</li>
 *   <li>values bound as parameters: a string literal only as a LIKE pattern or as constant text of a CONCAT, a
 *       number only as the first-rows count;</li>
 *   <li>no parameter marker standing alone in a select list (DB2 cannot type it there);</li>
 *   <li>no AS before a table alias (Oracle refuses it).</li>
 * </ul>
 */
public final class PortableStatements {

    private static final Pattern TOKEN = Pattern.compile(
            "'(?:[^']|'')*'|\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_$#]*|[0-9]+(?:\\.[0-9]+)?|\\|\\||<>|<=|>=|!=|\\S");
    /** The words some dialect's first-rows form uses; a dialect may use only its own. */
    private static final Set<String> FIRST_ROWS_WORDS = Set.of("LIMIT", "OFFSET", "TOP", "FETCH", "FIRST", "ROWS",
            "ONLY", "NEXT");
    private static final int ORACLE_NAME_LIMIT = 30;
    private static final String DOES_NOT_PARSE = "does not parse";

    private PortableStatements() {
    }

    /** A rule {@link #violations} checks; each statement must parse whatever the rules. */
    public enum Rule {
        /** Only SELECT, UPDATE and INSERT. */
        DATA_ONLY,
        /** No empty string literal. */
        NO_EMPTY_STRING,
        /** CONCAT with two arguments, no {@code ||}. */
        TWO_ARGUMENT_CONCAT,
        /** LIMIT, TOP, FETCH FIRST only as the dialect's first-rows form; no OFFSET. */
        OWN_FIRST_ROWS,
        /** String literals only as LIKE patterns or CONCAT's constant text, numbers only as the first-rows count. */
        VALUES_BOUND,
        /** No parameter marker alone in a select list. */
        TYPED_SELECT_LIST,
        /** No AS before a table alias. */
        NO_AS_TABLE_ALIAS,
        /** Names of at most 30 characters. */
        ORACLE_NAME_LENGTH
    }

    /** Fails with every broken rule of every statement, for {@code dialect}. */
    public static void assertPortable(Dialect dialect, Collection<String> statements) {
        assertPortable(EnumSet.of(dialect), statements, EnumSet.noneOf(Rule.class));
    }

    /** Fails with every broken rule but those {@code exempt} of every statement, for {@code dialect}. */
    public static void assertPortable(Dialect dialect, Collection<String> statements, Set<Rule> exempt) {
        assertPortable(EnumSet.of(dialect), statements, exempt);
    }

    /**
     * Fails with every broken rule but those {@code exempt} of every statement, for each of {@code dialects}: for
     * statements whose text is the same in every dialect, each parsed once.
     */
    public static void assertPortable(Set<Dialect> dialects, Collection<String> statements, Set<Rule> exempt) {
        assertTrue(!statements.isEmpty(), dialects + ": no statements given");
        Set<Rule> rules = EnumSet.allOf(Rule.class);
        rules.removeAll(exempt);
        List<String> broken = new ArrayList<>();
        for (String sql : statements) {
            for (String rule : statementViolations(sql, rules)) {
                broken.add(rule + ": " + sql);
            }
            for (Dialect dialect : dialects) {
                for (String rule : textViolations(dialect, sql, rules)) {
                    broken.add(dialect + ": " + rule + ": " + sql);
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    /** The rules {@code sql} breaks in {@code dialect}; empty when it keeps them all. */
    public static List<String> violations(Dialect dialect, String sql) {
        Set<Rule> rules = EnumSet.allOf(Rule.class);
        List<String> broken = statementViolations(sql, rules);
        if (broken.isEmpty() || !broken.get(0).startsWith(DOES_NOT_PARSE)) {
            broken.addAll(textViolations(dialect, sql, rules));
        }
        return broken;
    }

    /** What the parser finds: the statement parses, and is data only. */
    private static List<String> statementViolations(String sql, Set<Rule> rules) {
        List<String> broken = new ArrayList<>();
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parse(sql);
        } catch (JSQLParserException e) {
            broken.add(DOES_NOT_PARSE + " (" + firstLine(e) + ")");
            return broken;
        }
        if (!(statement instanceof Select || statement instanceof Update || statement instanceof Insert)) {
            add(broken, rules, Rule.DATA_ONLY, "not a SELECT, UPDATE or INSERT");
        }
        return broken;
    }

    /** What the parser accepts but an engine does not: the rules read from the statement's tokens. */
    private static List<String> textViolations(Dialect dialect, String sql, Set<Rule> rules) {
        List<String> broken = new ArrayList<>();
        List<String> tokens = tokens(sql);
        Set<String> ownFirstRows = firstRowsWords(dialect);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String upper = token.toUpperCase(Locale.ROOT);
            String previous = i == 0 ? "" : tokens.get(i - 1).toUpperCase(Locale.ROOT);
            if (token.equals("''")) {
                add(broken, rules, Rule.NO_EMPTY_STRING, "empty string literal (NULL on Oracle)");
            } else if (token.startsWith("'") && !previous.equals("LIKE") && !insideConcat(tokens, i)) {
                add(broken, rules, Rule.VALUES_BOUND, "string literal " + token + " not bound as a parameter");
            } else if (Character.isDigit(token.charAt(0)) && !FIRST_ROWS_WORDS.contains(previous)) {
                add(broken, rules, Rule.VALUES_BOUND, "number " + token + " not bound as a parameter");
            } else if (token.equals("||")) {
                add(broken, rules, Rule.TWO_ARGUMENT_CONCAT, "|| (not concatenation on MSSQL and MySQL)");
            } else if (FIRST_ROWS_WORDS.contains(upper) && !ownFirstRows.contains(upper)) {
                add(broken, rules, Rule.OWN_FIRST_ROWS, upper + " outside " + dialect + "'s first-rows form");
            } else if (upper.equals("CONCAT") && arguments(tokens, i + 1) != 2) {
                add(broken, rules, Rule.TWO_ARGUMENT_CONCAT, "CONCAT with " + arguments(tokens, i + 1)
                        + " arguments");
            } else if (Character.isLetter(token.charAt(0)) && token.length() > ORACLE_NAME_LIMIT) {
                add(broken, rules, Rule.ORACLE_NAME_LENGTH, token + " is longer than Oracle's " + ORACLE_NAME_LIMIT
                        + " characters");
            } else if (token.equals("?") && (previous.equals("SELECT") || previous.equals(",") && inSelectList(
                    tokens, i)) && (i + 1 == tokens.size() || tokens.get(i + 1).equals(",")
                    || tokens.get(i + 1).equalsIgnoreCase("FROM"))) {
                add(broken, rules, Rule.TYPED_SELECT_LIST, "parameter marker alone in a select list (untyped on"
                        + " DB2)");
            } else if ((upper.equals("FROM") || upper.equals("JOIN")) && afterTableReference(tokens, i + 1)
                    .equalsIgnoreCase("AS")) {
                add(broken, rules, Rule.NO_AS_TABLE_ALIAS, "AS before a table alias (refused by Oracle)");
            }
        }
        return broken;
    }

    private static void add(List<String> broken, Set<Rule> rules, Rule rule, String violation) {
        if (rules.contains(rule)) {
            broken.add(violation);
        }
    }

    /** The words of {@code dialect}'s first-rows form, as its engine writes it. */
    private static Set<String> firstRowsWords(Dialect dialect) {
        Set<String> words = new HashSet<>();
        for (String token : tokens(DatabaseEngine.of(dialect).firstRows("C", "T", "W", "C", 1))) {
            String upper = token.toUpperCase(Locale.ROOT);
            if (FIRST_ROWS_WORDS.contains(upper)) {
                words.add(upper);
            }
        }
        return words;
    }

    private static List<String> tokens(String sql) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(sql);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** The arguments of the call whose opening parenthesis is at {@code open}. */
    private static int arguments(List<String> tokens, int open) {
        if (open >= tokens.size() || !tokens.get(open).equals("(")) {
            return 0;
        }
        int depth = 0;
        int commas = 0;
        for (int i = open; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("(")) {
                depth++;
            } else if (token.equals(")") && --depth == 0) {
                return tokens.get(i - 1).equals("(") ? 0 : commas + 1;
            } else if (token.equals(",") && depth == 1) {
                commas++;
            }
        }
        return commas + 1;
    }

    /** Whether the token at {@code at} is an argument of a CONCAT call, directly. */
    private static boolean insideConcat(List<String> tokens, int at) {
        int depth = 0;
        for (int i = at - 1; i > 0; i--) {
            String token = tokens.get(i);
            if (token.equals(")")) {
                depth++;
            } else if (token.equals("(")) {
                if (depth == 0) {
                    return tokens.get(i - 1).equalsIgnoreCase("CONCAT");
                }
                depth--;
            }
        }
        return false;
    }

    /** Whether the token at {@code at} is in a select list: SELECT comes before it at its depth, FROM not yet. */
    private static boolean inSelectList(List<String> tokens, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            String token = tokens.get(i);
            if (token.equals(")")) {
                depth++;
            } else if (token.equals("(")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && token.equalsIgnoreCase("SELECT")) {
                return true;
            } else if (depth == 0 && (token.equalsIgnoreCase("FROM") || token.equalsIgnoreCase("WHERE"))) {
                return false;
            }
        }
        return false;
    }

    /** The token after the table name or derived table that starts at {@code at}. */
    private static String afterTableReference(List<String> tokens, int at) {
        int i = at;
        if (i < tokens.size() && tokens.get(i).equals("(")) {
            int depth = 0;
            for (; i < tokens.size(); i++) {
                if (tokens.get(i).equals("(")) {
                    depth++;
                } else if (tokens.get(i).equals(")") && --depth == 0) {
                    break;
                }
            }
        }
        return i + 1 < tokens.size() ? tokens.get(i + 1) : "";
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

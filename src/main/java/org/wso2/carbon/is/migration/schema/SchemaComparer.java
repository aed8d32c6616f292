package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.schema.SchemaDifference.Kind;

/**
 * Compares a live schema with the schema facts it should match and lists every difference: missing and extra tables,
 * columns, UNIQUE constraints, foreign keys, indexes and sequences; column type, nullability, default and
 * auto-increment; primary-key columns; unique and foreign-key names where the facts declare them; ON DELETE; index
 * columns and uniqueness; and, as its own kind, column order.
 *
 * <p>Both sides are brought to one canonical form first. Every normalisation, and why it is safe:
 * <ul>
 *   <li><b>Identifiers</b> are compared case-insensitively: PostgreSQL folds unquoted names to lower case.</li>
 *   <li><b>Integer types</b>: {@code INT}, {@code INTEGER}, {@code INT4}, {@code INTEGER(11)} and {@code SERIAL} are
 *       INTEGER; {@code INT8}/{@code BIGSERIAL}/{@code BIGINT(20)} are BIGINT; {@code INT2}/{@code SMALLINT(6)} are
 *       SMALLINT. A display width does not change what a column holds (MySQL/MariaDB print it, H2 1.4 ignores it,
 *       H2 2.x rejects it); SERIAL is an INTEGER whose auto-increment is compared separately.</li>
 *   <li><b>Boolean</b>: {@code BOOL} and MySQL's {@code TINYINT(1)} (what MySQL/MariaDB make of BOOLEAN) are BOOLEAN.</li>
 *   <li><b>Character types</b>: {@code CHARACTER VARYING(n)} (H2 2.x, PostgreSQL) is VARCHAR(n);
 *       {@code CHARACTER(n)}/{@code BPCHAR(n)} is CHAR(n); {@code TIMESTAMP WITHOUT TIME ZONE} is TIMESTAMP.</li>
 *   <li><b>H2 only</b>: {@code BINARY LARGE OBJECT} (2.x) and {@code TINYBLOB}/{@code MEDIUMBLOB}/{@code LONGBLOB} are
 *       BLOB, and {@code LONGVARCHAR} is VARCHAR, because H2 has one BLOB and one VARCHAR type and maps the MySQL
 *       names onto them; a length of 10^9 or more (H2's "no length": 2147483647 in 1.4, 1000000000 in 2.x) is no
 *       length. {@code BLOB(1024)} keeps its length: H2 stores it.</li>
 *   <li><b>MySQL/MariaDB only</b>: {@code BLOB(n)} is the type MySQL picks for that size (TINYBLOB up to 255, BLOB up to
 *       65535, MEDIUMBLOB, LONGBLOB) and then holds. BLOB and MEDIUMBLOB stay different: they hold different
 *       maximum sizes.</li>
 *   <li><b>Defaults</b>: no default, {@code NULL} and {@code DEFAULT NULL} are the same (MariaDB prints {@code NULL}
 *       for a nullable column without default); enclosing parentheses and PostgreSQL casts ({@code '0'::integer},
 *       {@code ::regclass}, {@code ::character varying}) are dropped; one quoted literal is unquoted, because every
 *       engine converts a default to the column type and prints it its own way ({@code '0'} and {@code 0} on a
 *       CHAR(1) or INTEGER column store the same); upper case, so {@code nextval('seq')} is {@code NEXTVAL('SEQ')};
 *       {@code current_timestamp()}, {@code CURRENT_TIMESTAMP(n)}, {@code NOW()} and {@code LOCALTIMESTAMP} are
 *       {@code CURRENT_TIMESTAMP}; {@code TRUE}/{@code FALSE} are {@code 1}/{@code 0} (MySQL stores BOOLEAN as
 *       TINYINT); on a TIMESTAMP column MySQL's {@code 0000-00-00 00:00:00} is {@code 0}, which is what
 *       {@code DEFAULT 0} becomes.</li>
 *   <li><b>Auto-increment</b>: a SERIAL column counts as auto-increment. Engines implement it differently (H2 1.4: a
 *       default from a SYSTEM_SEQUENCE; PostgreSQL SERIAL: a default from a sequence the column owns); the readers
 *       report those as auto-increment without that default and leave such sequences out of the sequence list.</li>
 *   <li><b>ON DELETE</b>: none declared, {@code RESTRICT} and {@code NO ACTION} are the same: without deferred
 *       constraints (none in IS schemas) they behave alike, and engines report the default as either.</li>
 *   <li><b>Generated constraint names</b> are never compared: a UNIQUE or foreign-key name is compared only where the
 *       facts declare it; primary-key names are not compared (MySQL/MariaDB call every primary key PRIMARY).</li>
 *   <li><b>MySQL/MariaDB unique indexes</b>: MariaDB has no UNIQUE constraint apart from a unique index, so on that
 *       dialect a unique index of the facts is expected as a UNIQUE constraint with the index's name.</li>
 *   <li><b>Indexes that back a constraint</b> (primary key, UNIQUE, and InnoDB's index for a foreign key) are not
 *       indexes of the schema; the readers leave them out.</li>
 * </ul>
 */
public final class SchemaComparer {

    private static final Pattern TYPE = Pattern.compile("^([A-Z][A-Z0-9_ ]*?)\\s*(?:\\((\\d+)(?:\\s*,\\s*\\d+)?\\))?"
            + "(\\s+UNSIGNED)?$");
    private static final Pattern POSTGRES_CAST = Pattern.compile("::[a-z_ ]+(\\(\\d+(,\\d+)?\\))?(\\[])?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile(
            "^(CURRENT_TIMESTAMP(\\(\\d*\\))?|NOW\\(\\)|LOCALTIMESTAMP(\\(\\d*\\))?)$");
    private static final long H2_UNBOUNDED = 1_000_000_000L;

    private final Dialect dialect;
    private final List<SchemaDifference> differences = new ArrayList<>();

    private SchemaComparer(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Every difference between the facts and the live schema, normalised for the live schema's dialect. */
    public static List<SchemaDifference> compare(SchemaFacts expected, LiveSchema actual) {
        SchemaComparer comparer = new SchemaComparer(actual.dialect());
        comparer.compareTables(byUpperName(expected.tables()), byUpperName(actual.tables()));
        comparer.compareNames(Kind.MISSING_SEQUENCE, Kind.EXTRA_SEQUENCE, null, expected.sequences(),
                actual.sequences());
        return Collections.unmodifiableList(comparer.differences);
    }

    private static Map<String, TableSchema> byUpperName(Map<String, TableSchema> tables) {
        Map<String, TableSchema> upper = new LinkedHashMap<>();
        tables.forEach((name, table) -> upper.put(upper(name), table));
        return upper;
    }

    private void compareTables(Map<String, TableSchema> expected, Map<String, TableSchema> actual) {
        compareNames(Kind.MISSING_TABLE, Kind.EXTRA_TABLE, null, expected.keySet(), actual.keySet());
        for (Map.Entry<String, TableSchema> entry : expected.entrySet()) {
            TableSchema live = actual.get(entry.getKey());
            if (live != null) {
                compareTable(entry.getKey(), engineView(entry.getValue()), engineView(live));
            }
        }
    }

    private void compareTable(String table, TableSchema expected, TableSchema actual) {
        compareColumns(table, expected, actual);
        List<String> expectedKey = upper(expected.primaryKey());
        List<String> actualKey = upper(actual.primaryKey());
        if (!expectedKey.equals(actualKey)) {
            add(Kind.PRIMARY_KEY, table, null, columnList(expectedKey), columnList(actualKey));
        }
        compareUniques(table, expected.uniques(), actual.uniques());
        compareForeignKeys(table, expected.foreignKeys(), actual.foreignKeys());
        compareIndexes(table, expected.indexes(), actual.indexes());
    }

    private void compareColumns(String table, TableSchema expected, TableSchema actual) {
        List<String> expectedNames = upper(expected.columns().stream().map(ColumnSchema::name)
                .collect(Collectors.toList()));
        List<String> actualNames = upper(actual.columns().stream().map(ColumnSchema::name)
                .collect(Collectors.toList()));
        compareNames(Kind.MISSING_COLUMN, Kind.EXTRA_COLUMN, table, expectedNames, actualNames);
        for (ColumnSchema column : expected.columns()) {
            actual.column(column.name()).ifPresent(live -> compareColumn(table, column, live));
        }
        List<String> expectedOrder = expectedNames.stream().filter(actualNames::contains)
                .collect(Collectors.toList());
        List<String> actualOrder = actualNames.stream().filter(expectedNames::contains)
                .collect(Collectors.toList());
        if (!expectedOrder.equals(actualOrder)) {
            add(Kind.COLUMN_ORDER, table, null, columnList(expectedOrder), columnList(actualOrder));
        }
    }

    private void compareColumn(String table, ColumnSchema expected, ColumnSchema actual) {
        String column = upper(expected.name());
        String expectedType = canonicalType(expected.type());
        String actualType = canonicalType(actual.type());
        if (!expectedType.equals(actualType)) {
            add(Kind.COLUMN_TYPE, table, column, expected.type(), actual.type());
        }
        if (expected.nullable() != actual.nullable()) {
            add(Kind.COLUMN_NULLABILITY, table, column, nullability(expected), nullability(actual));
        }
        if (!Objects.equals(canonicalDefault(expected.defaultValue(), expectedType),
                canonicalDefault(actual.defaultValue(), actualType))) {
            add(Kind.COLUMN_DEFAULT, table, column, expected.defaultValue(), actual.defaultValue());
        }
        if (isAutoIncrement(expected) != isAutoIncrement(actual)) {
            add(Kind.COLUMN_AUTO_INCREMENT, table, column, String.valueOf(isAutoIncrement(expected)),
                    String.valueOf(isAutoIncrement(actual)));
        }
    }

    private void compareUniques(String table, List<UniqueConstraint> expected, List<UniqueConstraint> actual) {
        List<UniqueConstraint> unmatched = new ArrayList<>(actual);
        // Named ones first, so that an unnamed constraint does not take the live one an equal named one should match
        // (MySQL UM_TENANT has both UNIQUE (UM_DOMAIN_NAME) and UNIQUE INDEX INDEX_UM_TENANT_UM_DOMAIN_NAME).
        List<UniqueConstraint> namedFirst = new ArrayList<>(expected);
        namedFirst.sort(Comparator.comparing(u -> u.name() == null));
        for (UniqueConstraint unique : namedFirst) {
            List<String> columns = upper(unique.columns());
            UniqueConstraint match = takeMatch(unmatched, u -> upper(u.columns()).equals(columns)
                    && unique.name() != null && unique.name().equalsIgnoreCase(u.name()));
            if (match == null) {
                match = takeMatch(unmatched, u -> upper(u.columns()).equals(columns));
            }
            if (match == null) {
                add(Kind.MISSING_UNIQUE, table, columnList(columns), describe(unique), null);
            } else if (unique.name() != null && !unique.name().equalsIgnoreCase(match.name())) {
                add(Kind.UNIQUE_NAME, table, columnList(columns), upper(unique.name()), upper(match.name()));
            }
        }
        for (UniqueConstraint extra : unmatched) {
            add(Kind.EXTRA_UNIQUE, table, columnList(upper(extra.columns())), null, describe(extra));
        }
    }

    private void compareForeignKeys(String table, List<ForeignKeyConstraint> expected,
                                    List<ForeignKeyConstraint> actual) {
        List<ForeignKeyConstraint> unmatched = new ArrayList<>(actual);
        for (ForeignKeyConstraint fk : expected) {
            String subject = describeReference(fk);
            ForeignKeyConstraint match = takeMatch(unmatched, f -> describeReference(f).equals(subject));
            if (match == null) {
                add(Kind.MISSING_FOREIGN_KEY, table, subject, describe(fk), null);
                continue;
            }
            if (!onDelete(fk).equals(onDelete(match))) {
                add(Kind.FOREIGN_KEY_ON_DELETE, table, subject, onDelete(fk), onDelete(match));
            }
            if (fk.name() != null && !fk.name().equalsIgnoreCase(match.name())) {
                add(Kind.FOREIGN_KEY_NAME, table, subject, upper(fk.name()), upper(match.name()));
            }
        }
        for (ForeignKeyConstraint extra : unmatched) {
            add(Kind.EXTRA_FOREIGN_KEY, table, describeReference(extra), null, describe(extra));
        }
    }

    private void compareIndexes(String table, List<IndexSchema> expected, List<IndexSchema> actual) {
        Map<String, IndexSchema> live = new LinkedHashMap<>();
        actual.forEach(index -> live.put(upper(index.name()), index));
        for (IndexSchema index : expected) {
            String name = upper(index.name());
            IndexSchema match = live.remove(name);
            if (match == null) {
                add(Kind.MISSING_INDEX, table, name, describe(index), null);
            } else if (!describe(index).equals(describe(match))) {
                add(Kind.INDEX_DEFINITION, table, name, describe(index), describe(match));
            }
        }
        live.forEach((name, extra) -> add(Kind.EXTRA_INDEX, table, name, null, describe(extra)));
    }

    private void compareNames(Kind missing, Kind extra, String table, Iterable<String> expected,
                              Iterable<String> actual) {
        TreeSet<String> expectedNames = new TreeSet<>();
        expected.forEach(name -> expectedNames.add(upper(name)));
        TreeSet<String> actualNames = new TreeSet<>();
        actual.forEach(name -> actualNames.add(upper(name)));
        for (String name : expectedNames) {
            if (!actualNames.contains(name)) {
                add(missing, table, name, name, null);
            }
        }
        for (String name : actualNames) {
            if (!expectedNames.contains(name)) {
                add(extra, table, name, null, name);
            }
        }
    }

    /** On MySQL/MariaDB a unique index is the same object as a UNIQUE constraint; see the class comment. */
    private TableSchema engineView(TableSchema table) {
        if (!isMySqlFamily() || table.indexes().stream().noneMatch(IndexSchema::unique)) {
            return table;
        }
        List<UniqueConstraint> uniques = new ArrayList<>(table.uniques());
        List<IndexSchema> indexes = new ArrayList<>();
        for (IndexSchema index : table.indexes()) {
            if (index.unique()) {
                uniques.add(new UniqueConstraint(index.name(), index.columns()));
            } else {
                indexes.add(index);
            }
        }
        return new TableSchema(table.name(), table.columns(), table.primaryKey(), table.primaryKeyName(), uniques,
                table.foreignKeys(), indexes);
    }

    /** The type in the canonical form described in the class comment. */
    String canonicalType(String type) {
        String text = type.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher matcher = TYPE.matcher(text);
        if (!matcher.matches()) {
            return text;
        }
        String base = matcher.group(1).trim();
        Long length = matcher.group(2) == null ? null : Long.valueOf(matcher.group(2));
        switch (base) {
            case "INT":
            case "INTEGER":
            case "INT4":
            case "SERIAL":
            case "SERIAL4":
                return "INTEGER";
            case "BIGINT":
            case "INT8":
            case "BIGSERIAL":
            case "SERIAL8":
                return "BIGINT";
            case "SMALLINT":
            case "INT2":
            case "SMALLSERIAL":
                return "SMALLINT";
            case "BOOL":
            case "BOOLEAN":
                return "BOOLEAN";
            case "TINYINT":
                return length != null && length == 1 ? "BOOLEAN" : "TINYINT";
            case "TIMESTAMP WITHOUT TIME ZONE":
            case "TIMESTAMP":
                return "TIMESTAMP";
            case "CHARACTER VARYING":
            case "VARCHAR":
                base = "VARCHAR";
                break;
            case "CHARACTER":
            case "BPCHAR":
            case "CHAR":
                base = "CHAR";
                break;
            case "BINARY LARGE OBJECT":
                base = "BLOB";
                break;
            case "CHARACTER LARGE OBJECT":
                base = "CLOB";
                break;
            default:
                break;
        }
        if (dialect == Dialect.H2) {
            if (base.equals("LONGVARCHAR")) {
                base = "VARCHAR";
                length = null;
            }
            if (base.equals("TINYBLOB") || base.equals("MEDIUMBLOB") || base.equals("LONGBLOB")
                    || base.equals("IMAGE")) {
                base = "BLOB";
            }
            if (length != null && length >= H2_UNBOUNDED) {
                length = null;
            }
        }
        if (isMySqlFamily() && base.equals("BLOB") && length != null) {
            base = length <= 255 ? "TINYBLOB" : length <= 65_535 ? "BLOB" : length <= 16_777_215 ? "MEDIUMBLOB"
                    : "LONGBLOB";
            length = null;
        }
        return length == null ? base : base + "(" + length + ")";
    }

    /** The default in the canonical form described in the class comment; null for none. */
    String canonicalDefault(String value, String canonicalType) {
        if (value == null) {
            return null;
        }
        String text = POSTGRES_CAST.matcher(value.trim()).replaceAll("");
        while (text.startsWith("(") && text.endsWith(")") && balanced(text.substring(1, text.length() - 1))) {
            text = text.substring(1, text.length() - 1).trim();
        }
        if (text.equalsIgnoreCase("NULL")) {
            return null;
        }
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
                && !text.substring(1, text.length() - 1).replace("''", "").contains("'")) {
            text = text.substring(1, text.length() - 1).replace("''", "'");
        }
        text = text.toUpperCase(Locale.ROOT);
        if (CURRENT_TIMESTAMP.matcher(text).matches()) {
            return "CURRENT_TIMESTAMP";
        }
        if (text.equals("TRUE")) {
            return "1";
        }
        if (text.equals("FALSE")) {
            return "0";
        }
        if (canonicalType.equals("TIMESTAMP") && text.equals("0000-00-00 00:00:00")) {
            return "0";
        }
        return text;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static boolean isAutoIncrement(ColumnSchema column) {
        return column.autoIncrement() || column.type().trim().toUpperCase(Locale.ROOT).matches("(BIG|SMALL)?SERIAL[248]?");
    }

    private static String onDelete(ForeignKeyConstraint fk) {
        String action = fk.onDelete() == null ? "NO ACTION" : fk.onDelete().trim().toUpperCase(Locale.ROOT);
        return action.equals("RESTRICT") ? "NO ACTION" : action;
    }

    private boolean isMySqlFamily() {
        return dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
    }

    private static <T> T takeMatch(List<T> candidates, Predicate<T> test) {
        for (Iterator<T> it = candidates.iterator(); it.hasNext(); ) {
            T candidate = it.next();
            if (test.test(candidate)) {
                it.remove();
                return candidate;
            }
        }
        return null;
    }

    private void add(Kind kind, String table, String subject, String expected, String actual) {
        differences.add(new SchemaDifference(kind, table, subject, expected, actual));
    }

    private static String nullability(ColumnSchema column) {
        return column.nullable() ? "NULL" : "NOT NULL";
    }

    private static String describe(UniqueConstraint unique) {
        return (unique.name() == null ? "" : upper(unique.name()) + " ") + "UNIQUE " + columnList(upper(unique.columns()));
    }

    private static String describe(ForeignKeyConstraint fk) {
        return (fk.name() == null ? "" : upper(fk.name()) + " ") + describeReference(fk) + " ON DELETE " + onDelete(fk);
    }

    private static String describeReference(ForeignKeyConstraint fk) {
        return columnList(upper(fk.columns())) + " -> " + upper(fk.refTable()) + columnList(upper(fk.refColumns()));
    }

    private static String describe(IndexSchema index) {
        return (index.unique() ? "UNIQUE " : "") + columnList(upper(index.columns().stream()
                .map(c -> c.replace(" ", "")).collect(Collectors.toList())));
    }

    private static String columnList(List<String> columns) {
        return "(" + String.join(", ", columns) + ")";
    }

    private static String upper(String name) {
        return name == null ? null : name.toUpperCase(Locale.ROOT);
    }

    private static List<String> upper(List<String> names) {
        return names.stream().map(SchemaComparer::upper).collect(Collectors.toList());
    }
}

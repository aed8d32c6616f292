package org.wso2.carbon.is.migration.sql;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one DDL statement carried by a procedural block changes, read from its text: the kind of change, its table and
 * the objects (index, constraint, column) it names. Both checks of such blocks depend on it, and only on it: which
 * "already done" errors a block may ignore ({@link CheckableSql}) and what a catalog guard must look for
 * ({@link GuardedDdl}).
 */
final class DdlChange {

    /** Kinds of change the checks tell apart; a change that only adds an object says which catalog views list it. */
    enum Kind {
        CREATE_TABLE("CREATE TABLE",
                "SYS\\.OBJECTS|SYS\\.TABLES|USER_TABLES|SYSCAT\\.TABLES|INFORMATION_SCHEMA\\.TABLES"),
        CREATE_INDEX("CREATE INDEX",
                "SYS\\.INDEXES|USER_INDEXES|SYSCAT\\.INDEXES|INFORMATION_SCHEMA\\.STATISTICS"),
        ADD_COLUMN("ADD COLUMN",
                "SYS\\.COLUMNS|USER_TAB_COLUMNS|SYSCAT\\.COLUMNS|INFORMATION_SCHEMA\\.COLUMNS"),
        /** MySQL keeps a UNIQUE constraint as an index, so STATISTICS lists it there. */
        ADD_KEY("ADD CONSTRAINT ... UNIQUE|PRIMARY KEY", "SYS\\.KEY_CONSTRAINTS|USER_CONSTRAINTS|SYSCAT\\.TABCONST"
                + "|INFORMATION_SCHEMA\\.TABLE_CONSTRAINTS|INFORMATION_SCHEMA\\.STATISTICS"),
        /** MSSQL {@code ADD [CONSTRAINT k] DEFAULT v FOR column}: a column has at most one default constraint. */
        ADD_DEFAULT("ADD DEFAULT ... FOR", "SYS\\.DEFAULT_CONSTRAINTS"),
        SET_NOT_NULL("SET NOT NULL", null),
        DROP_INDEX("DROP INDEX", null),
        /** ALTER TABLE ... RENAME TO, and the spellings of engines without it (DB2 RENAME TABLE, MSSQL sp_rename). */
        RENAME_TABLE("table rename", null),
        OTHER_ALTER("other ALTER TABLE", null),
        OTHER("DDL other than CREATE TABLE, CREATE INDEX or ALTER TABLE", null);

        private final String description;
        private final Pattern catalogViews;

        Kind(String description, String catalogViews) {
            this.description = description;
            this.catalogViews = catalogViews == null ? null : Pattern.compile("\\b(?:" + catalogViews + ")\\b");
        }

        String description() {
            return description;
        }

        /** Whether the change only adds an object, so that running it again fails or duplicates. */
        boolean onlyAdds() {
            return catalogViews != null;
        }

        /** Whether {@code upperQuery} reads a catalog view listing the kind of object this change adds. */
        boolean readsViewOfAddedObject(String upperQuery) {
            return catalogViews.matcher(upperQuery).find();
        }

        String catalogViews() {
            return catalogViews.pattern();
        }
    }

    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE TABLE (\\w+)\\b.*");
    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE (?:UNIQUE )?INDEX (\\w+) ON (\\w+)\\b.*");
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER TABLE (\\w+) (.*)$");
    /** {@code DROP INDEX name}, and the MSSQL/MySQL spelling that names its table. */
    private static final Pattern DROP_INDEX = Pattern.compile("^DROP INDEX (\\w+)(?: ON (\\w+))?$");
    /** DB2 {@code RENAME TABLE old TO new}, MSSQL {@code EXEC sp_rename N'old', N'new'}: the table is the old name. */
    private static final Pattern RENAME_TABLE =
            Pattern.compile("^(?:RENAME TABLE (\\w+) TO \\w+|EXEC SP_RENAME N?'(\\w+)', ?N?'\\w+')$");
    private static final Pattern RENAME_TO = Pattern.compile("^RENAME TO \\w+$");
    /** A second clause of one ALTER TABLE: the change is a combination, not one of the single kinds. */
    private static final Pattern FURTHER_CLAUSE = Pattern.compile(", ?(?:ADD|DROP|MODIFY|ALTER|RENAME|CHANGE)\\b");
    /** {@code ADD [COLUMN] [(]name}, name captured, where name is a column, not a keyword of another ADD. */
    private static final String ADDED_COLUMN = "ADD (?:COLUMN )?\\(? ?"
            + "(?!(?:CONSTRAINT|INDEX|KEY|UNIQUE|PRIMARY|FOREIGN|CHECK|COLUMN|DEFAULT)\\b)(\\w+)";
    private static final Pattern ADD_COLUMN = Pattern.compile("^" + ADDED_COLUMN + " .*");
    /** With its columns, or (PostgreSQL) over a unique index built before: {@code ... UNIQUE USING INDEX name}. */
    private static final Pattern ADD_KEY =
            Pattern.compile("^ADD CONSTRAINT \\w+ (?:UNIQUE|PRIMARY KEY) ?(?:\\(.*\\)|USING INDEX \\w+)$");
    /** MSSQL's default constraint on a column, the constraint named or not; the value is a literal. */
    private static final Pattern ADD_DEFAULT = Pattern.compile("^ADD (?:CONSTRAINT \\w+ )?DEFAULT \\S+ FOR \\w+$");
    /** Oracle, DB2/PostgreSQL/H2, and MSSQL/MySQL (which restate the type) spellings of making a column NOT NULL. */
    private static final Pattern SET_NOT_NULL = Pattern.compile("^(?:MODIFY \\( ?\\w+ NOT NULL ?\\)"
            + "|ALTER COLUMN \\w+ SET NOT NULL"
            + "|(?:ALTER COLUMN|MODIFY(?: COLUMN)?) \\w+ \\w+(?: ?\\(\\d+\\))? NOT NULL)$");
    /** The clauses naming an object a guard must look for; each captures the name. */
    private static final List<Pattern> NAMED_OBJECTS = List.of(
            Pattern.compile("^CREATE (?:UNIQUE )?INDEX (\\w+)"),
            Pattern.compile("^DROP INDEX (\\w+)"),
            Pattern.compile("\\b(?:ADD|DROP) CONSTRAINT (\\w+)"),
            Pattern.compile("\\b(?:ADD|DROP|RENAME) INDEX (\\w+)"),
            Pattern.compile("\\bMODIFY (?:COLUMN )?\\(? ?(\\w+)"),
            Pattern.compile("\\b(?:ALTER|DROP) COLUMN (\\w+)"),
            Pattern.compile("\\bDEFAULT \\S+ FOR (\\w+)$"),
            Pattern.compile("\\b" + ADDED_COLUMN));

    private final String ddl;
    private final Kind kind;
    private final String table;
    private final Set<String> objects = new LinkedHashSet<>();

    private DdlChange(String ddl, Kind kind, String table) {
        this.ddl = ddl;
        this.kind = kind;
        this.table = table;
    }

    /** Reads {@code ddl} (one statement, no terminator). Never fails: what it does not know is {@link Kind#OTHER}. */
    static DdlChange of(String ddl) {
        String text = ddl.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        DdlChange change = classify(text);
        for (Pattern named : NAMED_OBJECTS) {
            Matcher object = named.matcher(text);
            while (object.find()) {
                change.objects.add(object.group(1));
            }
        }
        return change;
    }

    private static DdlChange classify(String text) {
        Matcher match = CREATE_TABLE.matcher(text);
        if (match.matches()) {
            return new DdlChange(text, Kind.CREATE_TABLE, match.group(1));
        }
        match = CREATE_INDEX.matcher(text);
        if (match.matches()) {
            return new DdlChange(text, Kind.CREATE_INDEX, match.group(2));
        }
        match = DROP_INDEX.matcher(text);
        if (match.matches()) {
            return new DdlChange(text, Kind.DROP_INDEX, match.group(2));
        }
        match = RENAME_TABLE.matcher(text);
        if (match.matches()) {
            return new DdlChange(text, Kind.RENAME_TABLE, match.group(1) != null ? match.group(1) : match.group(2));
        }
        match = ALTER_TABLE.matcher(text);
        if (!match.matches()) {
            return new DdlChange(text, Kind.OTHER, null);
        }
        String clause = match.group(2);
        Kind kind;
        if (FURTHER_CLAUSE.matcher(clause).find()) {
            kind = Kind.OTHER_ALTER;
        } else if (RENAME_TO.matcher(clause).matches()) {
            kind = Kind.RENAME_TABLE;
        } else if (ADD_KEY.matcher(clause).matches()) {
            kind = Kind.ADD_KEY;
        } else if (ADD_DEFAULT.matcher(clause).matches()) {
            kind = Kind.ADD_DEFAULT;
        } else if (ADD_COLUMN.matcher(clause).matches()) {
            kind = Kind.ADD_COLUMN;
        } else if (SET_NOT_NULL.matcher(clause).matches()) {
            kind = Kind.SET_NOT_NULL;
        } else {
            kind = Kind.OTHER_ALTER;
        }
        return new DdlChange(text, kind, match.group(1));
    }

    Kind kind() {
        return kind;
    }

    /** The table created or changed, upper case; {@code null} for {@link Kind#OTHER}. */
    String table() {
        return table;
    }

    /** Indexes, constraints and columns the statement names (besides its table), upper case. */
    Set<String> objects() {
        return Collections.unmodifiableSet(objects);
    }

    @Override
    public String toString() {
        return ddl;
    }
}

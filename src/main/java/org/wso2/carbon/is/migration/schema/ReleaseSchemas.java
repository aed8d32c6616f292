package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * The release schemas that ship in the bundle, as one database should hold them: the facts of the parts
 * ({@link SchemaPart}) a database serves, merged when one database serves both, and the live schema narrowed to the
 * tables those parts are about.
 */
public final class ReleaseSchemas {

    /** The releases whose schema facts ship with the bundle, oldest first. */
    public static final List<String> RELEASES = Collections.unmodifiableList(
            Arrays.asList("5.5.0", "5.6.0", "5.7.0", "5.8.0", "5.9.0", "5.10.0"));

    /** Facts files are immutable and read over and over (every release, for every database): parsed once. */
    private static final Map<String, SchemaFacts> LOADED = new ConcurrentHashMap<>();

    private ReleaseSchemas() {
    }

    /** {@link SchemaFacts#load}, parsed once per file. */
    static SchemaFacts load(String factsDialect, String version, boolean kernel) {
        return LOADED.computeIfAbsent(factsDialect + "/" + version + "/" + kernel,
                key -> SchemaFacts.load(factsDialect, version, kernel));
    }

    /**
     * The facts files a database of this dialect is compared with: MySQL and MariaDB have two script variants
     * ({@code mysql.sql} and {@code mysql5.7.sql}, the latter for 5.7.0 and 5.8.0 only); Oracle, MSSQL and DB2 have
     * none.
     */
    public static List<String> factsDialects(Dialect dialect) {
        switch (dialect) {
            case H2:
                return Collections.singletonList("h2");
            case POSTGRESQL:
                return Collections.singletonList("postgresql");
            case MYSQL:
            case MARIADB:
                return Arrays.asList("mysql", "mysql5.7");
            default:
                return Collections.emptyList();
        }
    }

    /** True when the facts of this release exist for every part in that facts dialect. */
    public static boolean available(String factsDialect, String version, Set<SchemaPart> parts) {
        return parts.stream().allMatch(part -> SchemaFacts.available(factsDialect, version, part.kernel()));
    }

    /** The facts of {@code parts} of one release, as one database holding them all. */
    public static SchemaFacts facts(String factsDialect, String version, Set<SchemaPart> parts) {
        if (parts.size() == 1) {
            return load(factsDialect, version, parts.iterator().next().kernel());
        }
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        Set<String> sequences = new TreeSet<>();
        List<SeedRow> seedRows = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        for (SchemaPart part : parts) {
            SchemaFacts facts = load(factsDialect, version, part.kernel());
            tables.putAll(facts.tables());
            sequences.addAll(facts.sequences());
            seedRows.addAll(facts.seedRows());
            resources.add(facts.resource());
        }
        return new SchemaFacts(version, factsDialect, false, String.join(" + ", resources), tables,
                new ArrayList<>(sequences), seedRows);
    }

    /**
     * The live schema without the tables and sequences of the parts it is not compared for: where one DataSource
     * reaches a database that holds both parts, the shared tables are not "extra" tables of the identity database.
     * A table neither part knows (one of the operator's own) is kept, so that it shows.
     */
    public static LiveSchema narrowed(LiveSchema live, Set<SchemaPart> parts) {
        Set<String> otherTables = new TreeSet<>();
        Set<String> otherSequences = new TreeSet<>();
        for (SchemaPart part : SchemaPart.values()) {
            if (!parts.contains(part)) {
                otherTables.addAll(namesOfAnyRelease(live.dialect(), part, facts -> facts.tables().keySet()));
                otherSequences.addAll(namesOfAnyRelease(live.dialect(), part, SchemaFacts::sequences));
            }
        }
        Set<String> ownTables = tablesOfAnyRelease(live.dialect(), parts);
        Map<String, TableSchema> kept = new TreeMap<>(live.tables());
        kept.keySet().removeIf(table -> otherTables.contains(table.toUpperCase(Locale.ROOT))
                && !ownTables.contains(table.toUpperCase(Locale.ROOT)));
        List<String> sequences = new ArrayList<>(live.sequences());
        sequences.removeIf(sequence -> otherSequences.contains(sequence.toUpperCase(Locale.ROOT)));
        return new LiveSchema(live.dialect(), live.engineVersion(), kept, sequences);
    }

    /**
     * Every table name (upper case) some release gives one of these parts. Table names are the same in every
     * dialect's scripts, so the PostgreSQL facts stand for the dialects that have none.
     */
    static Set<String> tablesOfAnyRelease(Dialect dialect, Set<SchemaPart> parts) {
        Set<String> tables = new TreeSet<>();
        for (SchemaPart part : parts) {
            tables.addAll(namesOfAnyRelease(dialect, part, facts -> facts.tables().keySet()));
        }
        return tables;
    }

    private static Set<String> namesOfAnyRelease(Dialect dialect, SchemaPart part,
                                                 Function<SchemaFacts, Collection<String>> names) {
        List<String> factsDialects = factsDialects(dialect);
        String factsDialect = factsDialects.isEmpty() ? "postgresql" : factsDialects.get(0);
        Set<String> all = new TreeSet<>();
        for (String release : RELEASES) {
            if (SchemaFacts.available(factsDialect, release, part.kernel())) {
                names.apply(load(factsDialect, release, part.kernel()))
                        .forEach(name -> all.add(name.toUpperCase(Locale.ROOT)));
            }
        }
        return all;
    }
}

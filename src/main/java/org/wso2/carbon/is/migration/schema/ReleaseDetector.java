package org.wso2.carbon.is.migration.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.wso2.carbon.is.migration.api.Dialect;
import org.wso2.carbon.is.migration.database.CatalogLookup;

/**
 * Finds which release a live database's schema is. On H2, PostgreSQL, MySQL and MariaDB the whole schema (read by
 * {@link LiveSchemaReader}) is compared with each release's schema facts ({@link SchemaComparer}); the releases with
 * the fewest differences are the answer, and when that is not zero the differences come with it. Oracle, MSSQL and
 * DB2 have no facts: there the tables and columns each release added (the same names in every dialect's scripts)
 * are looked up in the catalog, which tells releases apart but not a type or key a script changed. The tool's own
 * tables ({@code IS_MIGRATION_*}) are never part of the schema.
 */
public final class ReleaseDetector {

    private ReleaseDetector() {
    }

    /** The release of the schema {@code connection} reaches, for the parts that database serves. */
    public static DetectedRelease detect(Connection connection, Dialect dialect, Set<SchemaPart> parts)
            throws SQLException {
        if (ReleaseSchemas.factsDialects(dialect).isEmpty()) {
            return byMarkers(connection, dialect, parts);
        }
        return byFacts(ReleaseSchemas.narrowed(LiveSchemaReader.read(connection, dialect), parts), parts);
    }

    /** Compares {@code live} with every release's facts of its dialect (both MySQL variants on MySQL/MariaDB). */
    public static DetectedRelease byFacts(LiveSchema live, Set<SchemaPart> parts) {
        if (!holdsAnyReleaseTable(live.tables().keySet(), live.dialect(), parts)) {
            return new DetectedRelease(DetectedRelease.Method.SCHEMA_FACTS, Collections.<String>emptyList(), null,
                    Collections.<SchemaDifference>emptyList());
        }
        Map<String, ReleaseComparison> perRelease = new LinkedHashMap<>();
        for (String release : ReleaseSchemas.RELEASES) {
            compareWith(live, release, parts).ifPresent(comparison -> perRelease.put(release, comparison));
        }
        int fewest = perRelease.values().stream().mapToInt(c -> c.differences().size()).min().orElse(0);
        List<String> candidates = new ArrayList<>();
        perRelease.forEach((release, comparison) -> {
            if (comparison.differences().size() == fewest) {
                candidates.add(release);
            }
        });
        ReleaseComparison closest = perRelease.get(candidates.get(0));
        return new DetectedRelease(DetectedRelease.Method.SCHEMA_FACTS, candidates, closest.facts(),
                closest.differences());
    }

    /**
     * {@code live} compared with one release, with each of its dialect's script variants (MySQL has two for some
     * releases), keeping the closest; empty when no facts of that release ship for the dialect.
     */
    public static Optional<ReleaseComparison> compareWith(LiveSchema live, String release, Set<SchemaPart> parts) {
        ReleaseComparison closest = null;
        for (String factsDialect : ReleaseSchemas.factsDialects(live.dialect())) {
            if (!ReleaseSchemas.available(factsDialect, release, parts)) {
                continue;
            }
            List<SchemaDifference> differences = SchemaComparer.compare(
                    ReleaseSchemas.facts(factsDialect, release, parts), live);
            if (closest == null || differences.size() < closest.differences().size()) {
                closest = new ReleaseComparison(factsDialect + "/" + release, differences);
            }
        }
        return Optional.ofNullable(closest);
    }

    /**
     * By the tables and columns each release added to the one before: the newest release whose additions are all
     * there, together with the releases after it that added none (nothing tells those apart).
     */
    public static DetectedRelease byMarkers(Connection connection, Dialect dialect, Set<SchemaPart> parts)
            throws SQLException {
        Set<String> tables = tableNames(connection);
        if (!holdsAnyReleaseTable(tables, dialect, parts)) {
            return new DetectedRelease(DetectedRelease.Method.MARKER_TABLES, Collections.<String>emptyList(), null,
                    Collections.<SchemaDifference>emptyList());
        }
        List<String> releases = ReleaseSchemas.RELEASES;
        int newest = 0;
        for (int i = 1; i < releases.size(); i++) {
            List<String[]> added = ReleaseMarkers.added(releases.get(i - 1), releases.get(i), parts);
            if (!added.isEmpty() && allPresent(connection, tables, added)) {
                newest = i;
            }
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(releases.get(newest));
        for (int i = newest + 1; i < releases.size()
                && ReleaseMarkers.added(releases.get(i - 1), releases.get(i), parts).isEmpty(); i++) {
            candidates.add(releases.get(i));
        }
        return new DetectedRelease(DetectedRelease.Method.MARKER_TABLES, candidates, null,
                Collections.<SchemaDifference>emptyList());
    }

    private static boolean holdsAnyReleaseTable(Set<String> liveTables, Dialect dialect, Set<SchemaPart> parts) {
        Set<String> known = ReleaseSchemas.tablesOfAnyRelease(dialect, parts);
        return liveTables.stream().anyMatch(table -> known.contains(table.toUpperCase(Locale.ROOT)));
    }

    /** Upper-case names of the tables in the connection's own schema. */
    private static Set<String> tableNames(Connection connection) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(),
                CatalogLookup.schema(connection), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Each marker is {table} or {table, column}. */
    private static boolean allPresent(Connection connection, Set<String> tables, List<String[]> markers)
            throws SQLException {
        for (String[] marker : markers) {
            if (!tables.contains(marker[0]) || marker.length > 1
                    && !CatalogLookup.columnExists(connection, marker[0], marker[1])) {
                return false;
            }
        }
        return true;
    }
}

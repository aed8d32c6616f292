package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.wso2.carbon.is.migration.api.Dialect;

/**
 * The schema a live database holds, read by {@link LiveSchemaReader}: tables keyed by upper-case name, in the model
 * the facts use.
 *
 * @param dialect       the engine family it was read from (decides how {@link SchemaComparer} normalises)
 * @param engineVersion the engine's product version, for messages
 * @param tables        tables by upper-case name (sorted)
 * @param sequences     upper-case names of stand-alone sequences (not those an engine creates for a column)
 */
public final class LiveSchema {

    private final Dialect dialect;
    private final String engineVersion;
    private final Map<String, TableSchema> tables;
    private final List<String> sequences;

    public LiveSchema(Dialect dialect, String engineVersion, Map<String, TableSchema> tables, List<String> sequences) {
        this.dialect = dialect;
        this.engineVersion = engineVersion;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.sequences = Collections.unmodifiableList(new ArrayList<>(sequences));
    }

    /**
     * The facts as if an engine of this dialect held them: gives the differences between two releases from their
     * facts alone, as a live database of the older release should show them.
     */
    public static LiveSchema describing(SchemaFacts facts, Dialect dialect) {
        return new LiveSchema(dialect, "facts " + facts.dialect() + "/" + facts.version(), facts.tables(),
                facts.sequences());
    }

    public Dialect dialect() {
        return dialect;
    }

    public String engineVersion() {
        return engineVersion;
    }

    public Map<String, TableSchema> tables() {
        return tables;
    }

    public List<String> sequences() {
        return sequences;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof LiveSchema)) {
            return false;
        }
        LiveSchema that = (LiveSchema) other;
        return dialect == that.dialect && Objects.equals(engineVersion, that.engineVersion)
                && tables.equals(that.tables) && sequences.equals(that.sequences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect, engineVersion, tables, sequences);
    }

    @Override
    public String toString() {
        return "LiveSchema[dialect=" + dialect + ", engineVersion=" + engineVersion + ", tables=" + tables
                + ", sequences=" + sequences + "]";
    }
}

package org.wso2.carbon.is.migration.testsupport;

import java.util.List;
import java.util.Map;

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
public record LiveSchema(Dialect dialect, String engineVersion, Map<String, TableSchema> tables,
                         List<String> sequences) {
    public LiveSchema {
        tables = Map.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    /**
     * The facts as if an engine of this dialect held them: lets a test derive the differences between two releases
     * from their facts alone, then expect exactly those from a live database of the older release.
     */
    public static LiveSchema describing(SchemaFacts facts, Dialect dialect) {
        return new LiveSchema(dialect, "facts " + facts.dialect() + "/" + facts.version(), facts.tables(),
                facts.sequences());
    }
}

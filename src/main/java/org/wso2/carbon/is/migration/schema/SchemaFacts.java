package org.wso2.carbon.is.migration.schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A release's fresh-install schema as described by the facts file
 * {@code schema-facts/<dialect>/is-<V>[.kernel].schema.json} that ships in this package (shape documented in that
 * folder's README). The {@code constraintNames} block of the JSON is folded into the constraints it names:
 * {@link TableSchema#primaryKeyName()}, {@link UniqueConstraint#name()}, {@link ForeignKeyConstraint#name()} (null
 * where the script leaves the name to the engine).
 *
 * @param version   release, e.g. {@code 5.9.0}
 * @param dialect   facts dialect: {@code h2}, {@code mysql}, {@code mysql5.7} or {@code postgresql}
 * @param kernel    true for the shared UM_/REG_ database, false for the identity database
 * @param resource  class-path resource it was read from (for messages)
 * @param tables    tables by upper-case name, in file order
 * @param sequences stand-alone sequences (PostgreSQL)
 * @param seedRows  rows the scripts insert
 */
public final class SchemaFacts {

    /** Where the facts files are, as a class-path resource name. */
    private static final String FOLDER = "org/wso2/carbon/is/migration/schema/schema-facts/";

    private final String version;
    private final String dialect;
    private final boolean kernel;
    private final String resource;
    private final Map<String, TableSchema> tables;
    private final List<String> sequences;
    private final List<SeedRow> seedRows;

    public SchemaFacts(String version, String dialect, boolean kernel, String resource, Map<String, TableSchema> tables,
                       List<String> sequences, List<SeedRow> seedRows) {
        this.version = version;
        this.dialect = dialect;
        this.kernel = kernel;
        this.resource = resource;
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.sequences = Collections.unmodifiableList(new ArrayList<>(sequences));
        this.seedRows = Collections.unmodifiableList(new ArrayList<>(seedRows));
    }

    /**
     * Loads the facts of one release and database from this bundle's class path.
     *
     * @param factsDialect {@code h2}, {@code mysql}, {@code mysql5.7} or {@code postgresql}
     * @param version      {@code 5.7.0} .. {@code 5.10.0}
     * @param kernel       true for the shared UM_/REG_ database ({@code .kernel.schema.json})
     * @throws IllegalArgumentException when there is no such file or it does not have the documented shape
     */
    public static SchemaFacts load(String factsDialect, String version, boolean kernel) {
        String resource = resource(factsDialect, version, kernel);
        try (InputStream in = SchemaFacts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema facts for dialect '" + factsDialect + "', version '"
                        + version + "'" + (kernel ? " (kernel)" : "") + ": class-path resource " + resource
                        + " does not exist");
            }
            return SchemaFactsReader.read(in, kernel, resource);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read schema facts " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when facts of that release and database ship with this bundle (the {@code mysql5.7} variant, for example,
     * exists for 5.7.0 and 5.8.0 only).
     */
    public static boolean available(String factsDialect, String version, boolean kernel) {
        return SchemaFacts.class.getClassLoader().getResource(resource(factsDialect, version, kernel)) != null;
    }

    private static String resource(String factsDialect, String version, boolean kernel) {
        return FOLDER + factsDialect + "/is-" + version + (kernel ? ".kernel" : "") + ".schema.json";
    }

    public String version() {
        return version;
    }

    public String dialect() {
        return dialect;
    }

    public boolean kernel() {
        return kernel;
    }

    public String resource() {
        return resource;
    }

    public Map<String, TableSchema> tables() {
        return tables;
    }

    public List<String> sequences() {
        return sequences;
    }

    public List<SeedRow> seedRows() {
        return seedRows;
    }

    /** Facts {@code dialect/version}, for messages. */
    public String describe() {
        return dialect + "/" + version + (kernel ? " kernel" : " identity");
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SchemaFacts)) {
            return false;
        }
        SchemaFacts that = (SchemaFacts) other;
        return kernel == that.kernel && Objects.equals(version, that.version) && Objects.equals(dialect, that.dialect)
                && Objects.equals(resource, that.resource) && tables.equals(that.tables)
                && sequences.equals(that.sequences) && seedRows.equals(that.seedRows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, dialect, kernel, resource, tables, sequences, seedRows);
    }

    @Override
    public String toString() {
        return "SchemaFacts[version=" + version + ", dialect=" + dialect + ", kernel=" + kernel + ", resource="
                + resource + ", tables=" + tables + ", sequences=" + sequences + ", seedRows=" + seedRows + "]";
    }
}

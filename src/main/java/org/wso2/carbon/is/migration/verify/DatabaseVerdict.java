package org.wso2.carbon.is.migration.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.wso2.carbon.is.migration.schema.SchemaDifference;

/**
 * What {@code verify} found in one database: every way its schema differs from the target release's, and each
 * further check. It passes when there is no difference and every check passed.
 *
 * @param dataSource       the DataSource name, e.g. {@code jdbc/WSO2IdentityDB}
 * @param logicalDatabases the logical databases of the config it serves ({@code identity}, {@code um}, ...)
 * @param dialect          the engine's script name ({@code h2}, {@code postgresql}, ...)
 * @param location         the JDBC URL (secrets masked) and product
 * @param comparedWith     the schema facts compared with ({@code mysql/5.9.0}), or how the release was checked
 *                         where there are none
 * @param differences      every schema difference, the tool's own tables left out
 * @param checks           the ledger and data checks
 */
public final class DatabaseVerdict {

    private final String dataSource;
    private final List<String> logicalDatabases;
    private final String dialect;
    private final String location;
    private final String comparedWith;
    private final List<SchemaDifference> differences;
    private final List<CheckResult> checks;

    public DatabaseVerdict(String dataSource, List<String> logicalDatabases, String dialect, String location,
                           String comparedWith, List<SchemaDifference> differences, List<CheckResult> checks) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.logicalDatabases = Collections.unmodifiableList(new ArrayList<>(logicalDatabases));
        this.dialect = dialect;
        this.location = location;
        this.comparedWith = comparedWith;
        this.differences = Collections.unmodifiableList(new ArrayList<>(differences));
        this.checks = Collections.unmodifiableList(new ArrayList<>(checks));
    }

    public String dataSource() {
        return dataSource;
    }

    public List<String> logicalDatabases() {
        return logicalDatabases;
    }

    public String dialect() {
        return dialect;
    }

    public String location() {
        return location;
    }

    public String comparedWith() {
        return comparedWith;
    }

    public List<SchemaDifference> differences() {
        return differences;
    }

    public List<CheckResult> checks() {
        return checks;
    }

    public boolean passed() {
        return differences.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dataSource", dataSource);
        map.put("logicalDatabases", logicalDatabases);
        map.put("dialect", dialect);
        map.put("location", location);
        map.put("verdict", passed() ? "PASSED" : "FAILED");
        map.put("comparedWith", comparedWith);
        List<Object> differenceMaps = new ArrayList<>();
        for (SchemaDifference difference : differences) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", difference.kind().name());
            entry.put("table", difference.table());
            entry.put("subject", difference.subject());
            entry.put("expected", difference.expected());
            entry.put("actual", difference.actual());
            differenceMaps.add(entry);
        }
        map.put("differences", differenceMaps);
        List<Object> checkMaps = new ArrayList<>();
        checks.forEach(check -> checkMaps.add(check.toMap()));
        map.put("checks", checkMaps);
        return map;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof DatabaseVerdict)) {
            return false;
        }
        DatabaseVerdict that = (DatabaseVerdict) other;
        return dataSource.equals(that.dataSource) && logicalDatabases.equals(that.logicalDatabases)
                && Objects.equals(dialect, that.dialect) && Objects.equals(location, that.location)
                && Objects.equals(comparedWith, that.comparedWith) && differences.equals(that.differences)
                && checks.equals(that.checks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataSource, logicalDatabases, dialect, location, comparedWith, differences, checks);
    }

    @Override
    public String toString() {
        return "DatabaseVerdict[dataSource=" + dataSource + ", logicalDatabases=" + logicalDatabases + ", dialect="
                + dialect + ", location=" + location + ", comparedWith=" + comparedWith + ", differences="
                + differences + ", checks=" + checks + "]";
    }
}

package org.wso2.carbon.is.migration.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A live schema compared with one release: the facts it is closest to (of the dialect's script variants) and every
 * difference from them.
 *
 * @param facts       {@code <facts dialect>/<release>}, e.g. {@code mysql5.7/5.8.0}
 * @param differences every difference, empty when the schema is that release's exactly
 */
public final class ReleaseComparison {

    private final String facts;
    private final List<SchemaDifference> differences;

    public ReleaseComparison(String facts, List<SchemaDifference> differences) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.differences = Collections.unmodifiableList(new ArrayList<>(differences));
    }

    public String facts() {
        return facts;
    }

    public List<SchemaDifference> differences() {
        return differences;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ReleaseComparison)) {
            return false;
        }
        ReleaseComparison that = (ReleaseComparison) other;
        return facts.equals(that.facts) && differences.equals(that.differences);
    }

    @Override
    public int hashCode() {
        return Objects.hash(facts, differences);
    }

    @Override
    public String toString() {
        return "ReleaseComparison[facts=" + facts + ", differences=" + differences + "]";
    }
}

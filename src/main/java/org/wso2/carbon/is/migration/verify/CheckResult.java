package org.wso2.carbon.is.migration.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One check of a database beyond its schema (the ledger, a release's data), and what failed it.
 *
 * @param name     what was checked, e.g. {@code ledger}, {@code IDP_ID set}, {@code tenant claims 5.9.0}
 * @param checked  what the check covers, in words, for the report
 * @param notes    what was found that is worth knowing either way (sizes, the release found)
 * @param failures one line per thing found wrong; empty when the check passed
 */
public final class CheckResult {

    private final String name;
    private final String checked;
    private final List<String> notes;
    private final List<String> failures;

    public CheckResult(String name, String checked, List<String> notes, List<String> failures) {
        this.name = Objects.requireNonNull(name, "name");
        this.checked = Objects.requireNonNull(checked, "checked");
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
        this.failures = Collections.unmodifiableList(new ArrayList<>(failures));
    }

    /** A check with nothing to note beyond its failures. */
    public CheckResult(String name, String checked, List<String> failures) {
        this(name, checked, Collections.<String>emptyList(), failures);
    }

    public String name() {
        return name;
    }

    public String checked() {
        return checked;
    }

    public List<String> notes() {
        return notes;
    }

    public List<String> failures() {
        return failures;
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("passed", passed());
        map.put("checked", checked);
        map.put("notes", notes);
        map.put("failures", failures);
        return map;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CheckResult)) {
            return false;
        }
        CheckResult that = (CheckResult) other;
        return name.equals(that.name) && checked.equals(that.checked) && notes.equals(that.notes)
                && failures.equals(that.failures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, checked, notes, failures);
    }

    @Override
    public String toString() {
        return "CheckResult[name=" + name + ", checked=" + checked + ", notes=" + notes + ", failures=" + failures + "]";
    }
}

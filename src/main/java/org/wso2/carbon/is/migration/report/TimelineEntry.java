package org.wso2.carbon.is.migration.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** One step on the HTML report's timeline: where it sat in the run, how long it took, what it touched. */
public final class TimelineEntry {

    private final String name;
    private final String database;
    private final String outcome;
    private final Tone tone;
    private final Long offsetMillis;
    private final long durationMillis;
    private final long rows;
    private final List<String> notes;
    private final List<String> statements;

    /**
     * @param database     the database it changes; may be null (not planned)
     * @param offsetMillis when it started, from the start of the run; null when it did not run in this run
     * @param notes        what the step reported (already applied when, a previous attempt, progress)
     * @param statements   what it would run (a dry run), shown folded
     */
    public TimelineEntry(String name, String database, String outcome, Tone tone, Long offsetMillis,
                         long durationMillis, long rows, List<String> notes, List<String> statements) {
        this.name = Objects.requireNonNull(name, "name");
        this.database = database;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.tone = Objects.requireNonNull(tone, "tone");
        this.offsetMillis = offsetMillis;
        this.durationMillis = durationMillis;
        this.rows = rows;
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
        this.statements = Collections.unmodifiableList(new ArrayList<>(statements));
    }

    /** When the step ended, from the start of the run; 0 when it did not run. */
    long endMillis() {
        return offsetMillis == null ? 0 : offsetMillis + durationMillis;
    }

    void render(HtmlWriter out, long totalMillis) {
        out.open("tr", "step " + tone.cssClass() + (tone.isProblem() ? " problem" : ""));
        out.open("td", "name").text(name);
        if (!notes.isEmpty()) {
            out.element("div", "muted", String.join("\n", notes));
        }
        if (!statements.isEmpty()) {
            out.open("details", null).element("summary", null, statements.size() + " statements")
                    .element("pre", "evidence", String.join(";\n\n", statements)).close("details");
        }
        out.close("td");
        out.element("td", null, database);
        out.open("td", null).element("span", "badge " + tone.cssClass(), outcome).close("td");
        out.open("td", "track");
        if (offsetMillis != null) {
            double left = 100.0 * offsetMillis / totalMillis;
            double width = Math.max(100.0 * durationMillis / totalMillis, 0.5);
            out.bar(Math.min(left, 99.5), Math.min(width, 100.0 - Math.min(left, 99.5)), "bar " + tone.cssClass(),
                    "started " + TimelineSection.duration(offsetMillis) + " into the run, took "
                            + TimelineSection.duration(durationMillis));
        }
        out.close("td");
        out.element("td", "number", offsetMillis == null ? "" : TimelineSection.duration(durationMillis));
        out.element("td", "number", rows == 0 ? "" : rows + (durationMillis > 0
                ? " (" + rows * 1000 / durationMillis + "/s)" : ""));
        out.close("tr");
    }
}

package org.wso2.carbon.is.migration.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The steps of a run in order, each with a bar placed where it ran within the run's duration, its duration and
 * rows. Steps that did not run in this run (skipped, not reached, a dry run's) have no bar.
 */
public final class TimelineSection implements HtmlSection {

    private final String heading;
    private final String explanation;
    private final long runMillis;
    private final List<TimelineEntry> entries;

    /**
     * @param explanation what the reader needs to read the bars (what the run did before the first one); may be null
     * @param runMillis   how long the whole run took: the width of the timeline
     */
    public TimelineSection(String heading, String explanation, long runMillis, List<TimelineEntry> entries) {
        this.heading = heading;
        this.explanation = explanation;
        this.runMillis = runMillis;
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
    }

    @Override
    public void render(HtmlWriter out) {
        out.open("section", "timeline");
        out.element("h2", null, heading + " (" + entries.size() + ")");
        if (explanation != null) {
            out.element("p", "muted", explanation);
        }
        out.checkbox("problems-only", "only steps with problems");
        out.open("table", null).open("thead", null).open("tr", null);
        for (String column : new String[] {"Step", "Database", "Outcome", "Timeline", "Duration", "Rows"}) {
            out.element("th", null, column);
        }
        out.close("tr").close("thead").open("tbody", null);
        long total = Math.max(runMillis, 1);
        for (TimelineEntry entry : entries) {
            total = Math.max(total, entry.endMillis());
        }
        for (TimelineEntry entry : entries) {
            entry.render(out, total);
        }
        out.close("tbody").close("table");
        out.close("section");
    }

    /** A duration as a person reads it: 850 ms, 12.3 s, 4 min 05 s, 2 h 03 min. */
    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}

package org.wso2.carbon.is.migration.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One database's card on the HTML report: which database, what the run concluded about it (its verdict), and the
 * findings behind that conclusion (a migration's failed steps, a verification's differences and failed checks).
 */
public final class DatabaseCard {

    private final String name;
    private final String description;
    private final String verdict;
    private final Tone tone;
    private final List<Finding> findings;

    /**
     * @param name        how the operator knows the database (its DataSource)
     * @param description what else identifies it (logical databases, dialect, location); may be null
     * @param verdict     the conclusion, in a few words
     */
    public DatabaseCard(String name, String description, String verdict, Tone tone, List<Finding> findings) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description;
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.tone = Objects.requireNonNull(tone, "tone");
        this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
    }

    void render(HtmlWriter out) {
        out.open("div", "database " + tone.cssClass());
        out.open("h3", null).text(name).text(" ").element("span", "badge " + tone.cssClass(), verdict).close("h3");
        if (description != null) {
            out.element("p", "muted", description);
        }
        for (Finding finding : findings) {
            finding.render(out);
        }
        out.close("div");
    }
}

package org.wso2.carbon.is.migration.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Each database's verdict, with the findings behind it. */
public final class VerdictSection implements HtmlSection {

    private final String heading;
    private final String whenNone;
    private final List<DatabaseCard> verdicts;

    /** @param whenNone what the section says when no database was reached */
    public VerdictSection(String heading, String whenNone, List<DatabaseCard> verdicts) {
        this.heading = heading;
        this.whenNone = whenNone;
        this.verdicts = Collections.unmodifiableList(new ArrayList<>(verdicts));
    }

    @Override
    public void render(HtmlWriter out) {
        out.open("section", "verdicts");
        out.element("h2", null, heading);
        if (verdicts.isEmpty()) {
            out.element("p", "muted", whenNone);
        }
        for (DatabaseCard verdict : verdicts) {
            verdict.render(out);
        }
        out.close("section");
    }
}

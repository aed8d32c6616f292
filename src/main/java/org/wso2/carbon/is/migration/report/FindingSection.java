package org.wso2.carbon.is.migration.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A heading and the findings under it (failures of the run, warnings); nothing at all when there are none. */
public final class FindingSection implements HtmlSection {

    private final String heading;
    private final List<Finding> findings;

    public FindingSection(String heading, List<Finding> findings) {
        this.heading = heading;
        this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
    }

    @Override
    public void render(HtmlWriter out) {
        if (findings.isEmpty()) {
            return;
        }
        out.open("section", "findings");
        out.element("h2", null, heading + " (" + findings.size() + ")");
        for (Finding finding : findings) {
            finding.render(out);
        }
        out.close("section");
    }
}

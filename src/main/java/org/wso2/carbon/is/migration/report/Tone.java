package org.wso2.carbon.is.migration.report;

import java.util.Locale;

/** How a verdict, a step or a finding reads on the HTML page: its colour, and whether it counts as a problem. */
public enum Tone {
    GOOD, NEUTRAL, WARN, BAD;

    /** The CSS class the page's style gives this tone's colour. */
    public String cssClass() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Shown when the operator asks for the problems only. */
    public boolean isProblem() {
        return this == WARN || this == BAD;
    }
}

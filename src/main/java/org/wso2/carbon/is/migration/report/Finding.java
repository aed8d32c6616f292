package org.wso2.carbon.is.migration.report;

import java.util.Objects;

/**
 * One thing that went wrong or needs a look, as the HTML report shows it: what it is about (a step, a table, a
 * check), its cause, and optionally the evidence (the failed statement, the expected and found definition).
 */
public final class Finding {

    private final String subject;
    private final Tone tone;
    private final String cause;
    private final String evidenceLabel;
    private final String evidence;

    private Finding(String subject, Tone tone, String cause, String evidenceLabel, String evidence) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.tone = Objects.requireNonNull(tone, "tone");
        this.cause = cause;
        this.evidenceLabel = evidenceLabel;
        this.evidence = evidence;
    }

    public static Finding of(String subject, Tone tone, String cause) {
        return new Finding(subject, tone, cause, null, null);
    }

    /** The same finding with its evidence, shown as preformatted text under {@code label}. */
    public Finding withEvidence(String label, String text) {
        return new Finding(subject, tone, cause, label, text);
    }

    void render(HtmlWriter out) {
        out.open("div", "finding " + tone.cssClass());
        out.element("h3", null, subject);
        if (cause != null) {
            out.element("pre", "cause", cause);
        }
        if (evidence != null) {
            out.element("div", "evidence-label", evidenceLabel);
            out.element("pre", "evidence", evidence);
        }
        out.close("div");
    }
}

package org.wso2.carbon.is.migration.report;

/**
 * One part of the HTML report (the steps' timeline, the databases' verdicts, a list of findings). A command adds
 * the sections its result has to an {@link HtmlPage}; a new kind of result adds a section, not a new page.
 */
public interface HtmlSection {

    /** Writes this section, a {@code <section>} with its own heading. */
    void render(HtmlWriter out);
}

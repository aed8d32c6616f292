package org.wso2.carbon.is.migration.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Text from a run reaches the page only escaped and with its secrets masked, in elements and attributes alike. */
class HtmlWriterTest {

    @Test
    void theFiveCharactersThatMeanSomethingInHtmlAreEscaped() {
        assertEquals("&lt;td a=&quot;1&quot; b=&#39;2&#39;&gt;R&amp;D&lt;/td&gt;",
                HtmlWriter.escape("<td a=\"1\" b='2'>R&D</td>"));
        assertEquals("plain text, 5.8.0 -&gt; 5.9.0", HtmlWriter.escape("plain text, 5.8.0 -> 5.9.0"));
    }

    @Test
    void passwordsInTextAndAttributesAreMasked() {
        String url = "jdbc:postgresql://db:5432/identity?user=wso2&password=Hunter2";
        String html = new HtmlWriter().element("pre", "cause", "cannot connect to " + url)
                .bar(0, 10, "bar", "on " + url).toString();
        assertFalse(html.contains("Hunter2"), html);
        assertTrue(html.contains("password=" + Secrets.MASK), html);
        assertTrue(html.contains("user=wso2&amp;password"), "masked, then escaped: " + html);
    }

    @Test
    void thePageOfAJsonReportHasItsNameWithHtmlForJson() {
        assertEquals(Path.of("reports/migration-migrate-1.html"),
                HtmlPage.besideJson(Path.of("reports/migration-migrate-1.json")));
        assertEquals(Path.of("out/report.html"), HtmlPage.besideJson(Path.of("out/report.JSON")));
        assertEquals(Path.of("out/report.txt.html"), HtmlPage.besideJson(Path.of("out/report.txt")));
    }
}

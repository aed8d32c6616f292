package org.wso2.carbon.is.migration.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The HTML report: one self-contained page (style and script inline, nothing fetched: operators open it from a
 * server's disk, often offline, and the Content-Security-Policy forbids any request), with a title, the overall
 * verdict, a few facts of the run and the sections the command adds.
 */
public final class HtmlPage {

    private static final String STYLE = String.join("\n",
            "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1d232a}",
            "h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 8px}h3{font-size:14px;margin:0 0 6px}",
            "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;vertical-align:top;"
                    + "border-bottom:1px solid #e3e6ea}",
            "th{background:#f4f6f8}td.number{text-align:right;white-space:nowrap}td.name{word-break:break-all}",
            "dl.facts{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0}"
                    + "dl.facts dt{color:#5c6670}dl.facts dd{margin:0;word-break:break-all}",
            ".badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;"
                    + "white-space:nowrap}",
            ".badge.good{background:#d8f0dd;color:#17602a}.badge.bad{background:#f9d9d9;color:#8a1414}",
            ".badge.warn{background:#fbeccb;color:#7a4d00}.badge.neutral{background:#e3e8ee;color:#35404b}",
            ".verdict{font-size:16px;padding:3px 12px}",
            "td.track{width:35%;min-width:160px;background:#f8f9fa}"
                    + ".bar{display:block;height:12px;border-radius:2px;min-width:2px}",
            ".bar.good{background:#3c9d55}.bar.bad{background:#c93838}.bar.warn{background:#d99a1e}"
                    + ".bar.neutral{background:#8796a5}",
            ".database,.finding{border:1px solid #e3e6ea;border-left-width:4px;border-radius:4px;padding:8px 12px;"
                    + "margin:8px 0}",
            ".good.database,.good.finding{border-left-color:#3c9d55}.bad.database,.bad.finding{border-left-color:"
                    + "#c93838}.warn.database,.warn.finding{border-left-color:#d99a1e}",
            "pre{white-space:pre-wrap;word-break:break-word;background:#f4f6f8;padding:6px 8px;margin:4px 0;"
                    + "font-size:12.5px}",
            ".evidence-label,.muted{color:#5c6670;font-size:12.5px;white-space:pre-wrap}",
            "tr.step.bad{background:#fdf1f1}details summary{cursor:pointer;color:#35404b;font-size:12.5px}",
            "@media print{input,label{display:none}}");

    /** Keeps, in the table of each "problems only" checkbox's section, only the rows marked as problems. */
    private static final String SCRIPT = String.join("\n",
            "(function () {",
            "  var boxes = document.querySelectorAll('input.problems-only');",
            "  for (var b = 0; b < boxes.length; b++) {",
            "    boxes[b].addEventListener('change', function (event) {",
            "      var box = event.target;",
            "      var rows = box.closest('section').querySelectorAll('tr.step');",
            "      for (var i = 0; i < rows.length; i++) {",
            "        rows[i].style.display = box.checked && !rows[i].classList.contains('problem') ? 'none' : '';",
            "      }",
            "    });",
            "  }",
            "})();");

    private final String title;
    private final String verdict;
    private final Tone tone;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<HtmlSection> sections = new ArrayList<>();

    /** @param verdict the run's outcome in a few words, shown beside the title */
    public HtmlPage(String title, String verdict, Tone tone) {
        this.title = Objects.requireNonNull(title, "title");
        this.verdict = Objects.requireNonNull(verdict, "verdict");
        this.tone = Objects.requireNonNull(tone, "tone");
    }

    /** A fact of the run under the title (run id, times, files); none when {@code value} is null. */
    public HtmlPage fact(String name, String value) {
        if (value != null) {
            facts.put(name, value);
        }
        return this;
    }

    /** Adds a section below the ones already added. */
    public HtmlPage add(HtmlSection section) {
        sections.add(Objects.requireNonNull(section, "section"));
        return this;
    }

    /** Where the page of a JSON report goes: the same folder and name, {@code .html} for {@code .json}. */
    public static Path besideJson(Path jsonFile) {
        String name = jsonFile.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json")
                ? name.substring(0, name.length() - ".json".length()) : name;
        return jsonFile.resolveSibling(base + ".html");
    }

    public String render() {
        HtmlWriter out = new HtmlWriter();
        out.markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .markup("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .element("title", null, title + ": " + verdict)
                .markup("<style>\n" + STYLE + "\n</style>\n</head>\n<body>\n");
        out.open("header", null);
        out.open("h1", null).text(title).text(" ").element("span", "badge verdict " + tone.cssClass(), verdict)
                .close("h1");
        out.open("dl", "facts");
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            out.element("dt", null, fact.getKey()).element("dd", null, fact.getValue());
        }
        out.close("dl").close("header");
        for (HtmlSection section : sections) {
            section.render(out);
        }
        out.markup("<script>\n" + SCRIPT + "\n</script>\n</body>\n</html>\n");
        return out.toString();
    }

    public void write(Path file) throws IOException {
        Files.write(file, render().getBytes(StandardCharsets.UTF_8));
    }
}

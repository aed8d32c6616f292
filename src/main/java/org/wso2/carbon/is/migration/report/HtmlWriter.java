package org.wso2.carbon.is.migration.report;

import java.util.Locale;

/**
 * Builds the markup of the HTML report. Every piece of text goes through {@link Secrets#mask} and {@link #escape}
 * here, in one place: step names, error messages and SQL can hold {@code <}, {@code &} and quotes, and driver
 * messages can carry a JDBC URL with its password, so no section has to remember either.
 */
public final class HtmlWriter {

    private final StringBuilder html = new StringBuilder();

    /** The text with the five characters that mean something in HTML text and attribute values replaced. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&':
                    out.append("&amp;");
                    break;
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
                    break;
            }
        }
        return out.toString();
    }

    /** {@code <tag class="cssClass">}; no class attribute when {@code cssClass} is null. */
    public HtmlWriter open(String tag, String cssClass) {
        html.append('<').append(tag);
        attribute("class", cssClass);
        html.append('>');
        return this;
    }

    public HtmlWriter close(String tag) {
        html.append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <tag class="cssClass">text</tag>}, the text masked and escaped; null text gives an empty element. */
    public HtmlWriter element(String tag, String cssClass, String text) {
        open(tag, cssClass);
        text(text);
        return close(tag);
    }

    /** Masked, escaped text; nothing for null. */
    public HtmlWriter text(String text) {
        if (text != null) {
            html.append(escape(Secrets.mask(text)));
        }
        return this;
    }

    /**
     * A bar of a timeline: an empty span placed at {@code leftPercent} of its row and {@code widthPercent} wide,
     * with {@code title} as its tooltip. The only inline style the page has, and it holds numbers only.
     */
    public HtmlWriter bar(double leftPercent, double widthPercent, String cssClass, String title) {
        html.append("<span");
        attribute("class", cssClass);
        attribute("style", String.format(Locale.ROOT, "margin-left:%.2f%%;width:%.2f%%", leftPercent,
                widthPercent));
        attribute("title", title);
        html.append("></span>");
        return this;
    }

    /** {@code <input type="checkbox" class="cssClass">} inside its label. */
    public HtmlWriter checkbox(String cssClass, String label) {
        html.append("<label><input type=\"checkbox\"");
        attribute("class", cssClass);
        html.append("> ");
        text(label);
        html.append("</label>\n");
        return this;
    }

    /** Markup written by this package's code (the page's head, style and script), never text from a run. */
    HtmlWriter markup(String markup) {
        html.append(markup);
        return this;
    }

    private void attribute(String name, String value) {
        if (value != null) {
            html.append(' ').append(name).append("=\"").append(escape(Secrets.mask(value))).append('"');
        }
    }

    @Override
    public String toString() {
        return html.toString();
    }
}

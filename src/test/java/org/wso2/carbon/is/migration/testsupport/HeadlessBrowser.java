package org.wso2.carbon.is.migration.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * A headless browser (HtmlUnit, running the page's script) that opens a page from disk as an operator opens a report,
 * and keeps what would go unnoticed on screen: script errors, style sheet errors, and every request the page makes
 * beyond its own file.
 */
public final class HeadlessBrowser implements AutoCloseable {

    private final WebClient client = new WebClient(BrowserVersion.FIREFOX);
    private final List<String> scriptErrors = new ArrayList<>();
    private final List<String> styleErrors = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();

    public HeadlessBrowser() {
        client.getOptions().setJavaScriptEnabled(true);
        client.getOptions().setCssEnabled(true);
        client.getOptions().setThrowExceptionOnScriptError(false);
        client.setJavaScriptErrorListener(new JavaScriptErrorListener() {
            @Override
            public void scriptException(HtmlPage page, ScriptException e) {
                scriptErrors.add(e.getMessage());
            }

            @Override
            public void timeoutError(HtmlPage page, long allowed, long executed) {
                scriptErrors.add("script timed out after " + executed + " ms");
            }

            @Override
            public void malformedScriptURL(HtmlPage page, String url, MalformedURLException e) {
                scriptErrors.add("malformed script URL " + url);
            }

            @Override
            public void loadScriptError(HtmlPage page, URL url, Exception e) {
                scriptErrors.add("could not load script " + url + ": " + e.getMessage());
            }

            @Override
            public void warn(String message, String source, int line, String lineSource, int lineOffset) {
                // Warnings (deprecated API and the like) are not errors.
            }
        });
        client.setCssErrorHandler(new CSSErrorHandler() {
            @Override
            public void warning(CSSParseException e) {
                // The parser warns about properties it does not know; the page still renders.
            }

            @Override
            public void error(CSSParseException e) {
                styleErrors.add(e.getMessage() + " at line " + e.getLineNumber());
            }

            @Override
            public void fatalError(CSSParseException e) {
                styleErrors.add(e.getMessage() + " at line " + e.getLineNumber());
            }
        });
        // A file: page is read by the client itself; anything else the page asks for passes through here.
        new WebConnectionWrapper(client) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                requests.add(request.getUrl().toString());
                return super.getResponse(request);
            }
        };
    }

    /** The page at {@code file}, loaded and its scripts run. */
    public HtmlPage open(Path file) {
        try {
            HtmlPage page = client.getPage(file.toUri().toURL());
            client.waitForBackgroundJavaScript(1000);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> scriptErrors() {
        return List.copyOf(scriptErrors);
    }

    public List<String> styleErrors() {
        return List.copyOf(styleErrors);
    }

    /** Every URL requested other than the pages opened from disk. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        client.close();
    }
}

package org.portmortem.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * An empty self-contained page in the findings report's style, for pages other than the report
 * (the {@code diff} page): the report's inline CSS, a Content-Security-Policy that allows no script
 * and no fetch, UTF-8, and a title given as text. The caller fills the body as a jsoup DOM, so every
 * string is text, never markup.
 */
public final class PageShell {
    private static final String CSS = resource("report.css");

    private PageShell() {}

    /** A page with its head filled in and an empty body. */
    public static Document create(String title, String toolVersion) {
        Document doc = Document.createShell("");
        doc.outputSettings()
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base)
                .prettyPrint(true)
                .indentAmount(1);
        doc.insertChildren(0, new DocumentType("html", "", ""));
        doc.selectFirst("html").attr("lang", "en");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta")
                .attr("http-equiv", "Content-Security-Policy")
                .attr(
                        "content",
                        "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; img-src 'none';"
                                + " form-action 'none'; base-uri 'none'");
        head.appendElement("meta").attr("name", "color-scheme").attr("content", "light dark");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "generator").attr("content", "PortMortem " + toolVersion);
        // A <title> holds text only: the escapes are shown as themselves, without the badge markup.
        head.appendElement("title").text(VisibleText.plain(title));
        head.appendElement("style").appendChild(new DataNode(CSS));
        return doc;
    }

    /** Writes the page, UTF-8. */
    public static void write(Document page, Path file) throws IOException {
        Files.writeString(file, page.outerHtml() + "\n", StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = PageShell.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + name, e);
        }
    }
}

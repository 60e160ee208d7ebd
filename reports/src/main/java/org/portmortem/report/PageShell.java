package org.portmortem.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.portmortem.BundledResource;

/**
 * The one self-contained page every HTML output starts from (the findings report, the fleet page, the
 * {@code diff} page): UTF-8, the report's inline CSS, a title given as text, and a
 * Content-Security-Policy that allows no fetch and no script but, for a page that has one, the
 * report's own inline script by its hash. The caller fills the body as a jsoup DOM, so every string
 * is text, never markup.
 */
public final class PageShell {
    /** The report's style sheet. */
    public static final String CSS = BundledResource.text(PageShell.class, "report.css");
    /** The report's script (table filters and sorting), the only script a page may run. */
    public static final String SCRIPT = BundledResource.text(PageShell.class, "report.js");

    private PageShell() {}

    /** A page without script, with the report's CSS: its head filled in and an empty body. */
    public static Document create(String title, String toolVersion) {
        return create(title, toolVersion, CSS, false);
    }

    /**
     * A page with its head filled in and an empty body.
     *
     * @param css the page's inline style sheet
     * @param withScript whether the policy admits {@link #SCRIPT} (add it with {@link #script})
     */
    public static Document create(String title, String toolVersion, String css, boolean withScript) {
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
                        "default-src 'none'; style-src 'unsafe-inline'; script-src "
                                + (withScript ? "'" + hash(SCRIPT) + "'" : "'none'")
                                + "; img-src 'none'; form-action 'none'; base-uri 'none'");
        // Form controls (the table filters) follow the reader's light or dark scheme, as the palette does.
        head.appendElement("meta").attr("name", "color-scheme").attr("content", "light dark");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "generator").attr("content", "PortMortem " + toolVersion);
        // A <title> holds text only: the escapes are shown as themselves, without the badge markup.
        head.appendElement("title").text(VisibleText.plain(title));
        head.appendElement("style").appendChild(new DataNode(css));
        return doc;
    }

    /** Appends the report's script, the one the policy of a page made {@code withScript} admits. */
    public static void script(Element body) {
        body.appendElement("script").appendChild(new DataNode(SCRIPT));
    }

    /** Writes the page, UTF-8. */
    public static void write(Document page, Path file) throws IOException {
        Files.writeString(file, page.outerHtml() + "\n", StandardCharsets.UTF_8);
    }

    private static String hash(String script) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}

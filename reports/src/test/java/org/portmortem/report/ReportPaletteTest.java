package org.portmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report's colours, read from the stylesheet the report embeds, in the light scheme and in the
 * dark one ({@code prefers-color-scheme: dark}): every text colour on every background it is used on
 * reaches WCAG 2.1 AA contrast for normal text (4.5:1, contrast ratio as WCAG 2.1 section 1.4.3
 * defines it from relative luminance), and the four severity colours stay distinguishable from one
 * another (CIE76 colour difference of at least 20).
 */
class ReportPaletteTest {
    private static final double AA = 4.5;

    /** Text colour, background colour: every pair the stylesheet puts text on. */
    private static final List<String[]> TEXT_ON_BACKGROUND = List.of(
            new String[] {"fg", "bg"},
            new String[] {"fg", "bg-alt"},
            new String[] {"fg", "row-alt"},
            new String[] {"muted", "bg"},
            new String[] {"muted", "bg-alt"},
            new String[] {"muted", "row-alt"},
            new String[] {"link", "bg"},
            new String[] {"link", "bg-alt"},
            new String[] {"link", "row-alt"},
            new String[] {"sev-fg", "high"},
            new String[] {"sev-fg", "medium"},
            new String[] {"sev-fg", "low"},
            new String[] {"sev-fg", "info"},
            new String[] {"ctl-fg", "ctl-bg"});

    static Map<String, String> light;
    static Map<String, String> dark;

    @BeforeAll
    static void readPalettes() throws IOException {
        String css;
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        light = variables(block(css, 0));
        int media = css.indexOf("@media (prefers-color-scheme: dark)");
        assertThat(media).as("a dark scheme in the stylesheet").isPositive();
        dark = variables(block(css, media));
    }

    /** The first {@code :root { ... }} block at or after {@code from}. */
    private static String block(String css, int from) {
        int start = css.indexOf(":root {", from);
        return css.substring(start, css.indexOf('}', start));
    }

    private static Map<String, String> variables(String block) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})").matcher(block);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void everyTextColourPassesWcagAaInTheLightScheme() {
        assertContrast(light);
    }

    @Test
    void everyTextColourPassesWcagAaInTheDarkScheme() {
        assertContrast(dark);
    }

    @Test
    void severityColoursStayDistinguishableInBothSchemes() {
        for (Map<String, String> palette : List.of(light, dark)) {
            List<String> sev = List.of("high", "medium", "low", "info");
            for (int i = 0; i < sev.size(); i++) {
                for (int j = i + 1; j < sev.size(); j++) {
                    assertThat(deltaE(palette.get(sev.get(i)), palette.get(sev.get(j))))
                            .as(sev.get(i) + " against " + sev.get(j))
                            .isGreaterThanOrEqualTo(20);
                }
            }
        }
    }

    @Test
    void contrastIsComputedAsWcagDefinesIt() {
        // WCAG's extremes and a known pair: black on white 21:1, white on white 1:1, #767676 on white 4.54:1.
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(contrast("#ffffff", "#ffffff")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(contrast("#767676", "#ffffff")).isCloseTo(4.54, org.assertj.core.data.Offset.offset(0.01));
    }

    private static void assertContrast(Map<String, String> palette) {
        for (String[] pair : TEXT_ON_BACKGROUND) {
            assertThat(palette).containsKeys(pair[0], pair[1]);
            assertThat(contrast(palette.get(pair[0]), palette.get(pair[1])))
                    .as("%s (%s) on %s (%s)", pair[0], palette.get(pair[0]), pair[1], palette.get(pair[1]))
                    .isGreaterThanOrEqualTo(AA);
        }
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = linear(hex);
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** sRGB channels linearised as WCAG 2.1 defines relative luminance. */
    private static double[] linear(String hex) {
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            out[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return out;
    }

    /** CIE76 colour difference: Euclidean distance in CIELAB (D65). */
    private static double deltaE(String a, String b) {
        double[] x = lab(a);
        double[] y = lab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    private static double[] lab(String hex) {
        double[] c = linear(hex);
        double x = (0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047;
        double y = 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
        double z = (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}

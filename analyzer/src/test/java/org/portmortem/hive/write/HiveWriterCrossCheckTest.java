package org.portmortem.hive.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * Every hive the writer produces must read back, through independent readers, as exactly the hive
 * it was written from: same keys, last-write times, value names, types and data.
 */
class HiveWriterCrossCheckTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String[] HIVEX_TYPES = {
        "none",
        "string",
        "expand",
        "binary",
        "int32",
        "int32",
        "link",
        "string-list",
        "resource-list",
        "resource-description",
        "resource-requirements",
        "int64"
    };
    private static final String[] REGLOOKUP_TYPES = {
        "NONE",
        "SZ",
        "EXPAND_SZ",
        "BINARY",
        "DWORD",
        "DWORD_BE",
        "LINK",
        "MULTI_SZ",
        "RSRC_LIST",
        "RSRC_DESC",
        "RSRC_REQ_LIST",
        "QWORD"
    };
    private static final DateTimeFormatter REGLOOKUP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @TempDir
    static Path dir;

    static MemoryHive source;
    static Path v15;
    static Path v13;

    @BeforeAll
    static void writeSamples() throws Exception {
        source = SampleHives.everything();
        v15 = dir.resolve("sample-1.5.hiv");
        v13 = dir.resolve("sample-1.3.hiv");
        HiveWriter.write(source, v15, SampleHives.FIXED);
        HiveWriter.builder(SampleHives.FIXED).minorVersion(3).build().writeTo(source, v13);
    }

    // ---- hivexml (libhivex) ----

    @Test
    void hivexmlReadsBackEveryKeyTimeValueTypeAndDataOfA15Hive() throws Exception {
        ExternalTool.assumeInstalled("hivexml");
        assertSameEntries(hivexml(v15), expectedHivex(source));
    }

    @Test
    void hivexmlReadsBackA13HiveWithIndexLeavesAndLargeDataInOneCell() throws Exception {
        ExternalTool.assumeInstalled("hivexml");
        assertSameEntries(hivexml(v13), expectedHivex(source));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"v5-utf16le-bom-crlf.reg", "v5-utf8-nobom-lf.reg", "regedit4-ansi.reg", "malformed-lines.reg"})
    void hivexmlReadsBackAHiveConvertedFromARegExport(String regFile) throws Exception {
        ExternalTool.assumeInstalled("hivexml");
        Path out = dir.resolve(regFile + ".hiv");
        try (Hive fromText =
                Hive.open(Path.of(getClass().getResource("/regtext/" + regFile).toURI()))) {
            HiveWriter.write(fromText, out, SampleHives.FIXED);
            assertSameEntries(hivexml(out), expectedHivex(fromText));
        }
    }

    @Test
    void hivexmlListsSubkeysInTheOrderWindowsSortsThemUpperCased() throws Exception {
        ExternalTool.assumeInstalled("hivexml");
        Element many = null;
        for (Element e : children(document(v15), "node")) {
            for (Element k : children(e, "node")) {
                if (k.getAttribute("name").equals("Many")) {
                    many = k;
                }
            }
        }
        assertThat(many).isNotNull();
        List<String> names = new ArrayList<>();
        for (Element k : children(many, "node")) {
            names.add(k.getAttribute("name"));
        }
        assertThat(names).hasSize(SampleHives.MANY + 3);
        assertThat(names.subList(0, 3)).containsExactly("a", "sub0000", "SUB0001");
        assertThat(names.subList(names.size() - 2, names.size())).containsExactly("Z", "_underscore");
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(HiveWriter.HIVE_ORDER);
        assertThat(names).isEqualTo(sorted);
    }

    private static Element document(Path hive) throws Exception {
        ExternalTool.Run run = ExternalTool.run(dir, "hivexml", hive.toString());
        assertThat(run.exitCode())
                .as("hivexml exit code, stderr: %s", run.err())
                .isZero();
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(run.out())))
                .getDocumentElement();
    }

    private static List<String> hivexml(Path hive) throws Exception {
        List<String> out = new ArrayList<>();
        for (Element root : children(document(hive), "node")) {
            hivexNode(root, null, out);
        }
        return sorted(out);
    }

    private static void hivexNode(Element node, String parent, List<String> out) {
        String path = parent == null
                ? ""
                : parent.isEmpty() ? node.getAttribute("name") : parent + "\\" + node.getAttribute("name");
        out.add("K|" + path + "|" + text(children(node, "mtime").get(0)));
        for (Element v : children(node, "value")) {
            String name = v.hasAttribute("default") ? "" : v.getAttribute("key");
            String type = v.getAttribute("type");
            String data;
            if (v.hasAttribute("encoding")) {
                data = HEX.formatHex(Base64.getMimeDecoder().decode(v.getAttribute("value")));
            } else if (type.equals("string-list")) {
                List<String> strings = new ArrayList<>();
                for (Element s : children(v, "string")) {
                    strings.add(text(s));
                }
                // hivex lists the empty string before the final terminator too; Windows stops there
                while (!strings.isEmpty() && strings.get(strings.size() - 1).isEmpty()) {
                    strings.remove(strings.size() - 1);
                }
                data = String.join("\n", strings);
            } else {
                data = v.getAttribute("value");
            }
            out.add("V|" + path + "|" + name + "|" + type + "|" + digest(data));
        }
        for (Element sub : children(node, "node")) {
            hivexNode(sub, path, out);
        }
    }

    /** What hivexml must show for the source hive: binary-like data as bytes, strings and numbers decoded. */
    private static List<String> expectedHivex(Hive hive) {
        List<String> out = new ArrayList<>();
        walk(hive.root(), (key, v) -> {
            if (v == null) {
                out.add("K|" + key.path() + "|" + key.lastWritten().orElse(SampleHives.FIXED));
                return;
            }
            String type = v.typeId() >= 0 && v.typeId() < HIVEX_TYPES.length ? HIVEX_TYPES[v.typeId()] : "unknown";
            String data = switch (type) {
                case "string", "expand", "link" -> v.asString();
                case "string-list" -> String.join("\n", v.asStrings());
                case "int32" -> Integer.toString(v.asInt());
                case "int64" -> Long.toString(v.asLong());
                default -> v.rawHex();
            };
            out.add("V|" + key.path() + "|" + v.name() + "|" + type + "|" + digest(data));
        });
        return sorted(out);
    }

    // ---- reglookup (libregfi) ----

    @Test
    void reglookupReadsBackEveryKeyTimeAndValueWithItsRawData() throws Exception {
        ExternalTool.assumeInstalled("reglookup");
        ExternalTool.Run run = ExternalTool.run(dir, "reglookup", "-H", v15.toString());
        assertThat(run.exitCode())
                .as("reglookup exit code, stderr: %s", run.err())
                .isZero();
        assertThat(run.err()).doesNotContain("ERROR");
        List<String> keys = new ArrayList<>();
        Map<String, String[]> values = new LinkedHashMap<>();
        for (String line : run.out().split("\n")) {
            String[] f = line.split(",", -1);
            assertThat(f).as("reglookup line %s", line).hasSize(4);
            if (f[1].equals("KEY")) {
                keys.add(HEX.formatHex(unescape(f[0])) + "|" + f[3]);
            } else {
                values.put(HEX.formatHex(unescape(f[0])), new String[] {f[1], f[2]});
            }
        }
        List<String> expectedKeys = new ArrayList<>();
        List<Value> expectedValues = new ArrayList<>();
        List<String> expectedValuePaths = new ArrayList<>();
        walk(source.root(), (key, v) -> {
            if (v == null) {
                expectedKeys.add(HEX.formatHex(reglookupPath(key.path())) + "|"
                        + REGLOOKUP_TIME.format(key.lastWritten().orElse(SampleHives.FIXED)));
            } else {
                expectedValues.add(v);
                // reglookup prints a value as its key's path, '/', and the value name: "//x" on the root
                ByteArrayOutputStream path = new ByteArrayOutputStream();
                path.writeBytes(reglookupPath(key.path()));
                path.write('/');
                path.writeBytes(HiveWriter.nameBytes(v.name()));
                expectedValuePaths.add(HEX.formatHex(path.toByteArray()));
            }
        });
        assertSameEntries(keys, expectedKeys);
        assertThat(values).hasSize(expectedValues.size());
        for (int i = 0; i < expectedValues.size(); i++) {
            Value v = expectedValues.get(i);
            String[] got = values.get(expectedValuePaths.get(i));
            assertThat(got).as("reglookup has %s\\%s", v.keyPath(), v.name()).isNotNull();
            String type = v.typeId() >= 0 && v.typeId() < REGLOOKUP_TYPES.length
                    ? REGLOOKUP_TYPES[v.typeId()]
                    : String.format("0x%08X", v.typeId());
            assertThat(got[0]).as("type of %s", v).isEqualTo(type);
            assertReglookupData(v, got[1]);
        }
    }

    /**
     * reglookup prints numbers in hexadecimal, text it can convert to ASCII as text, and everything
     * else as the raw bytes with %XX escapes.
     */
    private static void assertReglookupData(Value v, String printed) {
        switch (v.type()) {
            case REG_DWORD, REG_DWORD_BIG_ENDIAN -> assertThat(printed).isEqualTo(String.format("0x%08X", v.asInt()));
            case REG_QWORD -> assertThat(printed).isEqualTo(String.format("0x%016X", v.asLong()));
            default -> {
                if (v.size() == 0) {
                    assertThat(printed).isEqualTo("(null)");
                    return;
                }
                byte[] got = unescape(printed);
                String text = v.isString()
                        ? v.asString()
                        : v.type() == ValueType.REG_MULTI_SZ ? String.join("|", v.asStrings()) : null;
                if (text != null && !Arrays.equals(got, v.raw())) {
                    assertThat(new String(got, StandardCharsets.US_ASCII))
                            .as("text of %s", v.name())
                            .isEqualTo(text);
                } else {
                    assertThat(HEX.formatHex(got))
                            .as("raw data of %s", v.name())
                            .isEqualTo(v.rawHex());
                }
            }
        }
    }

    /** The bytes reglookup prints for a path: "/" and each name as stored (ASCII or UTF-16LE). */
    private static byte[] reglookupPath(String path) {
        if (path.isEmpty()) {
            return new byte[] {'/'};
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String part : path.split("\\\\", -1)) {
            b.write('/');
            b.writeBytes(HiveWriter.nameBytes(part));
        }
        return b.toByteArray();
    }

    private static byte[] unescape(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                b.write(HexFormat.fromHexDigits(s, i + 1, i + 3));
                i += 2;
            } else {
                b.write(c);
            }
        }
        return b.toByteArray();
    }

    // ---- regfexport (libregf) ----

    @Test
    void regfexportReadsEveryKeyAndValue() throws Exception {
        ExternalTool.assumeInstalled("regfexport");
        ExternalTool.Run run = ExternalTool.run(dir, "regfexport", v15.toString());
        assertThat(run.exitCode())
                .as("regfexport exit code, stderr: %s", run.err())
                .isZero();
        int[] counts = new int[2];
        walk(source.root(), (key, v) -> counts[v == null ? 0 : 1]++);
        assertThat(run.out().lines().filter(l -> l.startsWith("Key path: "))).hasSize(counts[0]);
        assertThat(run.out().lines().filter(l -> l.startsWith("Value: "))).hasSize(counts[1]);
        assertThat(run.err()).doesNotContainIgnoringCase("unable to");
    }

    // ---- helpers ----

    interface Visitor {
        /** Called once per key with {@code v == null}, then once per value of the key. */
        void visit(Key key, Value v);
    }

    static void walk(Key key, Visitor visitor) {
        visitor.visit(key, null);
        for (Value v : key.values()) {
            visitor.visit(key, v);
        }
        for (Key sub : key.subkeys()) {
            walk(sub, visitor);
        }
    }

    /** Long data as its length and SHA-256, so that a failure message stays readable. */
    private static String digest(String data) {
        if (data.length() <= 80) {
            return data;
        }
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
            return data.length() + " chars, sha256 " + HEX.formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Equal as multisets; on failure shows only what is missing and what is extra. */
    private static void assertSameEntries(List<String> actual, List<String> expected) {
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        assertThat(missing)
                .as("entries the reader did not show (extra: %s)", abbreviate(extra))
                .isEmpty();
        assertThat(extra)
                .as("entries the reader showed that are not in the source")
                .isEmpty();
    }

    private static String abbreviate(List<String> entries) {
        String s = entries.toString();
        return s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }

    private static List<String> sorted(List<String> in) {
        List<String> out = new ArrayList<>(in);
        Collections.sort(out);
        return out;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e.getTextContent();
    }
}

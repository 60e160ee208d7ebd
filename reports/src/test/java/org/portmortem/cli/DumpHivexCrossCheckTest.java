package org.portmortem.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.hive.Value;

/**
 * Fidelity: for every primary regf hive of the corpus that hivex reads, the keys and the
 * (key path, value name, type, data) facts printed by {@code portmortem dump --format jsonl --no-logs}
 * equal those of {@code hivexml} (hivex does not replay logs, hence --no-logs).
 *
 * <p>hivexml shows data in its own way, so our raw bytes are put in the same form before comparing:
 * exact bytes (base64) for REG_NONE, REG_BINARY, the resource types, unknown types and strings that are
 * not valid UTF-16; the decoded text up to the first NUL for REG_SZ, REG_EXPAND_SZ and REG_LINK; the
 * list of strings for REG_MULTI_SZ; the signed number for REG_DWORD, REG_DWORD_BIG_ENDIAN and REG_QWORD.
 *
 * <p>Deliberate differences, where hivex is wrong: hivex handles names as C strings and cuts key and
 * value names at the first NUL character ({@code zero\0key} of hivex/special shows as {@code zero}),
 * while Windows names may hold NUL; we keep the whole name, so names are cut at the first NUL here
 * before comparing.
 */
class DumpHivexCrossCheckTest {

    @TestFactory
    Stream<DynamicTest> dumpMatchesHivexmlOnEveryCorpusHiveItReads() throws IOException {
        assumeTrue(toolPresent("hivexml"), "hivexml (Debian libhivex-bin) is not installed; cross-check skipped");
        Path root = CorpusLocation.hives();
        List<Path> hives;
        try (Stream<Path> s = Files.walk(root)) {
            hives = s.filter(Files::isRegularFile)
                    .filter(DumpHivexCrossCheckTest::isPrimaryRegf)
                    .sorted()
                    .collect(Collectors.toList());
        }
        return hives.stream()
                .map(h -> DynamicTest.dynamicTest(root.relativize(h).toString(), () -> compare(h)));
    }

    private static void compare(Path hive) throws Exception {
        Path xml = ToolComparison.runTool(hive, "hivexml", hive.toString());
        Path jsonl = ToolComparison.dumpJsonl(hive);
        try {
            ToolComparison.assertSameFacts("hivexml", hivexFacts(xml), dumpFacts(jsonl), false);
        } finally {
            Files.deleteIfExists(xml);
            Files.deleteIfExists(jsonl);
        }
    }

    /** Our jsonl, turned into hivexml's way of showing each fact. */
    private static Set<String> dumpFacts(Path jsonl) throws IOException {
        Set<String> out = new HashSet<>();
        for (JsonNode o : ToolComparison.dumpLines(jsonl)) {
            String path = xmlSafe(cutNames(o.get("key").asText()));
            if (!o.has("value")) {
                out.add("K|" + path);
                continue;
            }
            Value v = new Value(
                    path,
                    o.get("value").asText(),
                    o.get("type").asInt(),
                    HexFormat.of().parseHex(o.get("raw").asText()));
            out.add("V|" + path + "|" + xmlSafe(cutAtNul(v.name())) + "|" + asHivexShowsIt(v));
        }
        return out;
    }

    /** The form hivexml gives a value: its type word and its data. */
    static String asHivexShowsIt(Value v) {
        byte[] raw = v.raw();
        switch (v.typeId()) {
            case 1:
            case 2:
            case 6:
                String kind = v.typeId() == 1 ? "string" : v.typeId() == 2 ? "expand" : "link";
                return validUtf16(raw, utf16NulAt(raw))
                        ? kind + "|" + xmlSafe(v.asString())
                        : "bad-" + kind + "|" + hex(raw);
            case 7:
                return validUtf16(raw, raw.length & ~1)
                        ? "string-list|"
                                + hivexStrings(raw).stream()
                                        .map(DumpHivexCrossCheckTest::xmlSafe)
                                        .collect(Collectors.joining("\u0001"))
                        : "bad-string-list|" + hex(raw);
            case 4:
            case 5:
                // hivex prints its error value -1 for a DWORD without 4 bytes of data (SAM's typed default values)
                return "int32|" + (raw.length == 4 ? v.asInt() : -1);
            case 11:
                return "int64|"
                        + (raw.length == 8
                                ? ByteBuffer.wrap(raw)
                                        .order(ByteOrder.LITTLE_ENDIAN)
                                        .getLong()
                                : -1);
            case 0:
                return "none|" + hex(raw);
            case 3:
                return "binary|" + hex(raw);
            case 8:
                return "resource-list|" + hex(raw);
            case 9:
                return "resource-description|" + hex(raw);
            case 10:
                return "resource-requirements|" + hex(raw);
            default:
                return "unknown|" + hex(raw);
        }
    }

    /**
     * hivex's reading of a REG_MULTI_SZ: the data split at every NUL character, empty strings in the
     * middle kept (PendingFileRenameOperations holds such pairs), trailing empty strings dropped.
     */
    static List<String> hivexStrings(byte[] raw) {
        List<String> out = new ArrayList<>(
                List.of(new String(raw, 0, raw.length & ~1, StandardCharsets.UTF_16LE).split("\0", -1)));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Byte offset of the first UTF-16 NUL character, or the even length. */
    private static int utf16NulAt(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i += 2) {
            if (raw[i] == 0 && raw[i + 1] == 0) {
                return i;
            }
        }
        return raw.length & ~1;
    }

    /** Whether the first {@code length} bytes are well-formed UTF-16LE (no lone surrogates). */
    private static boolean validUtf16(byte[] raw, int length) {
        var decoder = StandardCharsets.UTF_16LE.newDecoder();
        try {
            decoder.decode(ByteBuffer.wrap(raw, 0, length));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** hivexml's XML: nested node elements, value elements with type, key/default and value attributes. */
    private static Set<String> hivexFacts(Path xml) throws IOException, XMLStreamException {
        Set<String> out = new HashSet<>();
        XMLInputFactory f = XMLInputFactory.newFactory();
        try (InputStream in = new java.io.ByteArrayInputStream(withoutControlBytes(Files.readAllBytes(xml)))) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            Deque<String> path = new ArrayDeque<>();
            String valuePrefix = null;
            List<String> strings = new ArrayList<>();
            StringBuilder text = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "node" -> {
                            boolean isRoot = "1".equals(r.getAttributeValue(null, "root"));
                            path.addLast(isRoot ? "" : r.getAttributeValue(null, "name"));
                            out.add("K|" + joined(path));
                        }
                        case "value" -> {
                            String name = r.getAttributeValue(null, "key");
                            String type = r.getAttributeValue(null, "type");
                            String data = r.getAttributeValue(null, "value");
                            valuePrefix = "V|" + joined(path) + "|" + (name == null ? "" : name) + "|" + type + "|";
                            strings.clear();
                            if (!"string-list".equals(type)) {
                                boolean base64 = "base64".equals(r.getAttributeValue(null, "encoding"));
                                out.add(valuePrefix
                                        + (base64
                                                ? hex(Base64.getMimeDecoder().decode(data == null ? "" : data))
                                                : data));
                                valuePrefix = null;
                            }
                        }
                        case "string" -> text = new StringBuilder();
                        default -> {}
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS && text != null) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "node" -> path.removeLast();
                        case "string" -> {
                            strings.add(text.toString());
                            text = null;
                        }
                        case "value" -> {
                            if (valuePrefix != null) {
                                // hivex sometimes lists the final terminator as an empty string; Windows does not
                                while (!strings.isEmpty()
                                        && strings.get(strings.size() - 1).isEmpty()) {
                                    strings.remove(strings.size() - 1);
                                }
                                out.add(valuePrefix + String.join("\u0001", strings));
                                valuePrefix = null;
                            }
                        }
                        default -> {}
                    }
                }
            }
        }
        return out;
    }

    /**
     * hivexml writes control characters of names and strings as raw bytes, which XML 1.0 forbids; both
     * sides map them to U+FFFD before comparing ({@link #xmlSafe}).
     */
    private static byte[] withoutControlBytes(byte[] xml) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(xml.length);
        for (byte b : xml) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                out.writeBytes("\uFFFD".getBytes(StandardCharsets.UTF_8));
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Our text with the control characters hivexml cannot carry mapped as {@link #withoutControlBytes} does. */
    static String xmlSafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().forEach(c -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : (char) c));
        return out.toString();
    }

    private static String joined(Deque<String> path) {
        return path.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining("\\"));
    }

    private static String cutNames(String path) {
        return Stream.of(path.split("\\\\", -1))
                .map(DumpHivexCrossCheckTest::cutAtNul)
                .collect(Collectors.joining("\\"));
    }

    private static String cutAtNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static boolean toolPresent(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static boolean isPrimaryRegf(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(32);
            return head.length == 32
                    && head[0] == 'r'
                    && head[1] == 'e'
                    && head[2] == 'g'
                    && head[3] == 'f'
                    && head[28] == 0
                    && head[29] == 0
                    && head[30] == 0
                    && head[31] == 0;
        } catch (IOException e) {
            return false;
        }
    }
}

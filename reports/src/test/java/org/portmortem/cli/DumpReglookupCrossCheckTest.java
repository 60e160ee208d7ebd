package org.portmortem.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fidelity against reglookup: for every primary regf hive of the corpus that reglookup reads, the
 * key paths and the (value path, type, data) facts of {@code portmortem dump --format jsonl --no-logs}
 * equal reglookup's.
 *
 * <p>reglookup converts names to ASCII and writes what it cannot convert as {@code %XX} escapes of
 * raw bytes (Latin-1 for one-byte names, UTF-16LE bytes for others), so names cannot be mapped back
 * exactly: only keys and values whose path is printable ASCII without {@code % , / |} are compared,
 * on both sides alike ({@code % , | "} are escaped by reglookup). Data is compared exactly (after undoing the escapes) for REG_NONE, REG_BINARY,
 * the resource types and unknown types, and as reglookup's hexadecimal number for REG_DWORD,
 * REG_DWORD_BIG_ENDIAN and REG_QWORD of the right size; string data is converted lossily by
 * reglookup, so for string types only the type is compared (hivexml's cross-check compares their text).
 * reglookup prints {@code (null)} for empty data, and so does the conversion of ours.
 *
 * <p>Deliberate differences, where reglookup is wrong:
 * <ul>
 *   <li>like hivex, reglookup cuts names at the first NUL ({@code SAC\0} of an XP SECURITY hive is
 *       {@code SAC}); we keep the stored name, so names are cut at NUL here before comparing;
 *   <li>on damage reglookup drops more than the damaged part: the keys after a bad hive bin header
 *       (ez-registry/SAMBadHBinHeader), a whole subkey list for one bad element
 *       (plaso/corrupt_sub_key_list.hiv), a whole key for a bad value list
 *       (yarp/DeletedDataHiveTruncated), a key whose name is longer than its cell
 *       (yarp/TruncatedNameHive). For these hives reglookup's facts must be a subset of ours;
 *   <li>reglookup 1.0.1 reassembles big-data (db) records wrongly: the 53,392-byte AppCompatCache of
 *       bcc-m57/SYSTEM starts with its 0xDEADBEEF header in hivex and here, but in the middle of a
 *       path in reglookup. Data over {@value #SEGMENT_SIZE} bytes is therefore left to the hivexml
 *       cross-check (values are still compared by path and type).
 * </ul>
 */
class DumpReglookupCrossCheckTest {
    /** Hives where reglookup drops readable keys around damage (see the class comment). */
    private static final Set<String> REGLOOKUP_DROPS_MORE =
            Set.of("SAMBadHBinHeader", "corrupt_sub_key_list.hiv", "DeletedDataHiveTruncated", "TruncatedNameHive");

    private static final String NULL_DATA = "(null)";
    /** Data longer than this may be stored as big data, which reglookup reads wrongly. */
    static final int SEGMENT_SIZE = 16344;

    private static final String[] TYPE_NAMES = {
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

    @TestFactory
    Stream<DynamicTest> dumpMatchesReglookupOnEveryCorpusHiveItReads() throws IOException {
        assumeTrue(DumpHivexCrossCheckTest.toolPresent("reglookup"), "reglookup is not installed; cross-check skipped");
        Path root = CorpusLocation.hives();
        try (Stream<Path> s = Files.walk(root)) {
            return s
                    .filter(Files::isRegularFile)
                    .filter(DumpHivexCrossCheckTest::isPrimaryRegf)
                    .sorted()
                    .collect(Collectors.toList())
                    .stream()
                    .map(h -> DynamicTest.dynamicTest(root.relativize(h).toString(), () -> compare(h)));
        }
    }

    private static void compare(Path hive) throws Exception {
        Path theirsFile = ToolComparison.runTool(hive, "reglookup", "-H", hive.toString());
        Path jsonl = ToolComparison.dumpJsonl(hive);
        try {
            ToolComparison.assertSameFacts(
                    "reglookup",
                    reglookupFacts(theirsFile),
                    dumpFacts(jsonl),
                    REGLOOKUP_DROPS_MORE.contains(hive.getFileName().toString()));
        } finally {
            Files.deleteIfExists(theirsFile);
            Files.deleteIfExists(jsonl);
        }
    }

    private static boolean plain(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '%' && c != ',' && c != '|' && c != '"');
    }

    private static Set<String> reglookupFacts(Path csv) throws IOException {
        Set<String> out = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.ISO_8859_1)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",", -1);
                if (f.length < 3 || !plain(f[0])) {
                    continue;
                }
                if (f[1].equals("KEY")) {
                    out.add("K|" + f[0]);
                } else {
                    out.add("V|" + f[0] + "|" + f[1] + "|" + reglookupData(f[1], f[2]));
                }
            }
        }
        return out;
    }

    private static String reglookupData(String type, String data) {
        switch (type) {
            case "SZ":
            case "EXPAND_SZ":
            case "LINK":
            case "MULTI_SZ":
                return "";
            case "DWORD":
            case "DWORD_BE":
            case "QWORD":
                return data;
            default:
                byte[] bytes = unescape(data);
                return bytes.length > SEGMENT_SIZE ? "big data" : HexFormat.of().formatHex(bytes);
        }
    }

    private static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() + 0 && i + 2 <= s.length() - 1) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static Set<String> dumpFacts(Path jsonl) throws IOException {
        Set<String> out = new HashSet<>();
        for (JsonNode o : ToolComparison.dumpLines(jsonl)) {
            List<String> names = Stream.of(o.get("key").asText().split("\\\\", -1))
                    .map(DumpReglookupCrossCheckTest::cutAtNul)
                    .collect(Collectors.toList());
            String path = "/" + String.join("/", names);
            boolean plainPath = names.stream().allMatch(n -> plain(n) && n.indexOf('/') < 0);
            if (!o.has("value")) {
                if (plainPath) {
                    out.add("K|" + path);
                }
                continue;
            }
            String name = cutAtNul(o.get("value").asText());
            String full = path + "/" + name;
            if (plainPath && plain(name) && name.indexOf('/') < 0) {
                int type = o.get("type").asInt();
                byte[] raw = HexFormat.of().parseHex(o.get("raw").asText());
                String typeName =
                        type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[type] : String.format("0x%08X", type);
                out.add("V|" + full + "|" + typeName + "|" + dataAsReglookupShowsIt(typeName, raw));
            }
        }
        return out;
    }

    private static String cutAtNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    private static String dataAsReglookupShowsIt(String typeName, byte[] raw) {
        switch (typeName) {
            case "SZ":
            case "EXPAND_SZ":
            case "LINK":
            case "MULTI_SZ":
                return "";
            default:
                break;
        }
        if (raw.length == 0) {
            return typeName.equals("DWORD") || typeName.equals("DWORD_BE") || typeName.equals("QWORD")
                    ? NULL_DATA
                    : HexFormat.of().formatHex(NULL_DATA.getBytes(StandardCharsets.US_ASCII));
        }
        switch (typeName) {
            case "DWORD":
            case "DWORD_BE":
                ByteOrder order = typeName.equals("DWORD") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                return raw.length == 4
                        ? String.format(
                                Locale.ROOT,
                                "0x%08X",
                                ByteBuffer.wrap(raw).order(order).getInt())
                        : "?" + raw.length;
            case "QWORD":
                return raw.length == 8
                        ? String.format(
                                Locale.ROOT,
                                "0x%016X",
                                ByteBuffer.wrap(raw)
                                        .order(ByteOrder.LITTLE_ENDIAN)
                                        .getLong())
                        : "?" + raw.length;
            default:
                return raw.length > SEGMENT_SIZE ? "big data" : HexFormat.of().formatHex(raw);
        }
    }
}

package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every row of every memory-image and live-response sample of the shared corpus
 * ({@code netstat/memory/}, {@code netstat/velociraptor/}; see PROVENANCE.md), read field for field
 * and compared with an independent reading written here: a plain tab split for Volatility 3's
 * quick renderer, a whitespace regular expression for the console copy whose tabs became spaces,
 * a comma split for the csv renderer, slicing at the header's column positions for Volatility 2's
 * netscan, a whitespace split for sockets/sockscan/connscan/connections, and Jackson for
 * Velociraptor's JSON lines.
 *
 * <p>The expected values apply the reader's documented normalization (see
 * {@code MemoryListingParser}): {@code -}, {@code N/A} and empty mean unknown (null); a UDP row's
 * foreign side is {@code *} with no port and no state; Volatility 2's PID -1 is unknown;
 * addresses lose IPv6 brackets.
 */
class MemoryCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a row says, read independently of the reader. */
    record Expected(
            String proto,
            String local,
            String localPort,
            String foreign,
            String foreignPort,
            String state,
            Integer pid,
            String owner,
            String offset,
            String created) {}

    private static Path sample(String relative) {
        Optional<Path> f = SharedMaterial.find("corpus/netstat/" + relative);
        assumeTrue(f.isPresent(), "shared corpus absent (../shared/corpus/netstat/" + relative + "): skipped");
        return f.get();
    }

    private static List<String> lines(Path f) throws IOException {
        return List.of(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\r?\n", -1));
    }

    private static String unknown(String s) {
        return s == null || s.isBlank() || s.strip().equals("-") || s.strip().equals("N/A") ? null : s.strip();
    }

    private static Integer pid(String s) {
        String u = unknown(s);
        return u == null || u.equals("-1") ? null : Integer.valueOf(u);
    }

    /** Volatility 3's ten columns, as cells of one row. */
    private static Expected vol3(String[] c) {
        boolean udp = c[1].startsWith("UDP");
        return new Expected(
                c[1],
                c[2],
                c[3],
                udp ? "*" : c[4],
                udp ? null : c[5],
                udp ? null : unknown(c[6]),
                pid(c[7]),
                unknown(c[8]),
                c[0],
                unknown(c[9]));
    }

    private static void check(Path file, List<Expected> expected) throws IOException {
        NetstatSnapshot snap = SnapshotReader.readSockets(file);
        assertThat(snap.source()).as(file + " source").isNotNull();
        assertThat(snap.sockets())
                .as(file + " rows " + snap.warnings().stream().limit(3).toList())
                .hasSize(expected.size());
        List<String> diffs = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            Socket s = snap.sockets().get(i);
            String proto =
                    s.protocol() + (e.proto().length() > 3 ? "v" + (s.ipVersion() == null ? "?" : s.ipVersion()) : "");
            Expected got = new Expected(
                    proto,
                    s.localAddress(),
                    s.localPort().toString(),
                    s.foreignAddress(),
                    s.foreignPort() == null ? null : s.foreignPort().toString(),
                    s.stateText(),
                    s.pid(),
                    s.process(),
                    s.memory().offset(),
                    s.memory().createdText());
            if (e.created() != null
                    && s.memory().created() == null
                    && !snap.source().tool().equals("KAPE")) {
                diffs.add(file.getFileName() + " row " + i + ": created '" + e.created() + "' not read as a UTC time");
            }
            if (!Objects.equals(got, e)) {
                diffs.add(file.getFileName() + " row " + i + " (line " + s.line() + "):\n  expected " + e
                        + "\n  read     " + got);
            }
        }
        assertThat(diffs).as(file.toString()).isEmpty();
    }

    @Test
    void volatility3QuickRendererSamplesAgreeWithATabSplit() throws IOException {
        for (String f : List.of(
                "memory/seanlengwx-4014/netscan_output.txt",
                "memory/otterctf-alexisauriac/netscan.txt",
                "memory/suninatas-level30/windows.netscan.txt",
                "memory/jerseyctf-recent-memory/windows.netstat.txt")) {
            Path p = sample(f);
            List<Expected> expected = new ArrayList<>();
            for (String l : lines(p)) {
                if (l.startsWith("0x")) {
                    expected.add(vol3(l.split("\t", -1)));
                }
            }
            check(p, expected);
        }
    }

    @Test
    void volatility3ConsoleCopyWithSpacesAgreesWithAWhitespaceRegex() throws IOException {
        Path p = sample("memory/ram-image-soysal/netscan.txt");
        Pattern row =
                Pattern.compile("^(0x\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)\\s+(\\d+)\\s+(?:([A-Z_]+)\\s+)?"
                        + "(\\S+)\\s+(\\S+)\\s+(.*?)\\s*$");
        List<Expected> expected = new ArrayList<>();
        for (String l : lines(p)) {
            if (l.startsWith("0x")) {
                Matcher m = row.matcher(l);
                assertThat(m.matches()).as(l).isTrue();
                expected.add(vol3(new String[] {
                    m.group(1),
                    m.group(2),
                    m.group(3),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    m.group(7) == null ? "" : m.group(7),
                    m.group(8),
                    m.group(9),
                    m.group(10)
                }));
            }
        }
        assertThat(expected).hasSize(484);
        check(p, expected);
        NetstatSnapshot snap = SnapshotReader.readSockets(p);
        assertThat(snap.source().renderer()).startsWith("quick (tabs expanded");
        assertThat(snap.source().version()).isEqualTo("2.7.0");
        // The same sockets recur at several kernel address aliases: marked duplicate, pointing at the first.
        assertThat(snap.sockets()).anySatisfy(s -> assertThat(s.memory().mark()).isEqualTo(RecordMark.DUPLICATE));
    }

    @Test
    void volatility3CsvRendererSamplesAgreeWithACommaSplit() throws IOException {
        for (String f :
                List.of("memory/autovol3-base-rd01/netscan-backup.csv", "memory/autovol3-base-rd01/netstat.csv")) {
            Path p = sample(f);
            List<Expected> expected = new ArrayList<>();
            for (String l : lines(p)) {
                if (l.startsWith("0,")) {
                    String[] c = l.split(",", -1);
                    expected.add(vol3(java.util.Arrays.copyOfRange(c, 1, c.length)));
                }
            }
            check(p, expected);
            assertThat(SnapshotReader.readSockets(p).source().renderer()).isEqualTo("csv");
        }
    }

    @Test
    void volatility2NetscanAgreesWithTheHeadersColumnPositions() throws IOException {
        Path p = sample("memory/autovol3-base-rd01/netscan.csv");
        List<String> ls = lines(p);
        String h = ls.get(0);
        int[] at = {
            0,
            h.indexOf("Proto"),
            h.indexOf("Local Address"),
            h.indexOf("Foreign Address"),
            h.indexOf("State"),
            h.indexOf("Pid"),
            h.indexOf("Owner"),
            h.indexOf("Created")
        };
        List<Expected> expected = new ArrayList<>();
        for (String l : ls.subList(1, ls.size())) {
            if (!l.startsWith("0x")) {
                continue;
            }
            String[] c = new String[8];
            for (int k = 0; k < 8; k++) {
                int end = k == 7 ? l.length() : Math.min(at[k + 1], l.length());
                c[k] = at[k] >= l.length() ? "" : l.substring(at[k], end).strip();
            }
            boolean udp = c[1].startsWith("UDP");
            String local = c[2].substring(0, c[2].lastIndexOf(':'));
            String foreign = c[3].substring(0, c[3].lastIndexOf(':'));
            expected.add(new Expected(
                    c[1],
                    local,
                    c[2].substring(c[2].lastIndexOf(':') + 1),
                    udp ? "*" : foreign,
                    udp ? null : c[3].substring(c[3].lastIndexOf(':') + 1),
                    udp ? null : unknown(c[4]),
                    pid(c[5]),
                    unknown(c[6]),
                    c[0],
                    unknown(c[7])));
        }
        assertThat(expected).hasSize(129);
        check(p, expected);
        NetstatSnapshot snap = SnapshotReader.readSockets(p);
        assertThat(snap.source().plugin()).isEqualTo("netscan");
        // The garbage row (PID 4456540, owner with a form feed) is implausible, never a listener.
        assertThat(snap.sockets())
                .filteredOn(s -> Integer.valueOf(4456540).equals(s.pid()))
                .singleElement()
                .satisfies(s -> assertThat(s.memory().mark()).isEqualTo(RecordMark.IMPLAUSIBLE));
    }

    @Test
    void volatility2XpPluginsAgreeWithAWhitespaceSplit() throws IOException {
        for (String f : List.of("memory/cridex-phr-model/sockscan.txt", "memory/cridex-shehacks-kca/sockets.txt")) {
            Path p = sample(f);
            List<Expected> expected = new ArrayList<>();
            for (String l : lines(p)) {
                if (l.startsWith("0x")) {
                    String[] c = l.split("\\s+", 7);
                    String proto = c[3].equals("6") ? "TCP" : c[3].equals("17") ? "UDP" : "RAW";
                    boolean tcp = proto.equals("TCP");
                    expected.add(new Expected(
                            proto,
                            c[5],
                            c[2],
                            tcp ? "0.0.0.0" : "*",
                            tcp ? "0" : null,
                            proto.equals("RAW") ? "protocol " + c[3] + " " + c[4] : null,
                            pid(c[1]),
                            null,
                            c[0],
                            unknown(c[6])));
                }
            }
            assertThat(expected).hasSize(15);
            check(p, expected);
        }
        for (String f : List.of("memory/cridex-phr-model/connections.txt", "memory/cridex-shehacks-kca/connscan.txt")) {
            Path p = sample(f);
            List<Expected> expected = new ArrayList<>();
            for (String l : lines(p)) {
                if (l.startsWith("0x")) {
                    String[] c = l.strip().split("\\s+");
                    expected.add(new Expected(
                            "TCP",
                            c[1].split(":")[0],
                            c[1].split(":")[1],
                            c[2].split(":")[0],
                            c[2].split(":")[1],
                            null,
                            pid(c[3]),
                            null,
                            c[0],
                            null));
                }
            }
            check(p, expected);
        }
    }

    @Test
    void velociraptorResultsAgreeWithJacksonFieldByField() throws IOException {
        for (String f : List.of(
                "memory/msticpy-velociraptor/Windows.Network.Netstat.json",
                "velociraptor/NetstatEnriched_Netstat.json")) {
            Path p = sample(f);
            List<Expected> expected = new ArrayList<>();
            for (String l : lines(p)) {
                if (l.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(l);
                boolean udp = n.get("Type").asText().equals("UDP");
                expected.add(new Expected(
                        n.get("Type").asText(),
                        n.get("Laddr.IP").asText(),
                        n.get("Laddr.Port").asText(),
                        udp ? "*" : n.get("Raddr.IP").asText(),
                        udp ? null : n.get("Raddr.Port").asText(),
                        udp ? null : unknown(n.get("Status").asText()),
                        n.get("Pid").asInt(),
                        unknown(n.get("Name").asText()),
                        null,
                        unknown(n.get("Timestamp").asText())));
            }
            check(p, expected);
        }
        NetstatSnapshot enriched = SnapshotReader.readSockets(sample("velociraptor/NetstatEnriched_Netstat.json"));
        assertThat(enriched.source().plugin()).isEqualTo("Windows.Network.NetstatEnriched");
        assertThat(enriched.sockets())
                .allSatisfy(s -> assertThat(s.memory().mark()).isEqualTo(RecordMark.LIVE));
    }
}

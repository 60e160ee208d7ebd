package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renderers of which no real output was found (PROVENANCE.md: Volatility 3 {@code -r json} /
 * {@code -r jsonl}, KAPE {@code Get-NetworkConnection} CSV and JSON, Kansa {@code Get-Netstat} TSV,
 * Velociraptor CSV): their inputs are built here from real samples by each renderer's documented
 * rules, and must read as the sample itself reads.
 *
 * <ul>
 *   <li>Volatility 3 json/jsonl ({@code volatility3/cli/text_renderer.py}, {@code JsonRenderer},
 *       {@code JsonLinesRenderer}): objects keyed by column name with {@code __children}, keys sorted,
 *       {@code Hex} offsets and integers as JSON numbers, absent values {@code null}, times
 *       {@code datetime.isoformat()}; json indents by 2, jsonl writes one object per line.</li>
 *   <li>Velociraptor CSV: the same columns as its JSON, scalar columns only.</li>
 *   <li>KAPE ({@code Get-NetworkConnection.mkape}: {@code Get-NetworkConnection.ps1 | ConvertTo-Csv
 *       -NoTypeInformation} or {@code | ConvertTo-Json}): the script's properties, all CSV cells quoted,
 *       Process without {@code .exe}, State from its TCP_STATE enum, UDP rows without remote side or
 *       state, Service from the socket's service tag, Timestamp a DateTime (CSV: en-US text; JSON:
 *       Windows PowerShell's {@code \/Date(ms)\/}).</li>
 *   <li>Kansa ({@code Modules/Net/Get-Netstat.ps1}, administrator branch): Protocol, LocalAddress,
 *       LocalPort, ForeignAddress, ForeignPort, State ({@code STATELESS} for UDP), ConPId, Component,
 *       Process ({@code [image]}), tab-separated; IPv6 addresses keep their brackets.</li>
 * </ul>
 * The sources are the crafted listings of {@code src/test/resources/memory/} (always) and the corpus
 * samples (skipped visibly without {@code ../shared}).
 */
class DerivedRenderersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        try (InputStream in = DerivedRenderersTest.class.getResourceAsStream("/memory/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private static Path corpus(String relative) {
        Optional<Path> f = SharedMaterial.find("corpus/netstat/" + relative);
        assumeTrue(f.isPresent(), "shared corpus absent (../shared/corpus/netstat/" + relative + "): skipped");
        return f.get();
    }

    /** What must agree between two readings of the same sockets. */
    private static List<String> essence(NetstatSnapshot s, boolean withOffsets) {
        List<String> out = new ArrayList<>();
        for (Socket k : s.sockets()) {
            out.add(k.protocol() + "|" + k.ipVersion() + "|" + k.localAddress() + "|" + k.localPort() + "|"
                    + k.foreignAddress() + "|" + k.foreignPort() + "|" + k.state() + "|" + k.pid() + "|" + k.process()
                    + (withOffsets
                            ? "|" + k.memory().offset() + "|" + k.memory().created() + "|"
                                    + k.memory().markText()
                            : ""));
        }
        return out;
    }

    // ---- Volatility 3 json / jsonl from a quick or csv listing

    private static List<ObjectNode> vol3Objects(NetstatSnapshot quick, List<String> lines) {
        List<ObjectNode> out = new ArrayList<>();
        for (String l : lines) {
            String t = l.startsWith("0,0x") ? l.substring(2) : l;
            if (!t.startsWith("0x")) {
                continue;
            }
            String[] c = t.split(l.startsWith("0,") ? "," : "\t", -1);
            ObjectNode o = JSON.createObjectNode();
            String created = c[9].strip();
            if (created.equals("-") || created.equals("N/A")) {
                o.putNull("Created");
            } else {
                String iso = created.replace(" UTC", "").replace(".000000", "").replace(' ', 'T');
                o.put("Created", created.endsWith("UTC") ? iso + "+00:00" : iso);
            }
            text(o, "ForeignAddr", c[4]);
            number(o, "ForeignPort", c[5]);
            text(o, "LocalAddr", c[2]);
            number(o, "LocalPort", c[3]);
            o.put("Offset", new BigInteger(c[0].substring(2), 16));
            text(o, "Owner", c[8]);
            number(o, "PID", c[7]);
            o.put("Proto", c[1]);
            o.put("State", c[6]);
            o.putArray("__children");
            out.add(o);
        }
        return out;
    }

    private static void text(ObjectNode o, String k, String v) {
        if (v.equals("-") || v.equals("N/A")) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }

    private static void number(ObjectNode o, String k, String v) {
        if (v.matches("\\d+")) {
            o.put(k, Long.parseLong(v));
        } else {
            o.putNull(k);
        }
    }

    private void vol3JsonAndJsonlReadAsTheListing(Path listing) throws IOException {
        NetstatSnapshot quick = SnapshotReader.readSockets(listing);
        List<String> lines = Files.readAllLines(listing, StandardCharsets.UTF_8);
        List<ObjectNode> objects = vol3Objects(quick, lines);
        ArrayNode array = JSON.createArrayNode();
        objects.forEach(array::add);
        Path json = Files.writeString(
                dir.resolve("netscan.json"),
                "\n" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n");
        StringBuilder jl = new StringBuilder();
        for (ObjectNode o : objects) {
            jl.append(JSON.writeValueAsString(o)).append('\n');
        }
        Path jsonl = Files.writeString(dir.resolve("netscan.jsonl"), jl.toString());
        for (Path p : List.of(json, jsonl)) {
            NetstatSnapshot s = SnapshotReader.readSockets(p);
            assertThat(s.kind()).isEqualTo(SnapshotKind.VOLATILITY3_SOCKETS);
            assertThat(s.source().renderer()).isEqualTo(p == json ? "json" : "jsonl");
            assertThat(s.warnings()).isEmpty();
            assertThat(essence(s, true)).as(p.toString()).containsExactlyElementsOf(essence(quick, true));
        }
    }

    @Test
    void volatility3JsonAndJsonlOfTheCraftedListingReadAsTheQuickRenderer() throws IOException {
        vol3JsonAndJsonlReadAsTheListing(resource("crafted-netscan.txt"));
    }

    @Test
    void volatility3JsonAndJsonlOfTheCorpusSamplesReadAsTheirQuickAndCsvRenderers() throws IOException {
        vol3JsonAndJsonlReadAsTheListing(corpus("memory/seanlengwx-4014/netscan_output.txt"));
        vol3JsonAndJsonlReadAsTheListing(corpus("memory/autovol3-base-rd01/netscan-backup.csv"));
    }

    // ---- live tables: Velociraptor CSV, KAPE CSV/JSON, Kansa TSV from Velociraptor rows

    private static final DateTimeFormatter EN_US =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

    private static String q(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String service(JsonNode r) {
        String cl = r.path("CommandLine").asText("");
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\s-s\\s+(\\S+)").matcher(cl);
        return m.find() ? m.group(1) : "";
    }

    private static String kapeState(String velociraptor) {
        return switch (velociraptor) {
            case "LISTEN" -> "LISTENING";
            case "ESTAB" -> "ESTABLISHED";
            default -> velociraptor;
        };
    }

    private void liveTablesReadAsVelociraptor(Path velociraptor) throws IOException {
        NetstatSnapshot source = SnapshotReader.readSockets(velociraptor);
        List<JsonNode> rows = new ArrayList<>();
        for (String l : Files.readAllLines(velociraptor, StandardCharsets.UTF_8)) {
            if (!l.isBlank()) {
                rows.add(JSON.readTree(l));
            }
        }
        // Velociraptor CSV: the scalar columns of the first row, in order.
        List<String> cols = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(n -> {
            if (rows.get(0).get(n).isValueNode()) {
                cols.add(n);
            }
        });
        StringBuilder csv = new StringBuilder(String.join(",", cols)).append('\n');
        for (JsonNode r : rows) {
            csv.append(String.join(
                            ",",
                            cols.stream()
                                    .map(c -> {
                                        String v = r.path(c).isNull()
                                                ? ""
                                                : r.path(c).asText();
                                        return v.contains(",") || v.contains("\"") ? q(v) : v;
                                    })
                                    .toList()))
                    .append('\n');
        }
        NetstatSnapshot vcsv = SnapshotReader.readSockets(Files.writeString(dir.resolve("netstat.csv"), csv));
        assertThat(vcsv.kind()).isEqualTo(SnapshotKind.VELOCIRAPTOR_NETSTAT);
        assertThat(vcsv.source().renderer()).isEqualTo("csv");
        assertThat(essence(vcsv, false)).containsExactlyElementsOf(essence(source, false));

        // KAPE CSV and JSON.
        List<String> kcols = List.of(
                "LocalAddress",
                "LocalPort",
                "RemoteAddress",
                "RemoteHostname",
                "RemotePort",
                "Process",
                "ProcessId",
                "Protocol",
                "State",
                "Service",
                "Timestamp");
        StringBuilder kcsv = new StringBuilder(String.join(
                        ",", kcols.stream().map(DerivedRenderersTest::q).toList()))
                .append('\n');
        ArrayNode kjson = JSON.createArrayNode();
        for (JsonNode r : rows) {
            boolean udp = r.get("Type").asText().equals("UDP");
            String name = r.get("Name").asText();
            String process =
                    name.toLowerCase(Locale.ROOT).endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
            Instant ts = Instant.parse(r.get("Timestamp").asText());
            List<String> cells = List.of(
                    r.get("Laddr.IP").asText(),
                    r.get("Laddr.Port").asText(),
                    udp ? "" : r.get("Raddr.IP").asText(),
                    "",
                    udp ? "" : r.get("Raddr.Port").asText(),
                    process,
                    r.get("Pid").asText(),
                    r.get("Type").asText(),
                    udp ? "" : kapeState(r.get("Status").asText()),
                    service(r),
                    EN_US.format(ts));
            kcsv.append(String.join(
                            ",", cells.stream().map(DerivedRenderersTest::q).toList()))
                    .append('\n');
            ObjectNode o = kjson.addObject();
            o.put("LocalAddress", r.get("Laddr.IP").asText());
            o.put("LocalPort", r.get("Laddr.Port").asInt());
            if (!udp) {
                o.put("RemoteAddress", r.get("Raddr.IP").asText());
                o.putNull("RemoteHostname");
                o.put("RemotePort", r.get("Raddr.Port").asInt());
                o.put("State", kapeState(r.get("Status").asText()));
            }
            o.put("Process", process);
            o.put("ProcessId", r.get("Pid").asInt());
            o.put("Protocol", r.get("Type").asText());
            o.put("Service", service(r));
            o.put("Timestamp", "/Date(" + ts.toEpochMilli() + ")/");
        }
        NetstatSnapshot kc =
                SnapshotReader.readSockets(Files.writeString(dir.resolve("Get-NetworkConnection.csv"), kcsv));
        NetstatSnapshot kj = SnapshotReader.readSockets(Files.writeString(
                dir.resolve("Get-NetworkConnection.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(kjson)));
        for (NetstatSnapshot k : List.of(kc, kj)) {
            assertThat(k.kind()).isEqualTo(SnapshotKind.KAPE_NETWORK_CONNECTION);
            assertThat(k.warnings()).isEmpty();
            assertThat(essence(k, false)).containsExactlyElementsOf(essence(source, false));
            for (int i = 0; i < rows.size(); i++) {
                String svc = service(rows.get(i));
                assertThat(k.sockets().get(i).services()).isEqualTo(svc.isEmpty() ? List.of() : List.of(svc));
            }
        }
        assertThat(kj.sockets())
                .extracting(s -> s.memory().created())
                .containsExactlyElementsOf(
                        source.sockets().stream().map(s -> s.memory().created()).toList());

        // Kansa TSV, administrator branch.
        StringBuilder tsv =
                new StringBuilder("Protocol\tLocalAddress\tLocalPort\tForeignAddress\tForeignPort\tState\tConPId"
                        + "\tComponent\tProcess\n");
        for (JsonNode r : rows) {
            boolean udp = r.get("Type").asText().equals("UDP");
            boolean v6 = r.get("Family").asText().equals("IPv6");
            String local = v6
                    ? "[" + r.get("Laddr.IP").asText() + "]"
                    : r.get("Laddr.IP").asText();
            String foreign = udp
                    ? "*"
                    : v6
                            ? "[" + r.get("Raddr.IP").asText() + "]"
                            : r.get("Raddr.IP").asText();
            String image = "[" + r.get("Name").asText() + "]";
            tsv.append(String.join(
                            "\t",
                            r.get("Type").asText(),
                            local,
                            r.get("Laddr.Port").asText(),
                            foreign,
                            udp ? "*" : r.get("Raddr.Port").asText(),
                            udp ? "STATELESS" : kapeState(r.get("Status").asText()),
                            r.get("Pid").asText(),
                            service(r).isEmpty() ? image : service(r),
                            image))
                    .append('\n');
        }
        NetstatSnapshot kansa = SnapshotReader.readSockets(Files.writeString(dir.resolve("netstat.tsv"), tsv));
        assertThat(kansa.kind()).isEqualTo(SnapshotKind.KANSA_NETSTAT);
        assertThat(kansa.warnings()).isEmpty();
        assertThat(essence(kansa, false)).containsExactlyElementsOf(essence(source, false));
    }

    @Test
    void kapeKansaAndVelociraptorCsvOfTheCraftedRowsReadAsVelociraptorsJson() throws IOException {
        liveTablesReadAsVelociraptor(resource("crafted-velociraptor.jsonl"));
    }

    @Test
    void kapeKansaAndVelociraptorCsvOfTheCorpusResultReadAsVelociraptorsJson() throws IOException {
        liveTablesReadAsVelociraptor(corpus("velociraptor/NetstatEnriched_Netstat.json"));
    }

    @Test
    void kansasNonAdministratorPidColumnIsNotReadAsTheOwner() throws IOException {
        Path f = Files.writeString(
                dir.resolve("k.tsv"),
                "Protocol\tLocalAddress\tLocalPort\tForeignAddress\tForeignPort"
                        + "\tState\tPId\nTCP\t0.0.0.0\t135\t0.0.0.0\t0\tLISTENING\t5120\n");
        NetstatSnapshot s = SnapshotReader.readSockets(f);
        assertThat(s.sockets())
                .singleElement()
                .satisfies(k -> assertThat(k.pid()).isNull());
        assertThat(s.warnings())
                .singleElement()
                .satisfies(w -> assertThat(w.toString())
                        .isEqualTo(f
                                + ":1: the PId column of Kansa's non-administrator Get-Netstat holds PowerShell's own $Pid,"
                                + " not the socket's owner: PIDs not read"));
    }
}

package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Windows 10 netstat outputs of the jc project, compared field by field with jc's own JSON
 * parse that sits beside them. Where the two differ by design, the test states how:
 * <ul>
 *   <li>jc keeps IPv6 brackets in addresses ({@code [::]}); PortMortem drops them (they are port
 *       syntax, not address), so brackets are removed before comparing;</li>
 *   <li>jc gives UDP an empty state and a {@code *} foreign port; PortMortem gives null;</li>
 *   <li>jc's {@code program_name} is the raw {@code -b} line ({@code [svchost.exe]}, or the
 *       "Can not obtain ownership information" sentence); PortMortem keeps the image name without
 *       brackets and no process for the sentence;</li>
 *   <li>jc drops the {@code -b} service tag line ({@code RpcSs}); PortMortem keeps it in
 *       {@code services} — checked separately below.</li>
 * </ul>
 */
class JcCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path corpus() {
        Optional<Path> dir = SharedMaterial.find("corpus/netstat/jc-win10");
        assumeTrue(dir.isPresent(), "shared corpus absent (../shared/corpus/netstat/jc-win10): jc comparison skipped");
        return dir.get();
    }

    @Test
    void everyJcNetstatOutputReadsWithoutWarningsAndAgreesWithJcFieldByField() throws IOException {
        List<Path> outs;
        try (Stream<Path> s = Files.list(corpus())) {
            outs = s.filter(p -> p.toString().endsWith(".out")).sorted().toList();
        }
        assertThat(outs).hasSize(4);
        for (Path out : outs) {
            NetstatSnapshot snap = SnapshotReader.readSockets(out);
            assertThat(snap.warnings()).as(out + " warnings").isEmpty();
            JsonNode jc = JSON.readTree(
                    Path.of(out.toString().replaceAll("\\.out$", ".json")).toFile());
            assertThat(snap.sockets()).as(out + " socket count").hasSize(jc.size());
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < jc.size(); i++) {
                compare(out.getFileName() + " #" + i, jc.get(i), snap.sockets().get(i), differences);
            }
            assertThat(differences).as(out.toString()).isEmpty();
        }
    }

    private static void compare(String where, JsonNode j, Socket s, List<String> diffs) {
        check(diffs, where, "proto", j.get("proto").asText(), s.protocol().name());
        check(diffs, where, "local_address", unbracket(j.get("local_address").asText()), s.localAddress());
        check(
                diffs,
                where,
                "local_port",
                j.get("local_port").asText(),
                s.localPort().toString());
        check(
                diffs,
                where,
                "foreign_address",
                unbracket(j.get("foreign_address").asText()),
                s.foreignAddress());
        String foreignPort = j.get("foreign_port").asText();
        check(
                diffs,
                where,
                "foreign_port",
                foreignPort.equals("*") ? null : foreignPort,
                s.foreignPort() == null ? null : s.foreignPort().toString());
        String state = j.path("state").asText("");
        check(
                diffs,
                where,
                "state",
                state.isEmpty() ? null : state,
                s.state() == null ? null : s.state().name());
        check(
                diffs,
                where,
                "pid",
                j.has("pid") ? j.get("pid").asText() : null,
                s.pid() == null ? null : s.pid().toString());
        if (j.has("program_name")) {
            String program = j.get("program_name").asText();
            String expected = program.startsWith("[") ? program.substring(1, program.length() - 1) : null;
            check(diffs, where, "program_name", expected, s.process());
        }
    }

    private static String unbracket(String a) {
        return a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }

    private static void check(List<String> diffs, String where, String field, String jc, String ours) {
        if (!java.util.Objects.equals(jc, ours)) {
            diffs.add(where + " " + field + ": jc=" + jc + " portmortem=" + ours);
        }
    }

    @Test
    void serviceTagsThatJcLosesAreKeptWithTheirSocket() throws IOException {
        NetstatSnapshot snap = SnapshotReader.readSockets(corpus().resolve("netstat-aonb.out"));
        Socket rpc = snap.sockets().get(0);
        assertThat(rpc.localEndpoint()).isEqualTo("0.0.0.0:135");
        assertThat(rpc.pid()).isEqualTo(1712);
        assertThat(rpc.process()).isEqualTo("svchost.exe");
        assertThat(rpc.services()).containsExactly("RpcSs");
        assertThat(snap.sockets())
                .filteredOn(s -> s.services().contains("IKEEXT"))
                .extracting(s -> s.protocol() + " " + s.localEndpoint())
                .contains("UDP [::]:500", "UDP [::]:4500");
        Socket smb = snap.sockets().stream()
                .filter(s -> s.localEndpoint().equals("0.0.0.0:445"))
                .findFirst()
                .orElseThrow();
        assertThat(smb.pid()).isEqualTo(4);
        assertThat(smb.process()).isNull();
        assertThat(snap.flags()).contains("a", "n", "o", "b");
        assertThat(snap.language()).isEqualTo("en");
    }

    @Test
    void resolvedNamesWithoutDashNStayAsPrinted() throws IOException {
        NetstatSnapshot snap = SnapshotReader.readSockets(corpus().resolve("netstat.out"));
        Socket first = snap.sockets().get(0);
        assertThat(first.foreignAddress()).isEqualTo("api");
        assertThat(first.foreignPort()).isEqualTo(Port.of(1032));
        assertThat(first.ipVersion()).isEqualTo(4);
        assertThat(snap.flags()).doesNotContain("n", "a");
    }

    @Test
    void inTheWholeCorpusOnlyTheSocketListingsAreSnapshots() throws IOException {
        Path root = corpus().getParent().getParent(); // corpus/: hives (regf, CREG, logs, empty files) and listings
        // jc's own JSON parses beside the .out files are not listings; the memory and Velociraptor ones are.
        assertThat(SnapshotFiles.find(root))
                .extracting(r -> r.file().getFileName().toString() + " " + r.kind())
                .containsExactly(
                        "netstat-an.out NETSTAT",
                        "netstat-aon.out NETSTAT",
                        "netstat-aonb.out NETSTAT",
                        "netstat.out NETSTAT",
                        "netscan-backup.csv VOLATILITY3_SOCKETS",
                        "netscan.csv VOLATILITY2_SOCKETS",
                        "netstat.csv VOLATILITY3_SOCKETS",
                        "connections.txt VOLATILITY2_SOCKETS",
                        "sockscan.txt VOLATILITY2_SOCKETS",
                        "connscan.txt VOLATILITY2_SOCKETS",
                        "sockets.txt VOLATILITY2_SOCKETS",
                        "windows.netstat.txt VOLATILITY3_SOCKETS",
                        "Windows.Network.Netstat.json VELOCIRAPTOR_NETSTAT",
                        "netscan.txt VOLATILITY3_SOCKETS",
                        "netscan.txt VOLATILITY3_SOCKETS",
                        "netscan_output.txt VOLATILITY3_SOCKETS",
                        "windows.netscan.txt VOLATILITY3_SOCKETS",
                        "NetstatEnriched_Netstat.json VELOCIRAPTOR_NETSTAT");
    }

    @Test
    void velociraptorJsonIsAVelociraptorListing() throws IOException {
        Optional<Path> v = SharedMaterial.find("corpus/netstat/velociraptor/NetstatEnriched_Netstat.json");
        assumeTrue(v.isPresent(), "shared corpus absent: Velociraptor check skipped");
        assertThat(SnapshotReader.recognize(v.get())).contains(SnapshotKind.VELOCIRAPTOR_NETSTAT);
    }
}

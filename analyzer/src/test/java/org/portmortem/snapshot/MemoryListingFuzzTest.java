package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.InputException;

/**
 * A bounded, seeded mutation loop over one sample of each new reader (Volatility 3 quick, csv and
 * json; Volatility 2 netscan, sockets and connscan; Velociraptor JSON lines; KAPE CSV; Kansa TSV;
 * pslist and svcscan): bytes flipped, lines dropped, doubled or cut, separators swapped, digits
 * replaced, junk and deep JSON nesting inserted. Every mutant must end in a snapshot (its unreadable
 * lines as warnings naming file and line) or an {@link InputException} naming the file; any other
 * throwable fails the test with the seed and iteration that made it.
 */
class MemoryListingFuzzTest {
    private static final long SEED = 0x5EED_0014L;
    private static final int ITERATIONS = 250;

    @TempDir
    Path dir;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MemoryListingFuzzTest.class.getResourceAsStream("/memory/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Map<String, byte[]> samples() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("vol3-quick", resource("crafted-netscan.txt"));
        m.put(
                "vol3-csv",
                ("TreeDepth,Offset,Proto,LocalAddr,LocalPort,ForeignAddr,ForeignPort,State,PID,Owner,Created\n"
                                + "0,0x9a0000001000,TCPv4,0.0.0.0,135,0.0.0.0,0,LISTENING,912,svchost.exe,2026-03-02 08:00:01.000000 \n"
                                + "0,0x9a0000004000,UDPv6,::,5353,*,0,,1504,svchost.exe,N/A\n\n")
                        .getBytes(StandardCharsets.UTF_8));
        m.put(
                "vol3-json",
                ("\n[\n  {\n    \"Created\": \"2026-03-02T08:00:01+00:00\",\n    \"ForeignAddr\": \"0.0.0.0\",\n"
                                + "    \"ForeignPort\": 0,\n    \"LocalAddr\": \"0.0.0.0\",\n    \"LocalPort\": 135,\n"
                                + "    \"Offset\": 169324062576640,\n    \"Owner\": \"svchost.exe\",\n    \"PID\": 912,\n"
                                + "    \"Proto\": \"TCPv4\",\n    \"State\": \"LISTENING\",\n    \"__children\": []\n  }\n]\n")
                        .getBytes(StandardCharsets.UTF_8));
        m.put(
                "vol2-netscan",
                ("Offset(P)          Proto    Local Address                  Foreign Address      State"
                                + "            Pid      Owner          Created\n"
                                + "0x8c88aefed8c0     UDPv4    0.0.0.0:500                    *:*                                   556"
                                + "      svchost.exe    2018-08-30 13:52:23 UTC+0000\n"
                                + "0x8c88aefed8c0     TCPv6    :::135                         :::0                 LISTENING        912"
                                + "      svchost.exe    2018-08-30 13:52:23 UTC+0000\n")
                        .getBytes(StandardCharsets.UTF_8));
        m.put("vol2-sockets", resource("winxp-sockets.txt"));
        m.put(
                "vol2-connscan",
                (new String(resource("winxp-connscan.txt"), StandardCharsets.UTF_8)
                                + "0x02087620 192.70.106.143:1367       192.70.106.76:22          1496\n")
                        .getBytes(StandardCharsets.UTF_8));
        m.put("velociraptor", resource("crafted-velociraptor.jsonl"));
        m.put(
                "kape-csv",
                ("\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemoteHostname\",\"RemotePort\",\"Process\","
                                + "\"ProcessId\",\"Protocol\",\"State\",\"Service\",\"Timestamp\"\n"
                                + "\"0.0.0.0\",\"135\",\"0.0.0.0\",\"\",\"0\",\"svchost\",\"912\",\"TCP\",\"LISTENING\",\"RpcSs\","
                                + "\"3/2/2026 8:00:01 AM\"\n")
                        .getBytes(StandardCharsets.UTF_8));
        m.put(
                "kansa",
                ("Protocol\tLocalAddress\tLocalPort\tForeignAddress\tForeignPort\tState\tConPId\tComponent\tProcess\n"
                                + "TCP\t[::]\t135\t[::]\t0\tLISTENING\t912\tRpcSs\t[svchost.exe]\n"
                                + "UDP\t0.0.0.0\t5353\t*\t*\tSTATELESS\t1504\tDnscache\t[svchost.exe]\n")
                        .getBytes(StandardCharsets.UTF_8));
        m.put("pslist", resource("crafted-pslist.txt"));
        m.put("svcscan", resource("crafted-svcscan.txt"));
        return m;
    }

    private static byte[] mutate(byte[] in, Random r) {
        List<Byte> b = new ArrayList<>(in.length);
        for (byte x : in) {
            b.add(x);
        }
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = r.nextInt(b.size());
            switch (r.nextInt(8)) {
                case 0 -> b.set(at, (byte) r.nextInt(256));
                case 1 -> b.remove(at);
                case 2 ->
                    b.subList(at, Math.min(b.size(), at + 1 + r.nextInt(40))).clear();
                case 3 -> {
                    byte[] junk = switch (r.nextInt(5)) {
                        case 0 -> "\t\t\t".getBytes(StandardCharsets.UTF_8);
                        case 1 -> ",\"".getBytes(StandardCharsets.UTF_8);
                        case 2 ->
                            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                                    .getBytes(StandardCharsets.UTF_8);
                        case 3 -> "99999999999999999999".getBytes(StandardCharsets.UTF_8);
                        default -> new byte[] {0, (byte) 0xFF, '\r', '\n', 0x1B};
                    };
                    for (int k = junk.length - 1; k >= 0; k--) {
                        b.add(at, junk[k]);
                    }
                }
                case 4 -> b.subList(at, b.size()).clear();
                case 5 -> {
                    int end = Math.min(b.size(), at + 1 + r.nextInt(200));
                    b.addAll(at, new ArrayList<>(b.subList(at, end)));
                }
                case 6 -> {
                    byte x = b.get(at);
                    b.set(at, x == '\t' ? (byte) ' ' : x == ' ' ? (byte) '\t' : x == ',' ? (byte) '\t' : x);
                }
                default -> {
                    byte x = b.get(at);
                    b.set(at, x >= '0' && x <= '9' ? (byte) ('0' + r.nextInt(10)) : (byte) '-');
                }
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    @Test
    void everyMutantOfEveryNewListingEndsInASnapshotOrAOneLineInputError() throws IOException {
        Random r = new Random(SEED);
        int read = 0;
        int refused = 0;
        for (Map.Entry<String, byte[]> sample : samples().entrySet()) {
            assertThat(SnapshotReader.read(Files.write(dir.resolve(sample.getKey()), sample.getValue())))
                    .as(sample.getKey() + " unmutated")
                    .isNotNull();
            for (int i = 0; i < ITERATIONS; i++) {
                Path f = Files.write(dir.resolve(sample.getKey() + "-" + i), mutate(sample.getValue(), r));
                try {
                    Snapshot s = SnapshotReader.read(f);
                    for (SnapshotWarning w : s.warnings()) {
                        assertThat(w.file()).isEqualTo(f);
                        assertThat(w.message()).doesNotContain("\n");
                    }
                    if (s instanceof NetstatSnapshot n) {
                        n.sockets().forEach(k -> assertThat(k.line()).isPositive());
                    }
                    read++;
                } catch (InputException e) {
                    assertThat(e.getMessage()).startsWith(f.toString()).doesNotContain("\n");
                    refused++;
                } catch (Throwable t) {
                    fail(sample.getKey() + " iteration " + i + " (seed " + SEED + "): " + t, t);
                }
                Files.delete(f);
            }
        }
        assertThat(read + refused).isEqualTo(samples().size() * ITERATIONS);
        assertThat(read).as("most mutants still read").isGreaterThan(refused);
    }
}

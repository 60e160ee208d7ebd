package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.net.Protocol;

/** The netstat listings of the seed paper (HSC 2002), Windows 2000 {@code -an} and XP {@code -ano}. */
class SeedPaperListingsTest {
    @TempDir
    Path dir;

    @Test
    void windows2000DefaultListingReadsExactly() throws IOException {
        NetstatSnapshot s = SnapshotReader.readSockets(Fixtures.copy(dir, "seed-w2000-default-an.txt"));
        assertThat(s.warnings()).isEmpty();
        assertThat(s.commandLine()).isEqualTo("netstat -an");
        assertThat(s.language()).isEqualTo("en");
        assertThat(s.flags()).containsExactlyInAnyOrder("a", "n");
        assertThat(s.sockets()).hasSize(19);
        assertThat(s.sockets())
                .filteredOn(x -> x.protocol() == Protocol.TCP)
                .hasSize(11)
                .allMatch(Socket::isListening);
        assertThat(s.sockets())
                .filteredOn(x -> x.protocol() == Protocol.UDP)
                .hasSize(8)
                .allMatch(x -> x.state() == null
                        && x.foreignPort() == null
                        && x.foreignAddress().equals("*"));
        Socket netbt = s.sockets().get(10);
        assertThat(netbt.localEndpoint()).isEqualTo("192.70.106.143:139");
        assertThat(netbt.foreignEndpoint()).isEqualTo("0.0.0.0:0");
        assertThat(netbt.pid()).isNull();
        assertThat(netbt.line()).isEqualTo(16);
        assertThat(s.sockets())
                .extracting(x -> x.protocol() + " " + x.localEndpoint())
                .contains("TCP 0.0.0.0:3372", "TCP 0.0.0.0:4983", "UDP 0.0.0.0:3456", "UDP 192.70.106.143:500");
    }

    @Test
    void windowsXpDefaultListingReadsWithPids() throws IOException {
        NetstatSnapshot s = SnapshotReader.readSockets(Fixtures.copy(dir, "seed-xp-default-ano.txt"));
        assertThat(s.warnings()).isEmpty();
        assertThat(s.flags()).containsExactlyInAnyOrder("a", "n", "o");
        assertThat(s.sockets()).hasSize(16);
        assertThat(s.sockets())
                .extracting(x -> x.protocol() + " " + x.localEndpoint() + " " + x.pid())
                .containsExactly(
                        "TCP 0.0.0.0:135 884",
                        "TCP 0.0.0.0:445 4",
                        "TCP 0.0.0.0:1025 976",
                        "TCP 0.0.0.0:5000 1160",
                        "TCP 192.70.106.143:139 4",
                        "UDP 0.0.0.0:135 884",
                        "UDP 0.0.0.0:445 4",
                        "UDP 0.0.0.0:500 704",
                        "UDP 0.0.0.0:1026 1112",
                        "UDP 0.0.0.0:1027 976",
                        "UDP 127.0.0.1:123 976",
                        "UDP 127.0.0.1:1900 1160",
                        "UDP 192.70.106.143:123 976",
                        "UDP 192.70.106.143:137 4",
                        "UDP 192.70.106.143:138 4",
                        "UDP 192.70.106.143:1900 1160");
        assertThat(s.sockets()).allMatch(x -> x.ipVersion() == 4);
    }

    @Test
    void port1367ExampleIsAPhantomListener() throws IOException {
        NetstatSnapshot s = SnapshotReader.readSockets(Fixtures.copy(dir, "seed-xp-port1367.txt"));
        assertThat(s.warnings()).isEmpty();
        assertThat(s.commandLine()).isEqualTo("netstat -anp tcp | find \":1367\"");
        assertThat(s.language()).isNull();
        List<PhantomListener> phantoms = PhantomListener.findIn(s);
        assertThat(phantoms).hasSize(1);
        assertThat(phantoms.get(0).listener().localEndpoint()).isEqualTo("0.0.0.0:1367");
        assertThat(phantoms.get(0).listener().line()).isEqualTo(2);
        assertThat(phantoms.get(0).evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.foreignEndpoint()).isEqualTo("192.70.106.76:22"))
                .satisfies(e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void defaultListingsHaveNoPhantomListeners() throws IOException {
        assertThat(PhantomListener.findIn(SnapshotReader.readSockets(Fixtures.copy(dir, "seed-xp-default-ano.txt"))))
                .isEmpty();
    }

    /** Every listing in the paper, cut out of the shared copy at test time: one socket per socket line, no warning. */
    @Test
    void everyListingInThePaperReadsOneSocketPerLine() throws IOException {
        Optional<Path> seed = SharedMaterial.find("seed/000_4f80ab109de333e4.txt");
        assumeTrue(seed.isPresent(), "seed paper absent (../shared/seed): whole-paper check skipped");
        List<String> lines = Files.readAllLines(seed.get(), StandardCharsets.UTF_8);
        List<List<String>> listings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^C:\\\\\\w+>netstat .*")) {
                List<String> block = new ArrayList<>();
                boolean rows = false;
                for (int j = i; j < lines.size() && !(rows && lines.get(j).isBlank()); j++) {
                    block.add(lines.get(j));
                    rows |= lines.get(j).trim().matches("^(TCP|UDP)\\s.*");
                }
                listings.add(block);
            }
        }
        List<Integer> expected = List.of(19, 16, 2, 12, 11, 9, 10, 6, 7, 4, 5);
        assertThat(listings).hasSize(expected.size());
        for (int k = 0; k < listings.size(); k++) {
            Path f = Files.write(dir.resolve("listing" + k + ".txt"), listings.get(k), StandardCharsets.UTF_8);
            NetstatSnapshot s = SnapshotReader.readSockets(f);
            assertThat(s.warnings()).as("listing %d", k).isEmpty();
            assertThat(s.sockets()).as("listing %d", k).hasSize(expected.get(k));
            assertThat(s.sockets())
                    .as("listing %d", k)
                    .allMatch(x -> x.protocol() == Protocol.UDP || x.state() != SocketState.UNKNOWN);
        }
    }
}

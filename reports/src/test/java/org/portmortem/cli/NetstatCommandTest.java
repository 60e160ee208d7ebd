package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.report.CommandRun;

/** {@code portmortem netstat} on small listings in the seed paper's XP layout. */
class NetstatCommandTest {
    /** Three lines of the seed paper's XP {@code netstat -ano}, plus a -b block in the Windows 10 layout. */
    private static final String NETSTAT = "\r\nActive Connections\r\n\r\n"
            + "  Proto  Local Address          Foreign Address        State           PID\r\n"
            + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       884\r\n"
            + "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4\r\n"
            + "  UDP    0.0.0.0:500            *:*                                    704\r\n";

    /** tasklist /svc in the XP layout (25/6/45 column underline). */
    private static final String TASKLIST = "\r\nImage Name                   PID Services\r\n"
            + "========================= ====== =============================================\r\n"
            + "System                         4 N/A\r\n"
            + "lsass.exe                    704 PolicyAgent, ProtectedStorage,\r\n"
            + "                                 SamSs\r\n"
            + "svchost.exe                  884 RpcSs\r\n";

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void jsonHasTheReportsSocketFieldsAndOwnersFromTheTasklistBesideTheFile() throws IOException {
        Path ns = Files.writeString(dir.resolve("ns.txt"), NETSTAT, StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("procs.txt"), TASKLIST, StandardCharsets.US_ASCII);
        CommandRun r = run("netstat", ns.toString(), "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("owners from " + dir.resolve("procs.txt").toAbsolutePath());
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertThat(a).hasSize(3);
        JsonNode rpc = a.get(0);
        assertThat(rpc.get("protocol").asText()).isEqualTo("TCP");
        assertThat(rpc.get("ipVersion").asInt()).isEqualTo(4);
        assertThat(rpc.get("localAddress").asText()).isEqualTo("0.0.0.0");
        assertThat(rpc.get("localPort").asText()).isEqualTo("135");
        assertThat(rpc.get("localEndpoint").asText()).isEqualTo("0.0.0.0:135");
        assertThat(rpc.get("foreignEndpoint").asText()).isEqualTo("0.0.0.0:0");
        assertThat(rpc.get("line").asInt()).isEqualTo(5);
        assertThat(rpc.get("memory").isNull()).isTrue();
        assertThat(rpc.get("state").asText()).isEqualTo("LISTENING");
        assertThat(rpc.get("pid").asInt()).isEqualTo(884);
        assertThat(rpc.get("process").asText()).isEqualTo("svchost.exe");
        assertThat(rpc.get("services").get(0).asText()).isEqualTo("RpcSs");
        JsonNode ike = a.get(2);
        assertThat(ike.get("foreignEndpoint").asText()).isEqualTo("*:*");
        assertThat(ike.get("state").isNull()).isTrue();
        assertThat(ike.get("process").asText()).isEqualTo("lsass.exe");
        assertThat(ike.get("services")).hasSize(3);
    }

    @Test
    void textIsAnAlignedTable() throws IOException {
        Path ns = Files.writeString(dir.resolve("ns.txt"), NETSTAT, StandardCharsets.US_ASCII);
        Path tl = Files.writeString(dir.resolve("t.txt"), TASKLIST, StandardCharsets.US_ASCII);
        CommandRun r = run("netstat", ns.toString(), "--tasklist", tl.toString());
        assertThat(r.exit()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines[0]).startsWith("Proto  Local Address  Foreign Address  State      PID  Process      Services");
        assertThat(lines[1]).isEqualTo("TCP    0.0.0.0:135    0.0.0.0:0        LISTENING  884  svchost.exe  RpcSs");
        assertThat(lines[3])
                .isEqualTo("UDP    0.0.0.0:500    *:*                         704  lsass.exe    "
                        + "PolicyAgent,ProtectedStorage,SamSs");
        assertThat(r.out()).contains("3 sockets; netstat, encoding US-ASCII, language en, flags -ano");
    }

    @Test
    void thePapersPort1367ListenerIsNotedAsAPhantom() throws IOException {
        // The seed paper's "netstat -anp tcp | find" example (HSC 2002).
        Path ns = Files.writeString(
                dir.resolve("ns.txt"),
                "C:\\WINDOWS>netstat -anp tcp | find \":1367\"\r\n"
                        + "  TCP    0.0.0.0:1367           0.0.0.0:0              LISTENING\r\n"
                        + "  TCP    192.70.106.142:1367    192.70.106.76:22       ESTABLISHED\r\n",
                StandardCharsets.US_ASCII);
        CommandRun r = run("netstat", ns.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err().strip())
                .isEqualTo("portmortem: note: " + ns + ":2: 0.0.0.0:1367 LISTENING is also the local"
                        + " port of a connection (line 3); a Windows 2000/XP netstat lists such ports as listening"
                        + " (fixed in Server 2003)");
    }

    @Test
    void aFileThatIsNotASnapshotExitsWith3AndOneLine() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        CommandRun r = run("netstat", notes.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().strip())
                .isEqualTo("portmortem: " + notes
                        + ": not a netstat, tasklist or Get-NetTCPConnection/Get-NetUDPEndpoint snapshot");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingFileExitsWith3AndNamesIt() {
        Path absent = dir.resolve("absent.txt");
        CommandRun r = run("netstat", absent.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("portmortem: " + absent + ": no such file");
    }

    @Test
    void aTasklistGivenAsTheListingIsRefusedWithExit3() throws IOException {
        Path tl = Files.writeString(dir.resolve("t.txt"), TASKLIST, StandardCharsets.US_ASCII);
        CommandRun r = run("netstat", tl.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("portmortem: " + tl + ": a tasklist svc, not a socket listing");
    }

    @Test
    void helpReadsLikeAManPage() {
        CommandRun r = run("netstat", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains(
                        "Description:", "Arguments:", "Options:", "Examples:", "Exit codes:", "--tasklist", "--format");
    }
}

package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;

/**
 * {@code portmortem rip -p firewall} on the two kinds of hive it reads, as an examiner sees the text:
 * on SOFTWARE the Group Policy copies (the XP reference system's SOFTWARE hive with a Domain profile
 * policy and one policy rule added, written as regf so keys have LastWrite times), the profiles the
 * policy does not set stated as not found; on a SOFTWARE hive without firewall policy one line saying
 * so; and the kinds of hive it does not read refused naming both it reads.
 */
class FirewallRipCommandTest {
    private static final String POLICY = "Policies\\Microsoft\\WindowsFirewall";

    private static Path referenceSoftware() {
        return Fixtures.folder("winxp-default").resolve("SOFTWARE.reg");
    }

    /** The reference SOFTWARE hive with the firewall off by Group Policy in the Domain profile and one policy rule. */
    private static Path withDomainPolicy(Path dir) throws IOException {
        Path regf = dir.resolve("SOFTWARE");
        try (Hive text = Hive.open(referenceSoftware())) {
            MemoryHive h = MemoryHive.copyOf(text);
            h.createKey(POLICY + "\\DomainProfile").putValue("EnableFirewall", ValueType.REG_DWORD.id(), new byte[4]);
            h.createKey(POLICY + "\\FirewallRules")
                    .putValue(
                            "RemoteMgmt",
                            ValueType.REG_SZ.id(),
                            "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=5985|Profile=Domain|Name=WinRM|\0"
                                    .getBytes(StandardCharsets.UTF_16LE));
            HiveWriter.write(h, regf, Instant.parse("2011-05-02T08:30:00Z"));
        }
        return regf;
    }

    @Test
    void onASoftwareHiveTheGroupPolicyKeysAreListedAndTheProfilesItDoesNotSetAreStated(@TempDir Path dir)
            throws IOException {
        CommandRun r = CommandRun.of("rip", "-r", withDomainPolicy(dir).toString(), "-p", "firewall");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("firewall v.PortMortem\n(System, Software) Lists Windows Firewall")
                .contains(POLICY + "\\DomainProfile\nLastWrite Time 2011-05-02 08:30:00Z\n  EnableFirewall = 0\n")
                .contains(POLICY + "\\StandardProfile not found.\n")
                .contains(POLICY + "\\PrivateProfile not found.\n")
                .contains(POLICY + "\\PublicProfile not found.\n")
                .contains(
                        POLICY + "\\FirewallRules\nLastWrite Time 2011-05-02 08:30:00Z\n"
                                + "  RemoteMgmt = Action=Allow Active=TRUE Dir=In Protocol=6 LPort=5985 Profile=Domain Name=WinRM\n");
    }

    @Test
    void theSoftwareProfileRunsFirewallAndSaysWhenThereIsNoFirewallPolicy() {
        CommandRun r = CommandRun.of("rip", "-r", referenceSoftware().toString(), "-f", "software");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("firewall v.PortMortem\n")
                .contains("\n" + POLICY + " not found.\n")
                .doesNotContain("Error: ");
    }

    @Test
    void aHiveOfAKindFirewallDoesNotReadIsBadInputNamingBothKindsItReads(@TempDir Path dir) throws IOException {
        MemoryHive user = MemoryHive.empty("NTUSER.DAT", "ROOT");
        user.createKey("Software\\Microsoft");
        user.createKey("Control Panel\\Desktop");
        Path ntuser = dir.resolve("NTUSER.DAT");
        HiveWriter.write(user, ntuser, Instant.parse("2011-05-02T08:30:00Z"));
        CommandRun r = CommandRun.of("rip", "-r", ntuser.toString(), "-p", "firewall");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip())
                .doesNotContain("\n")
                .contains("NTUSER.DAT")
                .contains("is a NTUSER hive; plugin firewall reads SYSTEM or SOFTWARE hives");
    }
}

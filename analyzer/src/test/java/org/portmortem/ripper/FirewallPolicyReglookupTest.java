package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portmortem.ripper.ReferenceSoftwareHive.dword;
import static org.portmortem.ripper.ReferenceSoftwareHive.string;
import static org.portmortem.ripper.ReferenceSoftwareHive.written;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.model.ModelOptions;

/**
 * The firewall plugin's Group Policy half against {@code reglookup}, on a {@link ReferenceSoftwareHive}
 * with the keys a domain's firewall GPOs write added. They are of both eras, as on a Vista+ member of
 * a domain that still carries XP-era settings: the XP SP2 administrative template's
 * {@code StandardProfile} switches, port and program exception lists and the File and Printer Sharing
 * exception ({@code Services\FileAndPrint}), and the Vista+ {@code DomainProfile} and
 * {@code PublicProfile} switches ([MS-GPFAS] 2.2.3, e.g. {@code AllowLocalPolicyMerge} in 2.2.3.13)
 * with two policy rules in {@code FirewallRules} (2.2.2.19 grammar). {@code PrivateProfile} is left
 * out, so its absence must be stated. Every fact must be what reglookup prints for the same key and
 * value, and every value reglookup prints there must be a fact.
 */
class FirewallPolicyReglookupTest {
    private static final String POLICY = "Policies\\Microsoft\\WindowsFirewall";
    private static final String RDP_RULE = "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Domain|LPort=3389"
            + "|RA4=10.20.0.0/255.255.0.0|App=%SystemRoot%\\system32\\svchost.exe|Svc=TermService|Name=Admin RDP|";
    private static final String BLOCK_RULE =
            "v2.10|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=445|Name=No SMB from outside|";

    @Test
    void policyFactsAreWhatReglookupPrintsAndAMissingProfileIsStated(@TempDir Path dir) throws Exception {
        Path software = written(dir, FirewallPolicyReglookupTest::domainPolicy);
        List<RipFact> facts = firewall(software);
        List<ReglookupRun.Row> rows = ReglookupRun.below(software, POLICY);
        Map<String, ReglookupRun.Row> printed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rows.stream()
                .filter(r -> r.valueName() != null)
                .forEach(r -> printed.put(r.keyPath() + "\\" + r.valueName(), r));

        int compared = 0;
        int rules = 0;
        for (RipFact f : facts) {
            String where = f.evidence().keyPath()
                    + (f.evidence().valueName() == null
                            ? ""
                            : "\\" + f.evidence().valueName());
            if (f.isAbsent()) {
                assertThat(rows)
                        .as(where + " is stated absent")
                        .noneMatch(r -> r.keyPath().equalsIgnoreCase(where));
            } else if (f.group().endsWith("\\FirewallRules")) {
                rules++;
                ReglookupRun.Row row = printed.get(where);
                assertThat(row).as(where).isNotNull();
                for (String field : f.data().split(" (?=[A-Za-z0-9]+=)")) {
                    int eq = field.indexOf('=');
                    for (String one : field.substring(eq + 1).split(",")) {
                        assertThat(row.data()).as(where).contains("|" + field.substring(0, eq) + "=" + one + "|");
                    }
                }
            } else {
                ReglookupRun.Row row = printed.get(where);
                assertThat(row).as(where).isNotNull();
                assertThat(f.data()).as(where).isEqualTo(row.regRipperData());
                assertThat(f.evidence().note()).contains("Group Policy");
                compared++;
            }
        }
        assertThat(facts)
                .extracting(f -> f.evidence().keyPath() + "\\" + f.evidence().valueName())
                .as("every value reglookup prints under the policy is a fact")
                .containsAll(printed.keySet().stream().toList());
        assertThat(compared).as("policy values compared").isEqualTo(printed.size() - 2);
        assertThat(rules).isEqualTo(2);
        assertThat(facts)
                .filteredOn(RipFact::isAbsent)
                .extracting(RipFact::name)
                .containsExactly(POLICY + "\\PrivateProfile");
    }

    @Test
    void policyRulesAreSummarisedWithTheFieldsThatDecideWhatTheyLetIn(@TempDir Path dir) throws Exception {
        List<RipFact> facts = firewall(written(dir, FirewallPolicyReglookupTest::domainPolicy));
        assertThat(facts)
                .filteredOn(f -> f.group().equals(POLICY + "\\FirewallRules"))
                .extracting(f -> f.name() + ": " + f.data())
                .containsExactlyInAnyOrder(
                        "AdminRdp: Action=Allow Active=TRUE Dir=In Protocol=6 LPort=3389 RA4=10.20.0.0/255.255.0.0"
                                + " App=%SystemRoot%\\system32\\svchost.exe Svc=TermService Profile=Domain Name=Admin RDP",
                        "NoSmb: Action=Block Active=TRUE Dir=In Protocol=6 LPort=445 Name=No SMB from outside");
    }

    @Test
    void aSoftwareHiveWithoutFirewallPolicySaysSoInOneFact(@TempDir Path dir) throws Exception {
        Path software = written(dir, h -> {});
        assertThat(ReglookupRun.below(software, POLICY))
                .as("reglookup under " + POLICY)
                .isEmpty();
        assertThat(firewall(software)).singleElement().satisfies(f -> {
            assertThat(f.isAbsent()).isTrue();
            assertThat(f.name()).isEqualTo(POLICY);
            assertThat(f.evidence().valueName()).isNull();
            assertThat(f.evidence().note()).contains("the local setting in SYSTEM applies");
        });
    }

    @Test
    void aPolicyKeyLeftWithoutValuesIsReportedAsPresentAndEmpty(@TempDir Path dir) throws Exception {
        Path software = written(dir, h -> h.createKey(POLICY + "\\PublicProfile"));
        assertThat(ReglookupRun.below(software, POLICY + "\\PublicProfile"))
                .singleElement()
                .satisfies(r -> assertThat(r.type()).isEqualTo("KEY"));
        assertThat(firewall(software))
                .filteredOn(f -> f.group().equals(POLICY + "\\PublicProfile"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.isAbsent()).isFalse();
                    assertThat(f.name() + " = " + f.data()).isEqualTo("values = none");
                    assertThat(f.evidence().valueName()).isNull();
                });
    }

    /** The GPO keys described in the class comment. */
    private static void domainPolicy(MemoryHive h) {
        String xp = POLICY + "\\StandardProfile";
        dword(h, xp, "EnableFirewall", 1);
        dword(h, xp, "DoNotAllowExceptions", 0);
        dword(h, xp + "\\GloballyOpenPorts", "Enabled", 1);
        dword(h, xp + "\\GloballyOpenPorts", "AllowUserPrefMerge", 0);
        string(
                h,
                xp + "\\GloballyOpenPorts\\List",
                "3389:TCP",
                ValueType.REG_SZ,
                "3389:TCP:10.20.0.0/16:enabled:Remote Desktop");
        string(
                h,
                xp + "\\AuthorizedApplications\\List",
                "%ProgramFiles%\\Backup\\agent.exe",
                ValueType.REG_SZ,
                "%ProgramFiles%\\Backup\\agent.exe:localsubnet:enabled:Backup agent");
        dword(h, xp + "\\Services\\FileAndPrint", "Enabled", 1);
        string(h, xp + "\\Services\\FileAndPrint", "RemoteAddresses", ValueType.REG_SZ, "localsubnet");
        String domain = POLICY + "\\DomainProfile";
        dword(h, domain, "EnableFirewall", 1);
        dword(h, domain, "DefaultInboundAction", 1);
        dword(h, domain, "AllowLocalPolicyMerge", 0);
        string(
                h,
                domain + "\\Logging",
                "LogFilePath",
                ValueType.REG_EXPAND_SZ,
                "%systemroot%\\system32\\logfiles\\firewall\\domainfw.log");
        String publicProfile = POLICY + "\\PublicProfile";
        dword(h, publicProfile, "EnableFirewall", 1);
        dword(h, publicProfile, "DoNotAllowExceptions", 1);
        dword(h, POLICY, "PolicyVersion", 0x21b);
        string(h, POLICY + "\\FirewallRules", "AdminRdp", ValueType.REG_SZ, RDP_RULE);
        string(h, POLICY + "\\FirewallRules", "NoSmb", ValueType.REG_SZ, BLOCK_RULE);
    }

    private static List<RipFact> firewall(Path software) throws IOException {
        try (Hive hive = Hive.open(software)) {
            RipContext context = RipContext.of(hive, ModelOptions.DEFAULT);
            assertThat(context.hiveType()).isEqualTo(HiveType.SOFTWARE);
            return RipPlugins.named("firewall").orElseThrow().run(context);
        }
    }
}

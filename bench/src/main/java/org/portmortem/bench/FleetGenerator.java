package org.portmortem.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.hive.write.HiveWriter;

/**
 * Writes a synthetic fleet of Windows hosts for tests and benchmarks (not a product feature): each
 * host is one of the bundled reference systems ({@code fixtures/winxp-default},
 * {@code fixtures/win2000-server-default}) with deterministic variation, written as binary regf
 * hives with {@link HiveWriter}. Nothing here is evidence: the hosts are made up.
 *
 * <p>Variation (seeded by the host number, so the same N always gives the same fleet): the computer
 * name; services switched to disabled or automatic (SSDP, UPnP, Remote Registry, Messenger, Spooler,
 * Task Scheduler, IIS on the servers...); Remote Desktop on or off ({@code fDenyTSConnections}, TermService's Start);
 * some XP hosts at Service Pack 2 level with the Windows Firewall running and its Standard profile on
 * or off ({@code SharedAccess\Parameters\FirewallPolicy}); a restricted dynamic RPC port range
 * ({@code SOFTWARE\Microsoft\Rpc\Internet\Ports}). Layouts vary too: a flat case folder, a KAPE tree
 * ({@code C/Windows/System32/config/}) or a Velociraptor offline-collector zip
 * ({@code uploads/auto/C%3A/Windows/System32/config/}).
 *
 * <p>Planted outliers, one host each (listed in {@code planted-outliers.tsv}): Telnet set to start
 * automatically (TCP 23, TlntSvr); a VNC server installed as an automatic service (WinVNC4; no
 * listener is predicted for it, PortMortem's knowledge base does not know VNC, so it shows as a rare
 * auto-start service); a {@code netsh interface portproxy} rule on TCP 8080 with the IP Helper
 * service that serves it; Remote Desktop on the non-default TCP port 3390.
 *
 * <pre>java -cp reports/target/portmortem.jar org.portmortem.bench.FleetGenerator N OUT_DIR [--broken] [--flat]</pre>
 *
 * {@code --flat} writes every host as a flat case folder; {@code --broken} adds three hosts that cannot be analysed: a truncated SYSTEM hive, an empty
 * folder and a zip without hives.
 */
public final class FleetGenerator {
    /** Key timestamps of the written hives: fixed, so the same fleet is the same bytes. */
    private static final Instant WRITTEN = Instant.parse("2026-01-15T08:00:00Z");

    /** A planted outlier: which host has it and what it is. */
    public record Outlier(String host, String kind, String description) {}

    /** What was written: the host folders and zips, and the planted outliers. */
    public record Fleet(Path root, List<Path> hosts, List<Outlier> outliers) {}

    private final Path fixtures;
    /** Every host a flat case folder (for loops of other tools that take hive files). */
    private boolean flat;

    /** A generator reading the reference systems under {@code fixtures}. */
    public FleetGenerator(Path fixtures) {
        this.fixtures = fixtures;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !args[0].matches("\\d+")) {
            System.err.println("usage: FleetGenerator N OUT_DIR [--broken] [--flat] [--fixtures DIR]");
            System.exit(2);
        }
        Path fixtures = Path.of("fixtures");
        boolean broken = false;
        boolean flat = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--broken")) {
                broken = true;
            } else if (args[i].equals("--flat")) {
                flat = true;
            } else if (args[i].equals("--fixtures") && i + 1 < args.length) {
                fixtures = Path.of(args[++i]);
            }
        }
        FleetGenerator g = new FleetGenerator(fixtures);
        g.flat = flat;
        Fleet f = g.write(Integer.parseInt(args[0]), Path.of(args[1]), broken);
        System.out.println(f.hosts().size() + " hosts written to " + f.root());
        f.outliers()
                .forEach(o -> System.out.println("planted: " + o.host() + "\t" + o.kind() + "\t" + o.description()));
    }

    /**
     * Writes {@code n} hosts (at least 8) under {@code out}, which must not exist or be empty, plus
     * the three broken hosts when asked.
     */
    public Fleet write(int n, Path out, boolean broken) throws IOException {
        if (n < 8) {
            throw new IllegalArgumentException("a fleet needs at least 8 hosts to plant its 4 outliers among");
        }
        Files.createDirectories(out);
        try (var s = Files.list(out)) {
            if (s.findAny().isPresent()) {
                throw new IOException(out + ": not empty; the generator writes only into a new folder");
            }
        }
        List<Path> hosts = new ArrayList<>();
        List<Outlier> outliers = new ArrayList<>();
        try (Hive xpSystem = Hive.open(fixtures.resolve("winxp-default/SYSTEM.reg"));
                Hive xpSoftware = Hive.open(fixtures.resolve("winxp-default/SOFTWARE.reg"));
                Hive w2kSystem = Hive.open(fixtures.resolve("win2000-server-default/SYSTEM.reg"));
                Hive w2kSoftware = Hive.open(fixtures.resolve("win2000-server-default/SOFTWARE.reg"))) {
            for (int i = 1; i <= n; i++) {
                Random r = new Random(0x5EED_F1EE7L * i);
                boolean server = i % 10 < 3;
                String name = (server ? "SRV-" : "WS-") + String.format("%04d", i);
                MemoryHive system = MemoryHive.copyOf(server ? w2kSystem : xpSystem);
                MemoryHive software = MemoryHive.copyOf(server ? w2kSoftware : xpSoftware);
                vary(system, software, name, server, r);
                String planted = plant(i, n, system, software);
                if (planted != null) {
                    outliers.add(new Outlier(
                            name,
                            planted.substring(0, planted.indexOf(':')),
                            planted.substring(planted.indexOf(':') + 1).trim()));
                }
                hosts.add(writeHost(out, name, flat ? 0 : i, system, software));
            }
        }
        if (broken) {
            hosts.addAll(writeBroken(out));
        }
        StringBuilder tsv = new StringBuilder("host\tkind\tdescription\n");
        outliers.forEach(o -> tsv.append(o.host())
                .append('\t')
                .append(o.kind())
                .append('\t')
                .append(o.description())
                .append('\n'));
        Files.writeString(out.resolve("planted-outliers.tsv"), tsv, StandardCharsets.UTF_8);
        return new Fleet(out, List.copyOf(hosts), List.copyOf(outliers));
    }

    private static final String CS = "ControlSet001\\";
    private static final String[] WORKSTATION_TOGGLES = {
        "SSDPSRV",
        "upnphost",
        "RemoteRegistry",
        "Messenger",
        "Spooler",
        "Schedule",
        "Browser",
        "W32Time",
        "TapiSrv",
        "Alerter"
    };
    private static final String[] SERVER_TOGGLES = {
        "W3SVC",
        "SMTPSVC",
        "MSDTC",
        "RemoteRegistry",
        "Messenger",
        "Spooler",
        "Schedule",
        "Browser",
        "W32Time",
        "Alerter"
    };

    /** The ordinary differences between hosts of one estate. */
    private static void vary(MemoryHive system, MemoryHive software, String name, boolean server, Random r) {
        sz(system, CS + "Control\\ComputerName\\ComputerName", "ComputerName", name);
        sz(system, CS + "Services\\Tcpip\\Parameters", "Hostname", name.toLowerCase());
        sz(system, CS + "Services\\Tcpip\\Parameters", "NV Hostname", name.toLowerCase());
        for (String svc : server ? SERVER_TOGGLES : WORKSTATION_TOGGLES) {
            if (system.key(CS + "Services\\" + svc).isEmpty()) {
                continue;
            }
            double d = r.nextDouble();
            if (d < 0.15) {
                dword(system, CS + "Services\\" + svc, "Start", 4);
            } else if (d < 0.22) {
                dword(system, CS + "Services\\" + svc, "Start", 2);
            }
        }
        if (r.nextDouble() < 0.35) {
            enableRemoteDesktop(system);
        }
        if (!server && r.nextDouble() < 0.5) {
            // Patched to SP2: the Windows Firewall (SharedAccess) runs, its Standard profile mostly on.
            sz(software, "Microsoft\\Windows NT\\CurrentVersion", "CSDVersion", "Service Pack 2");
            dword(system, CS + "Control\\Windows", "CSDVersion", 0x200);
            dword(system, CS + "Services\\SharedAccess", "Start", 2);
            String policy = CS + "Services\\SharedAccess\\Parameters\\FirewallPolicy\\";
            dword(system, policy + "DomainProfile", "EnableFirewall", 1);
            dword(system, policy + "StandardProfile", "EnableFirewall", r.nextDouble() < 0.85 ? 1 : 0);
            if (r.nextDouble() < 0.3) {
                sz(
                        system,
                        policy + "StandardProfile\\GloballyOpenPorts\\List",
                        "3389:TCP",
                        "3389:TCP:*:Enabled:Remote Desktop");
            }
        }
        if (r.nextDouble() < 0.1) {
            // The restricted RPC range many firewalled estates configure (rpccfg -pi 5000-5100).
            software.createKey("Microsoft\\Rpc\\Internet")
                    .putValue("Ports", ValueType.REG_MULTI_SZ.id(), multiSz("5000-5100"));
            sz(software, "Microsoft\\Rpc\\Internet", "PortsInternetAvailable", "Y");
            sz(software, "Microsoft\\Rpc\\Internet", "UseInternetPorts", "Y");
        }
    }

    /** Plants one outlier on four chosen hosts; returns "kind: description" or null. */
    private static String plant(int i, int n, MemoryHive system, MemoryHive software) {
        if (i == n / 7) {
            dword(system, CS + "Services\\TlntSvr", "Start", 2);
            return "telnet: Telnet (TlntSvr) starts automatically: TCP 23";
        }
        if (i == n / 3) {
            String k = CS + "Services\\WinVNC4";
            dword(system, k, "Type", 0x10);
            dword(system, k, "Start", 2);
            dword(system, k, "ErrorControl", 0);
            expandSz(system, k, "ImagePath", "\"C:\\Program Files\\RealVNC\\VNC4\\WinVNC4.exe\" -service");
            sz(system, k, "DisplayName", "VNC Server Version 4");
            sz(system, k, "ObjectName", "LocalSystem");
            dword(software, "RealVNC\\WinVNC4", "PortNumber", 5900);
            return "vnc: a VNC server (WinVNC4) installed as an automatic service";
        }
        if (i == n / 2) {
            String k = CS + "Services\\iphlpsvc";
            dword(system, k, "Type", 0x20);
            dword(system, k, "Start", 2);
            dword(system, k, "ErrorControl", 1);
            expandSz(system, k, "ImagePath", "%SystemRoot%\\System32\\svchost.exe -k netsvcs");
            sz(system, k, "DisplayName", "IP Helper");
            sz(system, k, "ObjectName", "LocalSystem");
            expandSz(system, k + "\\Parameters", "ServiceDll", "%SystemRoot%\\System32\\iphlpsvc.dll");
            sz(system, CS + "Services\\PortProxy\\v4tov4\\tcp", "0.0.0.0/8080", "10.20.30.40/80");
            joinSvchostGroup(software, "netsvcs", "iphlpsvc");
            return "portproxy: netsh interface portproxy v4tov4 0.0.0.0:8080 -> 10.20.30.40:80 (iphlpsvc)";
        }
        if (i == 2 * n / 3) {
            enableRemoteDesktop(system);
            dword(system, CS + "Control\\Terminal Server\\WinStations\\RDP-Tcp", "PortNumber", 3390);
            return "rdp-port: Remote Desktop on the non-default TCP port 3390";
        }
        return null;
    }

    /** Remote Desktop allowed and Terminal Services set to start automatically, as an administrator enables it. */
    private static void enableRemoteDesktop(MemoryHive system) {
        dword(system, CS + "Control\\Terminal Server", "fDenyTSConnections", 0);
        dword(system, CS + "Services\\TermService", "Start", 2);
    }

    /** Every fifth host a KAPE tree, every fifth (shifted) a Velociraptor zip, the rest flat folders. */
    private static Path writeHost(Path out, String name, int i, Hive system, Hive software) throws IOException {
        HiveWriter writer = HiveWriter.builder(WRITTEN).build();
        byte[] sys = writer.toBytes(system);
        byte[] soft = writer.toBytes(software);
        switch (i % 5) {
            case 3 -> {
                Path config = Files.createDirectories(out.resolve(name).resolve("C/Windows/System32/config"));
                Files.write(config.resolve("SYSTEM"), sys);
                Files.write(config.resolve("SOFTWARE"), soft);
                return out.resolve(name);
            }
            case 4 -> {
                Path zip = out.resolve(name + ".zip");
                try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
                    entry(z, "uploads/auto/C%3A/Windows/System32/config/SYSTEM", sys);
                    entry(z, "uploads/auto/C%3A/Windows/System32/config/SOFTWARE", soft);
                    entry(z, "log.json", "{\"collector\":\"synthetic\"}\n".getBytes(StandardCharsets.UTF_8));
                }
                return zip;
            }
            default -> {
                Path dir = Files.createDirectories(out.resolve(name));
                Files.write(dir.resolve("SYSTEM"), sys);
                Files.write(dir.resolve("SOFTWARE"), soft);
                return dir;
            }
        }
    }

    private List<Path> writeBroken(Path out) throws IOException {
        List<Path> hosts = new ArrayList<>();
        Path truncated = Files.createDirectories(out.resolve("BROKEN-truncated"));
        try (Hive system = Hive.open(fixtures.resolve("winxp-default/SYSTEM.reg"))) {
            byte[] full = HiveWriter.builder(WRITTEN).build().toBytes(system);
            // The header and part of the first bin: a copy cut short, as an interrupted acquisition leaves it.
            Files.write(truncated.resolve("SYSTEM"), java.util.Arrays.copyOf(full, 4096 + 1000));
        }
        hosts.add(truncated);
        hosts.add(Files.createDirectories(out.resolve("BROKEN-empty")));
        Path zip = out.resolve("BROKEN-nohives.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(z, "uploads/auto/C%3A/Users/Public/readme.txt", "no hives here\n".getBytes(StandardCharsets.UTF_8));
        }
        hosts.add(zip);
        return hosts;
    }

    private static void entry(ZipOutputStream z, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(WRITTEN.toEpochMilli());
        z.putNextEntry(e);
        OutputStream o = z;
        o.write(data);
        z.closeEntry();
    }

    private static void dword(MemoryHive h, String key, String name, int v) {
        h.createKey(key)
                .putValue(
                        name,
                        ValueType.REG_DWORD.id(),
                        ByteBuffer.allocate(4)
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .putInt(v)
                                .array());
    }

    private static void sz(MemoryHive h, String key, String name, String v) {
        h.createKey(key).putValue(name, ValueType.REG_SZ.id(), (v + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    private static void expandSz(MemoryHive h, String key, String name, String v) {
        h.createKey(key).putValue(name, ValueType.REG_EXPAND_SZ.id(), (v + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    /** Adds a service to an svchost group's list in SOFTWARE (REG_MULTI_SZ), as its installer does. */
    private static void joinSvchostGroup(MemoryHive software, String group, String service) {
        String key = "Microsoft\\Windows NT\\CurrentVersion\\Svchost";
        List<String> members = new ArrayList<>();
        software.key(key).flatMap(k -> k.value(group)).ifPresent(v -> {
            for (String m : new String(v.raw(), StandardCharsets.UTF_16LE).split("\0")) {
                if (!m.isEmpty()) {
                    members.add(m);
                }
            }
        });
        members.add(service);
        software.createKey(key).putValue(group, ValueType.REG_MULTI_SZ.id(), multiSz(members.toArray(String[]::new)));
    }

    private static byte[] multiSz(String... parts) {
        return (String.join("\0", parts) + "\0\0").getBytes(StandardCharsets.UTF_16LE);
    }
}

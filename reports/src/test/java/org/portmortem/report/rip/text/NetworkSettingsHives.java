package org.portmortem.report.rip.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.MemoryHive.MemoryKey;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;
import org.portmortem.report.Fixtures;

/**
 * SYSTEM hives written to hold what the corpus lacks, so that the timezone, shutdown, nic2, ips,
 * routes, shares and portproxy layouts are diffed against RegRipper on it too: the Windows XP
 * reference system's SYSTEM with persistent routes, port proxies, shares, a DHCP adapter with binary
 * data and a per-network subkey added to ControlSet001 ({@link #settings()}), and the same hive whose
 * {@code Select\Current} names a ControlSet002 where those keys are missing or empty
 * ({@link #emptiedSecondSet()}).
 */
final class NetworkSettingsHives {
    static final String CS1 = "ControlSet001\\";
    static final String DHCP_ADAPTER =
            "Services\\Tcpip\\Parameters\\Interfaces\\{0C1D2E3F-4A5B-6C7D-8E9F-A0B1C2D3E4F5}";
    /** Bytes of every kind a REG_BINARY may hold: NUL, controls (LF, CR, ESC), Latin-1 letters, 0xff. */
    static final byte[] BINARY = {
        (byte) 0xc0, (byte) 0xa8, 7, 1, 6, 0, 0, 0, 0x0a, 0x0d, 0x1b, 0x0c, 'A', (byte) 0xe9, (byte) 0xff, 0
    };

    private NetworkSettingsHives() {}

    /** Both hives. */
    static List<Path> both() {
        return List.of(settings(), emptiedSecondSet());
    }

    /** Windows XP's SYSTEM with network settings added to ControlSet001, the control set in use. */
    static Path settings() {
        return RegRipperTextDiff.written("netsys-settings-SYSTEM", withSettings());
    }

    /**
     * {@link #settings()} with {@code Select\Current = 2} and a ControlSet002 copied from ControlSet001,
     * then emptied: TimeZoneInformation without values, no ShutdownTime, no PersistentRoutes, no
     * LanmanServer\Shares, no interface keys; but a v4tov4 port proxy of its own.
     */
    static Path emptiedSecondSet() {
        MemoryHive h = withSettings();
        copy(h.key("ControlSet001").orElseThrow(), h.createKey("ControlSet002"));
        dword(h.createKey("Select"), "Current", 2);
        MemoryKey tz = h.createKey("ControlSet002\\Control\\TimeZoneInformation");
        tz.values().stream().map(Value::name).toList().forEach(tz::removeValue);
        h.createKey("ControlSet002\\Control\\Windows").removeValue("ShutdownTime");
        h.deleteKey("ControlSet002\\Services\\Tcpip\\Parameters\\PersistentRoutes");
        h.deleteKey("ControlSet002\\Services\\LanmanServer\\Shares");
        MemoryKey interfaces = h.createKey("ControlSet002\\Services\\Tcpip\\Parameters\\Interfaces");
        interfaces.subkeys().stream().map(Key::name).toList().forEach(interfaces::removeSubkey);
        h.deleteKey("ControlSet002\\Services\\PortProxy");
        string(h.createKey("ControlSet002\\Services\\PortProxy\\v4tov4\\tcp"), "0.0.0.0/9090", "10.0.0.9/90");
        return RegRipperTextDiff.written("netsys-second-set-SYSTEM", h);
    }

    private static MemoryHive withSettings() {
        MemoryHive h;
        try (Hive xp = Hive.open(Fixtures.folder("winxp-default").resolve("SYSTEM.reg"))) {
            h = MemoryHive.copyOf(xp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        string(h.createKey(CS1 + "Control\\TimeZoneInformation"), "TimeZoneKeyName", "Romance Standard Time");
        MemoryKey routes = h.createKey(CS1 + "Services\\Tcpip\\Parameters\\PersistentRoutes");
        routes.setLastWritten(Instant.parse("2002-08-30T09:15:07.250Z"));
        string(routes, "10.0.0.0,255.0.0.0,192.168.1.254,1", "");
        string(routes, "172.16.0.0,255.240.0.0,10.0.0.254", ""); // no metric
        string(routes, "192.168.50.0,255.255.255.0,10.0.0.1,10,extra", ""); // the metric keeps what follows
        MemoryKey v4 = h.createKey(CS1 + "Services\\PortProxy\\v4tov4\\tcp");
        v4.setLastWritten(Instant.parse("2002-08-30T10:00:01.500Z"));
        string(v4, "0.0.0.0/8080", "10.0.0.5/80");
        string(v4, "127.0.0.1/4444", "192.168.1.10/3389");
        string(h.createKey(CS1 + "Services\\PortProxy\\v6tov4\\tcp"), "::/8081", "10.0.0.6/81");
        MemoryKey shares = h.createKey(CS1 + "Services\\LanmanServer\\Shares");
        multi(
                shares,
                "Data",
                "CSCFlags=0",
                "MaxUses=4294967295",
                "Path=D:\\Data",
                "Permissions=0",
                "Remark=team files",
                "Type=0");
        multi(
                shares,
                "Données",
                "CSCFlags=0",
                "MaxUses=4294967295",
                "Path=D:\\Données",
                "Permissions=0",
                "Remark=équipe",
                "Type=0");
        multi(shares, "Short", "Path=C:\\Short"); // fewer strings than RegRipper prints
        multi(shares, "Odd", "CSCFlags=0", "MaxUses=1", "NoEquals", "Permissions=0", "Remark=", "Type=0");
        MemoryKey parameters = h.createKey(CS1 + "Services\\LanmanServer\\Parameters");
        dword(parameters, "AutoShareServer", 0);
        dword(parameters, "AutoShareWks", 1);
        MemoryKey adapter = h.createKey(CS1 + DHCP_ADAPTER);
        adapter.setLastWritten(Instant.parse("2002-08-30T11:20:00.125Z"));
        dword(adapter, "EnableDHCP", 1);
        string(adapter, "DhcpIPAddress", "192.168.7.20");
        string(adapter, "DhcpSubnetMask", "255.255.255.0");
        string(adapter, "DhcpDomain", "corp.example");
        string(adapter, "DhcpNetworkHint", "E456470223E243");
        dword(adapter, "LeaseObtainedTime", 1030699200);
        dword(adapter, "T1", 1030742400);
        dword(adapter, "T2", 1030775000);
        dword(adapter, "LeaseTerminatesTime", 1030785600);
        adapter.putValue("DhcpGatewayHardware", ValueType.REG_BINARY.id(), BINARY);
        adapter.putValue(
                "DhcpLeaseQword",
                ValueType.REG_QWORD.id(),
                ByteBuffer.allocate(8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(0x0041_0042_0043_0044L)
                        .array());
        MemoryKey network = adapter.createSubkey("E456470223E243");
        network.setLastWritten(Instant.parse("2002-08-30T11:20:30.750Z"));
        string(network, "DhcpIPAddress", "192.168.8.30");
        string(network, "DhcpDomain", "home.example");
        dword(network, "LeaseObtainedTime", 1030699230);
        h.createKey(CS1 + "Services\\Tcpip\\Parameters\\Interfaces\\{00000000-0000-0000-0000-000000000000}");
        return h;
    }

    private static void copy(Key from, MemoryKey to) {
        from.lastWritten().ifPresent(to::setLastWritten);
        from.values().forEach(v -> to.putValue(v.name(), v.typeId(), v.raw()));
        from.subkeys().forEach(k -> copy(k, to.createSubkey(k.name())));
    }

    private static void string(MemoryKey k, String name, String data) {
        k.putValue(name, ValueType.REG_SZ.id(), (data + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    private static void multi(MemoryKey k, String name, String... strings) {
        k.putValue(
                name,
                ValueType.REG_MULTI_SZ.id(),
                (String.join("\0", strings) + "\0\0").getBytes(StandardCharsets.UTF_16LE));
    }

    private static void dword(MemoryKey k, String name, int data) {
        k.putValue(
                name,
                ValueType.REG_DWORD.id(),
                ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(data)
                        .array());
    }
}

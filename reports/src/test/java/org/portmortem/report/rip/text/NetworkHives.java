package org.portmortem.report.rip.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.MemoryHive.MemoryKey;
import org.portmortem.hive.ValueType;
import org.portmortem.report.Fixtures;

/**
 * SOFTWARE hives with the keys networkcards and networklist read, which no corpus hive and no
 * reference system has: the Windows XP reference system's SOFTWARE export with those keys added as
 * Windows 7 and later store them, written as regf by {@link RegRipperTextDiff#writtenHive}. Each key
 * whose time RegRipper prints is given a time half a second past the second (a whole second would
 * print one second early, see {@link RegRipperTextDiff#writtenHive}).
 */
final class NetworkHives {
    private static final String CARDS = "Microsoft\\Windows NT\\CurrentVersion\\NetworkCards\\";
    private static final String LIST = "Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\";

    private NetworkHives() {}

    /**
     * Four network cards (one without a Description, one whose Description is wider than RegRipper's
     * column); five profiles (wired, wireless, mobile broadband, a NameType RegRipper has no word for,
     * one DateCreated of the wrong length, one profile without a signature) with Managed and Unmanaged
     * signatures (one without a MAC, two for one profile, one whose profile is gone); two NLA intranet
     * names (one wider than RegRipper's column); and four Nla\Wireless entries whose default values are
     * hexadecimal text as Windows stores it (REG_SZ), one of them UTF-8, one lower-case with an odd
     * digit, one stored as REG_BINARY.
     */
    static Path populated() {
        return RegRipperTextDiff.writtenHive("networks-SOFTWARE", () -> {
            MemoryHive h = xpSoftware();
            card(h, "10", "Intel(R) PRO/1000 MT Network Connection", "{6AAFC9A9-0542-4DB2-8760-CCFFA953737C}", 1);
            card(
                    h,
                    "12",
                    "Realtek RTL8139/810x Family Fast Ethernet NIC - Packet Scheduler Miniport",
                    "{0C3D2C1B-9A8F-4E6D-8C7B-6A5F4E3D2C1B}",
                    2);
            card(h, "14", null, "{11111111-2222-3333-4444-555555555555}", 3);
            card(h, "2", "1394 Net Adapter", "{B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E}", 4);
            profile(h, "{5E4D8A3B-1C2D-4E5F-8A9B-0C1D2E3F4A5B}", "CorpNet", 6, 2, 11);
            profile(h, "{8B0C7E5A-0F1E-4D2C-9B3A-7F6E5D4C3B2A}", "HomeWifi", 0x47, 1, 12);
            profile(h, "{C4D3E2F1-A0B9-4C8D-7E6F-5A4B3C2D1E0F}", "Mobile Broadband", 0x17, 0, 13);
            profile(h, "{E9F8A7B6-C5D4-4E3F-2A1B-0C9D8E7F6A5B}", "Network 2", 53, 0, 14);
            profile(h, "{F0E1D2C3-B4A5-4968-8776-655443322110}", "Airport Lounge", 0x47, 0, 15);
            h.createKey(LIST + "Profiles\\{C4D3E2F1-A0B9-4C8D-7E6F-5A4B3C2D1E0F}")
                    .putValue("DateCreated", ValueType.REG_BINARY.id(), new byte[] {(byte) 0xdd, 0x07, 0x05, 0});
            signature(
                    h,
                    "Managed",
                    "0101030004000020080000000F0000F0",
                    "{5E4D8A3B-1C2D-4E5F-8A9B-0C1D2E3F4A5B}",
                    mac(0x00, 0x1b, 0x21, 0x3a, 0x4c, 0x5d));
            signature(h, "Managed", "0101030004000020080000000F0000F1", "{8B0C7E5A-0F1E-4D2C-9B3A-7F6E5D4C3B2A}", null);
            signature(
                    h,
                    "Unmanaged",
                    "010103000F0000F0080000000F0000F0",
                    "{8B0C7E5A-0F1E-4D2C-9B3A-7F6E5D4C3B2A}",
                    mac(0xa0, 0x63, 0x91, 0xb2, 0xc4, 0x7e));
            signature(
                    h,
                    "Unmanaged",
                    "010103000F0000F0080000000F0000F1",
                    "{E9F8A7B6-C5D4-4E3F-2A1B-0C9D8E7F6A5B}",
                    mac(0x00, 0x50, 0x56, 0xc0, 0x00, 0x01));
            signature(
                    h,
                    "Unmanaged",
                    "010103000F0000F0080000000F0000F2",
                    "{E9F8A7B6-C5D4-4E3F-2A1B-0C9D8E7F6A5B}",
                    mac(0x00, 0x50, 0x56, 0xc0, 0x00, 0x08));
            signature(
                    h,
                    "Unmanaged",
                    "010103000F0000F0080000000F0000F3",
                    "{00000000-DEAD-4BEE-8F00-000000000000}",
                    mac(0x3c, 0x97, 0x0e, 0x11, 0x22, 0x33));
            signature(
                    h,
                    "Unmanaged",
                    "010103000F0000F0080000000F0000F4",
                    "{F0E1D2C3-B4A5-4968-8776-655443322110}",
                    mac(0x84, 0x1b, 0x5e, 0x01, 0x02, 0x03));
            intranet(h, "corp.example.com", 21);
            intranet(h, "research.laboratory.corp.example.com", 22);
            wireless(h, "486F6D6557696669", ValueType.REG_SZ, "486F6D6557696669");
            wireless(h, "436166C3A9", ValueType.REG_SZ, "436166C3A9");
            wireless(h, "6c6f776572", ValueType.REG_SZ, "6c6f7765720");
            wireless(h, "4775657374", ValueType.REG_BINARY, "4775657374");
            return h;
        });
    }

    /**
     * The NetworkCards and Profiles keys without subkeys (RegRipper's "has no subkeys" and "has not
     * subkeys"), with one NLA intranet name and one Nla\Wireless entry, which it prints all the same.
     */
    static Path emptyLists() {
        return RegRipperTextDiff.writtenHive("empty-networks-SOFTWARE", () -> {
            MemoryHive h = xpSoftware();
            h.createKey(CARDS);
            h.createKey(LIST + "Profiles");
            intranet(h, "corp.example.com", 23);
            wireless(h, "436F72704E6574", ValueType.REG_SZ, "436F72704E6574");
            return h;
        });
    }

    private static MemoryHive xpSoftware() throws java.io.IOException {
        try (Hive text = Hive.open(Fixtures.folder("winxp-default").resolve("SOFTWARE.reg"))) {
            return MemoryHive.copyOf(text);
        }
    }

    /** An instant in August 2012, half a second past the whole second, distinct for each n. */
    private static Instant at(int n) {
        return Instant.parse("2012-08-04T09:00:00Z").plusSeconds(3_607L * n).plusMillis(500);
    }

    private static void card(MemoryHive h, String number, String description, String service, int n) {
        MemoryKey k = h.createKey(CARDS + number);
        if (description != null) {
            k.putValue("Description", ValueType.REG_SZ.id(), sz(description));
        }
        k.putValue("ServiceName", ValueType.REG_SZ.id(), sz(service));
        k.setLastWritten(at(n));
    }

    private static void profile(MemoryHive h, String guid, String name, int nameType, int category, int n) {
        MemoryKey k = h.createKey(LIST + "Profiles\\" + guid);
        k.putValue("ProfileName", ValueType.REG_SZ.id(), sz(name));
        k.putValue("Description", ValueType.REG_SZ.id(), sz(name));
        k.putValue("Managed", ValueType.REG_DWORD.id(), dword(0));
        k.putValue("Category", ValueType.REG_DWORD.id(), dword(category));
        k.putValue("DateCreated", ValueType.REG_BINARY.id(), systemTime(2011, 3, n, 8, n, 59 - n));
        k.putValue("NameType", ValueType.REG_DWORD.id(), dword(nameType));
        k.putValue("DateLastConnected", ValueType.REG_BINARY.id(), systemTime(2012, 8, n, 23 - n, 2 * n, n));
        k.setLastWritten(at(n));
    }

    private static void signature(MemoryHive h, String kind, String name, String profile, byte[] mac) {
        MemoryKey k = h.createKey(LIST + "Signatures\\" + kind + "\\" + name);
        k.putValue("ProfileGuid", ValueType.REG_SZ.id(), sz(profile));
        k.putValue("Description", ValueType.REG_SZ.id(), sz("Network"));
        if (mac != null) {
            k.putValue("DefaultGatewayMac", ValueType.REG_BINARY.id(), mac);
        }
    }

    private static void intranet(MemoryHive h, String name, int n) {
        MemoryKey k = h.createKey(LIST + "Nla\\Cache\\Intranet\\" + name);
        k.putValue("Failures", ValueType.REG_DWORD.id(), dword(0));
        k.setLastWritten(at(n));
    }

    /** An Nla\Wireless entry: the default value and a value named after it, as a Windows 10 export shows. */
    private static void wireless(MemoryHive h, String key, ValueType type, String hex) {
        MemoryKey k = h.createKey(LIST + "Nla\\Wireless\\" + key);
        k.putValue("", type.id(), type == ValueType.REG_SZ ? sz(hex) : hex.getBytes(StandardCharsets.US_ASCII));
        k.putValue(hex, ValueType.REG_BINARY.id(), new byte[] {1, 0, 0, 0});
    }

    private static byte[] mac(int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) octets[i];
        }
        return b;
    }

    private static byte[] sz(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] dword(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /** A SYSTEMTIME as NetworkList stores its dates: year, month, weekday, day, hour, minute, second, ms. */
    private static byte[] systemTime(int year, int month, int day, int hour, int minute, int second) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        int weekday = LocalDate.of(year, month, day).getDayOfWeek().getValue() % 7;
        for (int v : new int[] {year, month, weekday, day, hour, minute, second, 0}) {
            b.putShort((short) v);
        }
        return b.array();
    }
}

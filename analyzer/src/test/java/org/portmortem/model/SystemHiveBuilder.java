package org.portmortem.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.MemoryHive.MemoryKey;
import org.portmortem.hive.ValueType;

/**
 * Builds small SYSTEM and SOFTWARE hives in memory for tests: real input to the model API, written
 * value by value as Windows stores them.
 */
public final class SystemHiveBuilder {
    private final MemoryHive hive;
    private String controlSet = "ControlSet001";

    private SystemHiveBuilder(MemoryHive hive) {
        this.hive = hive;
    }

    /** A SYSTEM hive whose Select\Current and Default are 1, with ControlSet001. */
    public static SystemHiveBuilder system() {
        SystemHiveBuilder b = new SystemHiveBuilder(MemoryHive.empty("SYSTEM", "SYSTEM"));
        b.dword("Select", "Current", 1)
                .dword("Select", "Default", 1)
                .dword("Select", "LastKnownGood", 2)
                .dword("Select", "Failed", 0);
        b.hive.createKey("ControlSet001\\Services");
        return b;
    }

    /** An empty SOFTWARE hive. */
    public static SystemHiveBuilder software() {
        return new SystemHiveBuilder(MemoryHive.empty("SOFTWARE", "SOFTWARE"));
    }

    /** Makes later {@code cs(...)} calls write into another control set. */
    public SystemHiveBuilder inControlSet(int n) {
        controlSet = String.format("ControlSet%03d", n);
        hive.createKey(controlSet + "\\Services");
        return this;
    }

    /** A path inside the current control set. */
    public String cs(String relative) {
        return controlSet + "\\" + relative;
    }

    public SystemHiveBuilder dword(String key, String name, int value) {
        hive.createKey(key)
                .putValue(
                        name,
                        ValueType.REG_DWORD.id(),
                        ByteBuffer.allocate(4)
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .putInt(value)
                                .array());
        return this;
    }

    public SystemHiveBuilder string(String key, String name, String value) {
        return typedString(key, name, value, ValueType.REG_SZ);
    }

    public SystemHiveBuilder expandString(String key, String name, String value) {
        return typedString(key, name, value, ValueType.REG_EXPAND_SZ);
    }

    private SystemHiveBuilder typedString(String key, String name, String value, ValueType type) {
        hive.createKey(key).putValue(name, type.id(), (value + "\0").getBytes(StandardCharsets.UTF_16LE));
        return this;
    }

    public SystemHiveBuilder multi(String key, String name, String... values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(v).append('\0');
        }
        sb.append('\0');
        hive.createKey(key)
                .putValue(name, ValueType.REG_MULTI_SZ.id(), sb.toString().getBytes(StandardCharsets.UTF_16LE));
        return this;
    }

    public SystemHiveBuilder binary(String key, String name, byte[] data) {
        hive.createKey(key).putValue(name, ValueType.REG_BINARY.id(), data);
        return this;
    }

    /** A Win32 service (Type 0x20 share process, or 0x10 own process) in the current control set. */
    public SystemHiveBuilder service(String name, int type, int start, String imagePath, String... dependOnService) {
        String key = cs("Services\\" + name);
        dword(key, "Type", type).dword(key, "Start", start).dword(key, "ErrorControl", 1);
        if (imagePath != null) {
            expandString(key, "ImagePath", imagePath);
        }
        if (dependOnService.length > 0) {
            multi(key, "DependOnService", dependOnService);
        }
        hive.createKey(key).setLastWritten(Instant.parse("2002-06-01T10:00:00Z"));
        return this;
    }

    /** Start trigger number {@code index} of a service: TriggerInfo\N with Type, Action 1 and the subtype GUID. */
    public SystemHiveBuilder startTrigger(String service, int index, int type, String guid) {
        String key = cs("Services\\" + service + "\\TriggerInfo\\" + index);
        return dword(key, "Type", type).dword(key, "Action", 1).binary(key, "Guid", guidBytes(guid));
    }

    /** An interface with static addresses under Tcpip\Parameters\Interfaces. */
    public SystemHiveBuilder staticInterface(String guid, String... addresses) {
        String key = cs("Services\\Tcpip\\Parameters\\Interfaces\\" + guid);
        return dword(key, "EnableDHCP", 0).multi(key, "IPAddress", addresses);
    }

    /** The key at a path, created if missing. */
    public MemoryKey key(String path) {
        return hive.createKey(path);
    }

    public MemoryHive build() {
        return hive;
    }

    /** Bytes of a GUID as Windows stores it (first three fields little-endian). */
    public static byte[] guidBytes(String guid) {
        String h = guid.replaceAll("[{}-]", "");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) Long.parseLong(h.substring(0, 8), 16));
        b.putShort((short) Integer.parseInt(h.substring(8, 12), 16));
        b.putShort((short) Integer.parseInt(h.substring(12, 16), 16));
        for (int i = 16; i < 32; i += 2) {
            b.put((byte) Integer.parseInt(h.substring(i, i + 2), 16));
        }
        return b.array();
    }

    static List<String> names(List<Service> services) {
        return services.stream().map(Service::name).toList();
    }
}

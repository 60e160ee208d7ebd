package org.portmortem.exposure.remediation;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.portmortem.RecordHash;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;

/**
 * One hardening change, as the registry edits it makes and the commands a user would run to make
 * them: disable a service, set a value, disable NetBIOS on an interface, remove a protocol sequence
 * from DCOM's list. {@link #applyTo} makes changed copies of the hives (the evidence files are never
 * touched), from which the model and prediction are rebuilt.
 *
 * @param title what it does, e.g. "Disable the Messenger service"
 * @param why which listeners it closes and on what authority
 * @param edits the registry changes, in order
 * @param serviceToDisable the service whose Start it sets to 4 (rendered as {@code sc config}), or
 *     {@code null}
 */
public record Remediation(String title, String why, List<Edit> edits, String serviceToDisable) {

    public Remediation {
        edits = List.copyOf(edits);
    }

    /**
     * One value to set. Paths start {@code CS\} (the control set in use; CurrentControlSet in
     * commands) or {@code SW\} (SOFTWARE).
     *
     * @param key the key path
     * @param value the value name
     * @param type REG_DWORD, REG_SZ or REG_MULTI_SZ
     * @param data an Integer for REG_DWORD, a String for REG_SZ, a List of String for REG_MULTI_SZ
     */
    public record Edit(String key, String value, ValueType type, Object data) {
        public Edit {
            Objects.requireNonNull(key);
            if (!key.startsWith("CS\\") && !key.startsWith("SW\\")) {
                throw new IllegalArgumentException("edit key must start with CS\\ or SW\\: " + key);
            }
        }

        /** The key as {@code reg add} names it. */
        public String hklmPath() {
            return key.startsWith("CS\\")
                    ? "HKLM\\SYSTEM\\CurrentControlSet\\" + key.substring(3)
                    : "HKLM\\SOFTWARE\\" + key.substring(3);
        }

        byte[] raw() {
            return switch (type) {
                case REG_DWORD ->
                    ByteBuffer.allocate(4)
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .putInt((Integer) data)
                            .array();
                case REG_SZ -> (data + "\0").getBytes(StandardCharsets.UTF_16LE);
                case REG_MULTI_SZ -> {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    for (Object s : (List<?>) data) {
                        b.writeBytes((s + "\0").getBytes(StandardCharsets.UTF_16LE));
                    }
                    b.writeBytes(new byte[] {0, 0});
                    yield b.toByteArray();
                }
                default -> throw new IllegalArgumentException("unsupported type " + type);
            };
        }

        /** The {@code reg add} command that makes this edit. */
        public String command() {
            String d = switch (type) {
                case REG_DWORD -> String.valueOf(data);
                case REG_SZ -> "\"" + data + "\"";
                case REG_MULTI_SZ ->
                    "\""
                            + String.join(
                                    "\\0",
                                    ((List<?>) data)
                                            .stream().map(String::valueOf).toList()) + "\"";
                default -> throw new IllegalArgumentException("unsupported type " + type);
            };
            return "reg add \"" + hklmPath() + "\" /v \"" + value + "\" /t " + type.name() + " /d " + d + " /f";
        }

        // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
        @Override
        public boolean equals(Object o) {
            return this == o
                    || o instanceof Edit that
                            && Objects.equals(key, that.key)
                            && Objects.equals(value, that.value)
                            && Objects.equals(type, that.type)
                            && Objects.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return RecordHash.of(key, value, type, data);
        }
    }

    /** Sets a service's Start to 4 (disabled). */
    public static Remediation disableService(String service, String why) {
        return new Remediation(
                "Disable the " + service + " service",
                why,
                List.of(new Edit("CS\\Services\\" + service, "Start", ValueType.REG_DWORD, 4)),
                service);
    }

    /** Sets one DWORD value. */
    public static Remediation setDword(String title, String key, String value, int data, String why) {
        return new Remediation(title, why, List.of(new Edit(key, value, ValueType.REG_DWORD, data)), null);
    }

    /** Disables NetBIOS over TCP/IP on one interface (NetbiosOptions=2). */
    public static Remediation disableNetbios(String interfaceGuid, String addresses, String why) {
        return setDword(
                "Disable NetBIOS over TCP/IP on interface " + interfaceGuid + " (" + addresses + ")",
                "CS\\Services\\NetBT\\Parameters\\Interfaces\\Tcpip_" + interfaceGuid,
                "NetbiosOptions",
                2,
                why);
    }

    /** Removes a protocol sequence from {@code SW\Microsoft\Rpc\DCOM Protocols}, keeping the rest. */
    public static Remediation removeDcomProtocol(List<String> current, String protseq, String why) {
        List<String> kept = current.stream()
                .filter(s -> !s.trim().equalsIgnoreCase(protseq))
                .toList();
        return new Remediation(
                "Remove " + protseq + " from DCOM Protocols",
                why,
                List.of(new Edit("SW\\Microsoft\\Rpc", "DCOM Protocols", ValueType.REG_MULTI_SZ, kept)),
                null);
    }

    /** The commands a user would run: {@code sc config X start= disabled} for a service, else {@code reg add}. */
    public List<String> commands() {
        List<String> out = new ArrayList<>();
        for (Edit e : edits) {
            if (serviceToDisable != null
                    && e.key().equalsIgnoreCase("CS\\Services\\" + serviceToDisable)
                    && e.value().equalsIgnoreCase("Start")) {
                out.add("sc config " + serviceToDisable + " start= disabled");
            } else {
                out.add(e.command());
            }
        }
        return out;
    }

    /** Changed copies of two hives. */
    public record Hives(MemoryHive system, MemoryHive software) {}

    /**
     * Copies of the hives with this remediation's edits made; {@code CS\} maps to
     * {@code controlSetPath}. An edit of SOFTWARE when there is none is skipped.
     */
    public Hives applyTo(Hive system, Hive software, String controlSetPath) {
        MemoryHive s = MemoryHive.copyOf(system);
        MemoryHive w = software == null ? null : MemoryHive.copyOf(software);
        applyInPlace(s, w, controlSetPath);
        return new Hives(s, w);
    }

    /** Makes the edits in hives that are already copies. */
    void applyInPlace(MemoryHive system, MemoryHive software, String controlSetPath) {
        for (Edit e : edits) {
            MemoryHive target = e.key().startsWith("CS\\") ? system : software;
            if (target == null) {
                continue;
            }
            String path = e.key().startsWith("CS\\")
                    ? controlSetPath + "\\" + e.key().substring(3)
                    : e.key().substring(3);
            target.createKey(path).putValue(e.value(), e.type().id(), e.raw());
        }
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Remediation that
                        && Objects.equals(title, that.title)
                        && Objects.equals(why, that.why)
                        && Objects.equals(edits, that.edits)
                        && Objects.equals(serviceToDisable, that.serviceToDisable);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(title, why, edits, serviceToDisable);
    }
}

package org.portmortem.exposure;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.model.WindowsFamily;

/** A small host built in memory for one mechanism at a time: hives, running services, interfaces. */
final class TestHost {
    final MemoryHive system = MemoryHive.empty("SYSTEM", "ROOT");
    final MemoryHive software = MemoryHive.empty("SOFTWARE", "ROOT");
    private final WindowsFamily family;
    private final List<HostAtBoot.RunningUnit> running = new ArrayList<>();
    private final List<HostAtBoot.NetworkInterface> nics = new ArrayList<>();
    private boolean withSoftware = true;

    TestHost(WindowsFamily family) {
        this.family = family;
        run("RpcSs", "svchost.exe", "rpcss");
    }

    TestHost run(String service, String process, String group) {
        running.add(new HostAtBoot.RunningUnit(
                service,
                false,
                process,
                group,
                Certainty.certain(),
                List.of(Evidence.absentKey(system, "ControlSet001\\Services\\" + service, "test: runs"))));
        return this;
    }

    TestHost nic(String guid, String address, boolean dhcp) {
        nics.add(new HostAtBoot.NetworkInterface(
                guid,
                List.of(address),
                List.of(),
                dhcp,
                List.of(Evidence.absentKey(
                        system, "ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces\\" + guid, "test"))));
        return this;
    }

    /** The host as analysed from SYSTEM alone (no SOFTWARE hive supplied). */
    TestHost withoutSoftware() {
        withSoftware = false;
        return this;
    }

    /** Sets a value; the path starts CS\ or SW\ as in the knowledge files. */
    TestHost dword(String path, String name, int v) {
        put(
                path,
                name,
                ValueType.REG_DWORD,
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        return this;
    }

    TestHost string(String path, String name, String v) {
        put(path, name, ValueType.REG_SZ, (v + "\0").getBytes(StandardCharsets.UTF_16LE));
        return this;
    }

    TestHost multi(String path, String name, String... v) {
        StringBuilder sb = new StringBuilder();
        for (String s : v) {
            sb.append(s).append('\0');
        }
        sb.append('\0');
        put(path, name, ValueType.REG_MULTI_SZ, sb.toString().getBytes(StandardCharsets.UTF_16LE));
        return this;
    }

    /** Sets a value of any type; the path starts CS\ or SW\. */
    void put(String path, String name, ValueType type, byte[] raw) {
        MemoryHive h = path.startsWith("SW\\") ? software : system;
        String p = path.startsWith("CS\\") ? "ControlSet001\\" + path.substring(3) : path.substring(3);
        h.createKey(p).putValue(name, type.id(), raw);
    }

    HostAtBoot host() {
        return new HostAtBoot(
                family,
                List.of(),
                new RegistryScope(system, "ControlSet001", withSoftware ? software : null),
                running,
                List.of(),
                nics,
                List.of());
    }

    Exposure predict() {
        return new ExposurePredictor().predict(host());
    }

    static List<String> endpoints(Exposure e) {
        return e.listeners().stream()
                .map(l ->
                        l.protocol() + " " + l.localEndpoint() + " " + l.owner().service())
                .toList();
    }
}

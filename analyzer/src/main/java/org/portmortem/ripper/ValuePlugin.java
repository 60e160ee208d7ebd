package org.portmortem.ripper;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * A plugin that reports named values of a few keys, each as stored, or their absence (rdpport,
 * disableremotescm, remoteaccess, termserv, winver, dcom, netsh, the SMB and NetBT settings, the
 * LLMNR policy). Such
 * plugins are data: they are defined in {@code value-plugins.json}, read by {@link RipPlugins}.
 *
 * @param name the plugin name
 * @param hiveType SYSTEM (keys are read below the model's control set) or another kind (keys are
 *     read from the hive's root)
 * @param description one line
 * @param regRipperVersion the RegRipper plugin version, or {@code ""} for an addition
 * @param keys the keys to read, in order
 */
public record ValuePlugin(String name, HiveType hiveType, String description, String regRipperVersion,
        List<KeyValues> keys) implements RipPlugin {

    /**
     * One key a {@link ValuePlugin} reads.
     *
     * @param key the key path below the control set for SYSTEM, e.g.
     *     {@code Control\Terminal Server\WinStations\RDP-Tcp}, else from the hive root
     * @param values the values to report, each with the label RegRipper prints for it
     * @param allValues whether to report every value of the key as well (after {@code values}), as
     *     RegRipper lists e.g. {@code SysProcs}
     */
    public record KeyValues(String key, List<Label> values, boolean allValues) {
        /** Values default to none. */
        public KeyValues {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /**
     * One value a {@link ValuePlugin} reports.
     *
     * @param value the value name in the key
     * @param label the name RegRipper prints for it (often the value name itself)
     * @param time how the data is a time, shown as RegRipper shows times: {@code epoch} (a number of
     *     seconds since 1970), {@code filetime} (a QWORD or 8 bytes of 100 ns since 1601), or
     *     {@code null} for data shown as stored
     */
    public record Label(String value, String label, String time) {}

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        for (KeyValues kv : keys) {
            read(context, kv, facts);
        }
        return facts;
    }

    private static String data(Value v, String time) {
        if ("epoch".equals(time) && v.isNumber()) {
            return RegRipperData.time(Instant.ofEpochSecond(v.asLong()));
        }
        if ("filetime".equals(time) && v.size() >= 8) {
            long ticks = ByteBuffer.wrap(v.raw(), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            return RegRipperData.time(Instant.ofEpochSecond(-11_644_473_600L).plusSeconds(ticks / 10_000_000L));
        }
        return RegRipperData.of(v);
    }

    private void read(RipContext context, KeyValues kv, List<RipFact> facts) {
        boolean system = hiveType == HiveType.SYSTEM;
        String group = system ? context.controlSetPath(kv.key()) : kv.key();
        Optional<Key> k = system ? context.controlSetKey(kv.key()) : context.hive().key(kv.key());
        if (k.isEmpty()) {
            facts.add(new RipFact(group, group, null, null, Evidence.absentKey(context.hive(), group, "key not found")));
            return;
        }
        for (Label l : kv.values()) {
            Optional<Value> v = k.get().value(l.value());
            facts.add(v.isPresent()
                    ? RipFact.ofValue(group, k.get(), v.get(), l.label(), data(v.get(), l.time()))
                    : RipFact.absentValue(group, k.get(), l.label()));
        }
        if (kv.allValues()) {
            for (Value v : k.get().values()) {
                facts.add(RipFact.ofValue(group, k.get(), v, v.name(), RegRipperData.of(v)));
            }
        }
    }
}

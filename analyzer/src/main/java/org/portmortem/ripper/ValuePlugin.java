package org.portmortem.ripper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * A plugin that reports named values of a few keys, each as stored, or their absence (rdpport,
 * disableremotescm, remoteaccess, termserv, winver, dcom, netsh, the SMB and NetBT settings, the
 * LLMNR policy). Such plugins are data: they are defined in {@code value-plugins.json}, read by
 * {@link RipPlugins}, together with the lines RegRipper prints for each key and value
 * ({@link KeyLines}, {@link ValueLines}), which the reports module lays out.
 *
 * <p>Facts come in the order of {@link #keys()}, per key: the absent key (one fact, or the missing
 * {@code Select} key where a control-set key is read on a hive without control sets), or else the key
 * itself ({@code LastWrite Time}, for a key whose values are all listed), the named values in order,
 * then every value of the key. A key read {@link KeyValues#within() within} another is not read at
 * all when that one is absent, as RegRipper does not look there.
 *
 * @param name the plugin name
 * @param hiveTypes the kinds of hive the plugin reads, in RegRipper's order; the first decides where
 *     keys are read by default: below the control set for SYSTEM, else from the hive's root
 * @param description one line
 * @param regRipperVersion the RegRipper plugin version, or {@code ""} for an addition
 * @param banner whether RegRipper prints the plugin's banner ({@code null}: yes; termserv does not)
 * @param keys the keys to read, in order
 */
public record ValuePlugin(
        String name,
        List<HiveType> hiveTypes,
        String description,
        String regRipperVersion,
        Boolean banner,
        List<KeyValues> keys)
        implements RipPlugin {

    /** The name of the fact that records a key itself (for a key whose values are all listed). */
    public static final String KEY_FACT = "LastWrite Time";

    /** Checks the plugin names at least one kind of hive. */
    public ValuePlugin {
        if (hiveTypes == null || hiveTypes.isEmpty()) {
            throw new IllegalArgumentException("value plugin " + name + " names no hive type");
        }
        hiveTypes = List.copyOf(hiveTypes);
        keys = List.copyOf(keys);
    }

    /**
     * One key a {@link ValuePlugin} reads.
     *
     * @param key the key path below the control set (e.g. {@code Control\Terminal Server\WinStations\RDP-Tcp})
     *     or from the hive root, spelled as RegRipper spells it, since that is the path it prints
     * @param fromRoot whether the key is read from the hive root whatever the plugin's first hive type
     *     ({@code null}: from the root unless that type is SYSTEM)
     * @param within the {@code key} of an earlier entry that must be present for this one to be read,
     *     or {@code null}
     * @param values the values to report, each with the label RegRipper prints for it
     * @param allValues whether to report the key itself and every value of the key as well (after
     *     {@code values}), as RegRipper lists e.g. {@code SysProcs}
     * @param text RegRipper's lines for the key, or {@code null}
     */
    public record KeyValues(
            String key, Boolean fromRoot, String within, List<Label> values, boolean allValues, KeyLines text) {
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
     * @param text RegRipper's lines for the value, or {@code null}
     */
    public record Label(String value, String label, String time, ValueLines text) {}

    /**
     * The lines RegRipper prints for a key. In a line, {@code {key}} stands for the path looked up (the
     * missing one, for an absent key) and {@code {lastWrite}} for the key's LastWrite time as RegRipper
     * prints it (a line holding it is left out where the source has no times).
     *
     * @param present lines printed when the key exists, before its values
     * @param absent lines printed when it does not; {@code null} to print each value's absent lines
     *     instead (a plugin that looks a value up through a missing subkey reports the value missing)
     * @param listed lines printed before the listed values (of a key with {@code allValues}), only when
     *     it has some
     * @param each the line printed for each listed value, with {@code {name}} and {@code {data}}
     */
    public record KeyLines(List<String> present, List<String> absent, List<String> listed, String each) {
        /** Lists default to none, except {@code absent} whose {@code null} has a meaning. */
        public KeyLines {
            present = present == null ? List.of() : List.copyOf(present);
            absent = absent == null ? null : List.copyOf(absent);
            listed = listed == null ? List.of() : List.copyOf(listed);
        }
    }

    /**
     * The lines RegRipper prints for a value. In a line, {@code {name}} stands for the label and
     * {@code {data}} for the data; {@code {name:-25}} pads to 25 characters, left-aligned, as Perl's
     * {@code %-25s} does ({@code {data:8}} right-aligns).
     *
     * @param present lines printed when the value exists
     * @param absent lines printed when it does not (or its key does not, see {@link KeyLines#absent()})
     * @param zero lines printed instead of {@code present} when the data is zero as a Perl number
     *     ({@code == 0}), or {@code null}
     * @param empty what RegRipper prints instead of empty data (termserv's {@code {blank}}), or {@code null}
     */
    public record ValueLines(List<String> present, List<String> absent, List<String> zero, String empty) {
        /** Lists default to none, except {@code zero} whose {@code null} has a meaning. */
        public ValueLines {
            present = present == null ? List.of() : List.copyOf(present);
            absent = absent == null ? List.of() : List.copyOf(absent);
            zero = zero == null ? null : List.copyOf(zero);
        }
    }

    @Override
    public HiveType hiveType() {
        return hiveTypes.get(0);
    }

    /** Whether RegRipper prints a banner for this plugin. */
    public boolean printsBanner() {
        return banner == null || banner;
    }

    /** Whether RegRipper's lines for this plugin are part of its definition. */
    public boolean hasText() {
        return keys.stream()
                .anyMatch(k -> k.text() != null || k.values().stream().anyMatch(l -> l.text() != null));
    }

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (KeyValues kv : keys) {
            if (kv.within() == null || found.contains(kv.within().toLowerCase(Locale.ROOT))) {
                if (read(context, kv, facts)) {
                    found.add(kv.key().toLowerCase(Locale.ROOT));
                }
            }
        }
        return facts;
    }

    private boolean inControlSet(KeyValues kv) {
        return kv.fromRoot() == null ? hiveType() == HiveType.SYSTEM : !kv.fromRoot();
    }

    /** Reads one key's facts; whether the key exists. */
    private boolean read(RipContext context, KeyValues kv, List<RipFact> facts) {
        boolean controlSet = inControlSet(kv);
        if (controlSet && !context.hasControlSet()) {
            // RegRipper looks up Select\Current first and stops there: say that is what is missing.
            facts.add(new RipFact(
                    kv.key(),
                    "Select",
                    null,
                    null,
                    Evidence.absentKey(
                            context.hive(),
                            "Select",
                            "key not found: a " + context.hiveType() + " hive has no control sets")));
            return false;
        }
        String group = controlSet ? context.controlSetPath(kv.key()) : kv.key();
        Optional<Key> k =
                controlSet ? context.controlSetKey(kv.key()) : context.hive().key(kv.key());
        if (k.isEmpty()) {
            facts.add(
                    new RipFact(group, group, null, null, Evidence.absentKey(context.hive(), group, "key not found")));
            return false;
        }
        if (kv.allValues()) {
            Instant lastWritten = k.get().lastWritten().orElse(null);
            facts.add(new RipFact(
                    group,
                    KEY_FACT,
                    lastWritten == null ? "unknown: the source holds no times" : RegRipperData.time(lastWritten),
                    lastWritten,
                    Evidence.ofKey(k.get(), null)));
        }
        for (Label l : kv.values()) {
            Optional<Value> v = k.get().value(l.value());
            facts.add(
                    v.isPresent()
                            ? RipFact.ofValue(group, k.get(), v.get(), l.label(), data(v.get(), l.time()))
                            : RipFact.absentValue(group, k.get(), l.label()));
        }
        if (kv.allValues()) {
            for (Value v : k.get().values()) {
                facts.add(RipFact.ofValue(group, k.get(), v, v.name(), RegRipperData.of(v)));
            }
        }
        return true;
    }

    private static String data(Value v, String time) {
        if ("epoch".equals(time) && v.isNumber()) {
            return RegRipperData.time(Instant.ofEpochSecond(v.asLong()));
        }
        if ("filetime".equals(time) && v.size() >= 8) {
            return RegRipperData.time(v.asFiletime().orElseThrow());
        }
        return RegRipperData.of(v);
    }
}

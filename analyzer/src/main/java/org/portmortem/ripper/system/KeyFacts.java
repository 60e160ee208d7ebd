package org.portmortem.ripper.system;

import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * Facts about keys read below the control set in use, for the plugins that report raw values, and
 * the names of the facts that count a key's values or subkeys: a plugin whose RegRipper layout
 * prints a key's path and LastWrite time, or "... has no values." / "... has no subkeys.", reports
 * such a count for the key, so the key, its time and its emptiness are facts of their own.
 */
public final class KeyFacts {
    /** The name of a fact holding how many values a key has, e.g. {@code Values = 0}. */
    public static final String VALUES = "Values";
    /** The name of a fact holding how many subkeys a key has, e.g. {@code Subkeys = 2}. */
    public static final String SUBKEYS = "Subkeys";

    private KeyFacts() {}

    /** The fact that a key below the control set is absent, RegRipper's "... not found." */
    static RipFact absentKey(RipContext context, String relativePath) {
        String path = context.controlSetPath(relativePath);
        return new RipFact(path, path, null, null, Evidence.absentKey(context.hive(), path, "key not found"));
    }

    /** The value's data as RegRipper prints it, or the fact of its absence. */
    static RipFact valueOrAbsent(String group, Key key, String valueName) {
        Optional<Value> v = key.value(valueName);
        return v.isPresent()
                ? RipFact.ofValue(group, key, v.get(), valueName, RegRipperData.of(v.get()))
                : RipFact.absentValue(group, key, valueName);
    }

    /** The value's data as RegRipper prints it, if the value is present and not empty. */
    static Optional<String> nonEmpty(Key key, String valueName) {
        return key.value(valueName).map(RegRipperData::of).filter(s -> !s.isEmpty());
    }

    /**
     * The value's data as RegRipper prints it, if the value is present and its data is true as Perl
     * tests a string: neither empty nor {@code "0"} (a plugin's {@code if ($data)}).
     */
    static Optional<String> perlTrue(Key key, String valueName) {
        return nonEmpty(key, valueName).filter(s -> !s.equals("0"));
    }

    /** A plugin's result when the key it reads is absent. */
    static List<RipFact> onlyAbsent(RipContext context, String relativePath) {
        return List.of(absentKey(context, relativePath));
    }

    /** How many values the key has ({@link #VALUES}), under the key's LastWrite time. */
    static RipFact valueCount(String group, Key key) {
        return new RipFact(
                group,
                VALUES,
                Integer.toString(key.values().size()),
                key.lastWritten().orElse(null),
                Evidence.ofKey(key, "the number of values the key has"));
    }

    /** How many subkeys the key has ({@link #SUBKEYS}), under the key's LastWrite time. */
    static RipFact subkeyCount(String group, Key key) {
        return new RipFact(
                group,
                SUBKEYS,
                Integer.toString(key.subkeys().size()),
                key.lastWritten().orElse(null),
                Evidence.ofKey(key, "the number of subkeys the key has"));
    }
}

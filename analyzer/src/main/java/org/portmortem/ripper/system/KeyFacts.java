package org.portmortem.ripper.system;

import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/** Facts about keys read below the control set in use, for the plugins that report raw values. */
final class KeyFacts {
    private KeyFacts() {}

    /** The fact that a key below the control set is absent, RegRipper's "... not found." */
    static RipFact absentKey(RipContext context, String relativePath) {
        String path = context.controlSetPath(relativePath);
        return new RipFact(path, path, null, null, Evidence.absentKey(context.hive(), path, "key not found"));
    }

    /** The value's data as RegRipper prints it, or the fact of its absence. */
    static RipFact valueOrAbsent(String group, Key key, String valueName) {
        Optional<Value> v = key.value(valueName);
        return v.isPresent() ? RipFact.ofValue(group, key, v.get(), valueName, RegRipperData.of(v.get()))
                : RipFact.absentValue(group, key, valueName);
    }

    /** The value's data as RegRipper prints it, if the value is present and not empty. */
    static Optional<String> nonEmpty(Key key, String valueName) {
        return key.value(valueName).map(RegRipperData::of).filter(s -> !s.isEmpty());
    }

    /** A plugin's result when the key it reads is absent. */
    static List<RipFact> onlyAbsent(RipContext context, String relativePath) {
        return List.of(absentKey(context, relativePath));
    }
}

package org.portmortem.ripper.ntuser;

import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.DeclaredPlugin;
import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.PerlScalar;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code osversion}: the {@code OSVersion} value of a user's {@code Software\Microsoft} key, which
 * some malware queries and some sets (RegRipper: "getting a response of 'OSVersion not found' is a
 * good thing"). One fact under {@code Software\Microsoft}: the value as get_data gives it, with the
 * key's LastWrite time; absent when the value is, or when the key is (then with no time).
 */
public final class OsVersion extends DeclaredPlugin {
    static final String KEY = "Software\\Microsoft";

    /** The plugin. */
    public OsVersion() {
        super("osversion", List.of(HiveType.NTUSER), "Checks for OSVersion value", "20200511");
    }

    @Override
    public boolean hasTimeline() {
        return true;
    }

    @Override
    public List<RipFact> run(RipContext context) {
        Optional<Key> key = context.hive().key(KEY);
        if (key.isEmpty()) {
            return List.of(new RipFact(
                    KEY, "OSVersion", null, null, Evidence.absentKey(context.hive(), KEY, "key not found")));
        }
        Optional<Value> v = key.get().value("OSVersion");
        return List.of(
                v.isPresent()
                        ? RipFact.ofValue(KEY, key.get(), v.get(), "OSVersion", PerlScalar.of(v.get()))
                        : RipFact.absentValue(KEY, key.get(), "OSVersion"));
    }
}

package org.portmortem.exposure.knowledge;

import java.util.List;
import java.util.Set;
import org.portmortem.exposure.Certainty;
import org.portmortem.model.WindowsFamily;

/** What an omitted field of a knowledge file means. */
final class Defaults {
    private Defaults() {}

    /** An omitted list is empty. */
    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /** Omitted families mean every family. */
    static Set<WindowsFamily> families(Set<WindowsFamily> f) {
        return f == null ? WindowsFamily.ofKnowledgeToken("ALL") : f;
    }

    /** An omitted certainty means the fact is certain. */
    static Certainty.Level certainty(Certainty.Level c) {
        return c == null ? Certainty.Level.CERTAIN : c;
    }
}

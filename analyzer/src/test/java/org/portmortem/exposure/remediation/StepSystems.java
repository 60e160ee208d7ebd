package org.portmortem.exposure.remediation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.portmortem.exposure.ReferenceSystems;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;

/**
 * The systems the hardening-step tests run on: the three reference systems (built from their .reg
 * exports) and every SYSTEM hive of the shared corpus (alone, without SOFTWARE).
 */
final class StepSystems {
    private StepSystems() {}

    /** The hives of one system; {@code software} is null for a corpus SYSTEM hive. */
    record Hives(Hive system, Hive software) {}

    /** Name and source (a reference system's folder or a hive file) of every system. */
    static Stream<Arguments> all() throws IOException {
        List<Arguments> out = new ArrayList<>();
        Path fx = ReferenceSystems.fixtures().orElse(null);
        if (fx != null) {
            for (String name : List.of("win2000-server-default", "winxp-default", "hostile")) {
                out.add(Arguments.of(name, fx.resolve(name)));
            }
        }
        for (Path p : org.portmortem.model.SharedCorpus.systemHives()) {
            out.add(Arguments.of(
                    org.portmortem.model.SharedCorpus.root()
                            .orElseThrow()
                            .relativize(p)
                            .toString(),
                    p));
        }
        return out.stream();
    }

    /** A change to a reference system's in-memory SYSTEM hive before it is used. */
    interface Prepare {
        void apply(MemoryHive system) throws IOException;
    }

    /** Opens a system's hives; {@code beforeUse} is applied to a reference system's SYSTEM first. */
    static Hives open(Path source, Prepare beforeUse) throws IOException {
        if (source.toFile().isDirectory()) {
            ReferenceSystems.Hives h = ReferenceSystems.build(source, List.of());
            beforeUse.apply(h.system());
            return new Hives(h.system(), h.software());
        }
        return new Hives(Hive.open(source), null);
    }
}

package org.portmortem.exposure.remediation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.portmortem.exposure.ReferenceSystems;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

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

    /** What a test does with a system's baseline and its hives. */
    interface OnBaseline {
        void accept(HardeningPlan.Baseline baseline, Hive system, Hive software) throws IOException;
    }

    /** Opens a system's hives, reads its baseline, hands both to {@code body}, then closes the hives. */
    static void withBaseline(Path source, Prepare beforeUse, OnBaseline body) throws IOException {
        Hives h = open(source, beforeUse);
        try (Hive system = h.system()) {
            body.accept(HardeningPlan.Baseline.read(system, h.software(), ModelOptions.DEFAULT), system, h.software());
        }
    }

    /** Copies of a baseline's hives, edited step by step as the hardening plan edits them. */
    static final class Walk {
        final SystemModel before;
        final ModelOptions options;
        final String cs;
        final MemoryHive system;
        final MemoryHive software;
        /** The keys of the control set edited so far. */
        final Set<String> edited = new LinkedHashSet<>();

        Walk(HardeningPlan.Baseline baseline, Hive system, Hive software) throws IOException {
            this.before = baseline.model();
            this.options = ModelOptions.withControlSet(before.controlSets().inUse());
            this.cs = before.controlSetPath();
            this.system = MemoryHive.copyOf(system);
            this.software = software == null ? null : MemoryHive.copyOf(software);
        }

        /** Applies a remediation to the copies and reads the state's model as the hardening plan does. */
        SystemModel apply(Remediation r) throws IOException {
            r.applyInPlace(system, software, cs);
            for (Remediation.Edit e : r.edits()) {
                if (e.key().startsWith("CS\\")) {
                    edited.add(cs + "\\" + e.key().substring(3));
                }
            }
            return SystemModel.readAfterEdits(before, system, software, options, edited);
        }
    }
}

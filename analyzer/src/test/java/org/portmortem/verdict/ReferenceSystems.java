package org.portmortem.verdict;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.ExposurePredictor;
import org.portmortem.exposure.RegistryScope;
import org.portmortem.exposure.remediation.HardeningPlan;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.RegOverlay;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.SnapshotReader;
import org.portmortem.testing.SharedFolder;

/**
 * The reference systems of {@code fixtures/} (the seed paper's Windows 2000 Server and XP) at a
 * hardening step: hives read from the .reg fixtures with the .reg reader, the step overlays applied
 * with {@link RegOverlay}, then model → boot plan → exposure, as the CLI does it.
 */
final class ReferenceSystems {
    static final String WIN2000 = "win2000-server-default";
    static final String WINXP = "winxp-default";

    /** One system at one step, with the netstat listing the paper printed at that step, if any. */
    record Step(
            String system,
            String step,
            SystemModel model,
            BootPlan plan,
            Exposure exposure,
            RegistryScope registry,
            Path netstat) {
        /** The step as the pipeline's hardening baseline. */
        HardeningPlan.Baseline baseline() {
            return new HardeningPlan.Baseline(model, plan, exposure, registry);
        }

        /** The comparison the pipeline makes for this step, with its hardening plan (computed once per step). */
        ObservationComparison comparison() throws IOException {
            HardeningPlan hardening = HARDENING.get(this);
            if (hardening == null) {
                hardening = HardeningOrder.bySeverity(baseline());
                HARDENING.put(this, hardening);
            }
            return new ObservationComparison(model, plan, exposure, registry, hardening);
        }

        @Override
        public String toString() {
            return system + " step " + step;
        }
    }

    private ReferenceSystems() {}

    /** The repository's {@code fixtures/} folder, found by walking up from the working directory. */
    static Path fixtures() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("fixtures");
            if (Files.isDirectory(f.resolve(WINXP))) {
                return f;
            }
        }
        throw new IllegalStateException(
                "no fixtures/ folder above " + Path.of("").toAbsolutePath());
    }

    /** Every step of both systems whose expected file names a paper netstat listing. */
    static List<Step> stepsWithListing() throws IOException {
        List<Step> out = new ArrayList<>();
        for (String system : List.of(WIN2000, WINXP)) {
            try (var files = Files.list(fixtures().resolve(system).resolve("expected"))) {
                for (Path e : files.sorted().toList()) {
                    JsonNode json = new ObjectMapper().readTree(e.toFile());
                    if (json.hasNonNull("netstat")) {
                        out.add(step(system, json.get("step").asText()));
                    }
                }
            }
        }
        return out;
    }

    /** The hardening plan of each step, by identity. */
    private static final Map<Step, HardeningPlan> HARDENING =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** The comparison the pipeline makes for a SYSTEM hive read alone (corpus hives). */
    static ObservationComparison comparison(org.portmortem.hive.Hive system) throws IOException {
        HardeningPlan.Baseline b = HardeningPlan.Baseline.read(system, null, ModelOptions.DEFAULT);
        return new ObservationComparison(b.model(), b.plan(), b.exposure(), b.registry(), HardeningOrder.bySeverity(b));
    }

    /** Steps already built: the models are read-only, so the tests of a run share them. */
    private static final Map<String, Step> BUILT = new ConcurrentHashMap<>();

    /** A system at a step ({@code "00"} is the default installation). */
    static Step step(String system, String step) throws IOException {
        Step known = BUILT.get(system + "/" + step);
        if (known == null) {
            known = build(system, step);
            BUILT.put(system + "/" + step, known);
        }
        return known;
    }

    private static Step build(String system, String step) throws IOException {
        return build(system, step, hive -> {});
    }

    /**
     * A system at a step with a change made to the SYSTEM hive copy before the model is read (e.g. a
     * key's last-write time, which .reg files do not carry). Not cached.
     */
    static Step build(String system, String step, Consumer<MemoryHive> systemChange) throws IOException {
        Path dir = fixtures().resolve(system);
        JsonNode expected = new ObjectMapper()
                .readTree(dir.resolve("expected").resolve(step + ".json").toFile());
        MemoryHive sys = MemoryHive.copyOf(Hive.open(dir.resolve("SYSTEM.reg")));
        MemoryHive soft = MemoryHive.copyOf(Hive.open(dir.resolve("SOFTWARE.reg")));
        for (JsonNode applied : expected.get("stepsApplied")) {
            RegOverlay overlay = RegOverlay.read(dir.resolve("steps").resolve(applied.asText() + ".reg"));
            assertTrue(overlay.applyTo(sys, "SYSTEM").isEmpty(), overlay.name());
            assertTrue(overlay.applyTo(soft, "SOFTWARE").isEmpty(), overlay.name());
        }
        systemChange.accept(sys);
        SystemModel model = SystemModel.read(sys, soft, ModelOptions.DEFAULT);
        BootPlan plan = BootPlan.of(model);
        RegistryScope registry = RegistryScope.of(model, sys, soft);
        Exposure exposure = new ExposurePredictor().predict(model, plan, registry);
        Path netstat = expected.hasNonNull("netstat")
                ? dir.resolve(expected.get("netstat").asText())
                : null;
        return new Step(system, step, model, plan, exposure, registry, netstat);
    }

    /** The shared corpus ({@code shared/corpus} beside the repository), if present. */
    static Optional<Path> corpus() {
        return SharedFolder.required()
                ? Optional.of(SharedFolder.corpus())
                : SharedFolder.find().map(s -> s.resolve("corpus"));
    }

    /** A file of the shared corpus; the calling test is skipped, with the reason, when it is absent. */
    static Path corpusFile(String relative) {
        return SharedFolder.corpus(relative);
    }

    /** A test resource of this package. */
    static Path resource(String name) {
        try {
            return Path.of(ReferenceSystems.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + name, e);
        }
    }

    /** The step's paper listing, read. */
    static NetstatSnapshot listing(Step step) throws IOException {
        return SnapshotReader.readSockets(step.netstat());
    }
}

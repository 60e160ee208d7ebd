package org.portmortem.exposure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.RegOverlay;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

/** Builds the paper's reference systems from the project's fixtures, with step and variant overlays. */
public final class ReferenceSystems {
    private ReferenceSystems() {}

    /** The repository's {@code fixtures} folder, found by walking up from the working folder. */
    public static Optional<Path> fixtures() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("fixtures/winxp-default"))) {
                return Optional.of(dir.resolve("fixtures"));
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** The two hives of a system with the given overlays applied in order. */
    public record Hives(MemoryHive system, MemoryHive software) {}

    public static Hives build(Path systemDir, List<Path> overlays) throws IOException {
        MemoryHive system;
        MemoryHive software;
        try (Hive s = Hive.open(systemDir.resolve("SYSTEM.reg"));
                Hive w = Hive.open(systemDir.resolve("SOFTWARE.reg"))) {
            system = MemoryHive.copyOf(s);
            software = MemoryHive.copyOf(w);
        }
        for (Path o : overlays) {
            RegOverlay overlay = RegOverlay.read(o);
            overlay.applyTo(system, "SYSTEM");
            overlay.applyTo(software, "SOFTWARE");
        }
        return new Hives(system, software);
    }

    static Exposure predict(Hive system, Hive software) throws IOException {
        SystemModel model = SystemModel.read(system, software, ModelOptions.DEFAULT);
        return new ExposurePredictor().predict(model, BootPlan.of(model), RegistryScope.of(model, system, software));
    }

    /** The same prediction after writing both hives as binary regf files and reading them back. */
    static Exposure predictThroughRegf(Hives hives, Path tmp) throws IOException {
        Path sys = tmp.resolve("SYSTEM");
        Path sw = tmp.resolve("SOFTWARE");
        HiveWriter.write(hives.system(), sys, Instant.parse("2004-03-05T15:51:33Z"));
        HiveWriter.write(hives.software(), sw, Instant.parse("2004-03-05T15:51:33Z"));
        try (Hive s = Hive.open(sys);
                Hive w = Hive.open(sw)) {
            return predict(s, w);
        }
    }
}

package org.portmortem.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.portmortem.InputException;

/**
 * Finds every hive set in a case folder and chooses the one to analyse: the live set of a single
 * machine. Two live sets (two machines, or the same machine twice) are never resolved silently.
 */
final class HiveSets {
    /** How deep below the case folder hive folders are looked for. */
    static final int MAX_DEPTH = 8;
    /** A path element naming a Volume Shadow Copy export: VSS1, vss_2, ShadowCopy3, HarddiskVolumeShadowCopy4. */
    private static final Pattern VSS = Pattern.compile("(?i)^(vss[_-]?\\d*|.*shadow.*copy.*|shadow\\d*)$");

    private HiveSets() {}

    /**
     * The hive sets in the folder: the folder itself, every {@code System32/config} folder below it
     * (under any system root name: Windows, WINDOWS, WINNT), the {@code RegBack} folder of each, and the
     * {@code repair} folder beside each {@code System32}; those holding a SYSTEM file, shallowest first.
     */
    static List<HiveSet> find(Path folder, List<String> notes) throws IOException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(folder);
        try (Stream<Path> s = Files.walk(folder, MAX_DEPTH)) {
            s.filter(Files::isDirectory)
                    .filter(p -> !p.equals(folder))
                    .filter(HiveSets::isHiveFolder)
                    .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString))
                    .forEach(candidates::add);
        } catch (UncheckedIOException e) {
            throw new InputException(
                    folder, "cannot be searched: " + e.getCause().getMessage(), e.getCause());
        }
        List<HiveSet> sets = new ArrayList<>();
        for (Path dir : candidates) {
            HiveSet set = setIn(dir, kindOf(folder, dir), notes);
            if (set != null) {
                sets.add(set);
            }
        }
        return sets;
    }

    /**
     * The set to analyse: the only live one; with none live, the only set there is. Null when there is
     * no set at all.
     *
     * @throws AmbiguousCaseException when two live sets (or, with none live, two copies) leave the choice open
     */
    static HiveSet choose(Path folder, List<HiveSet> sets) throws IOException {
        List<HiveSet> live =
                sets.stream().filter(s -> s.kind() == HiveSet.Kind.LIVE).toList();
        List<HiveSet> pool = live.isEmpty() ? sets : live;
        if (pool.isEmpty()) {
            return null;
        }
        if (pool.size() > 1) {
            List<String> choices = new ArrayList<>();
            for (HiveSet s : pool) {
                choices.add(s.describe(folder));
            }
            throw new AmbiguousCaseException(
                    folder + ": " + pool.size() + " " + (live.isEmpty() ? "hive copies" : "live hive sets")
                            + " (two machines, or one machine twice); give the folder of one as CASE, or its SYSTEM with --system",
                    choices);
        }
        return pool.get(0);
    }

    /** For a SYSTEM given by path: its folder's {@code RegBack} and the system root's {@code repair} set, when present. */
    static List<HiveSet> copiesBeside(Path system) throws IOException {
        Path config = system.toAbsolutePath().normalize().getParent();
        List<HiveSet> out = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (Path dir : childrenNamed(config, "RegBack")) {
            HiveSet s = setIn(dir, HiveSet.Kind.REGBACK, ignored);
            if (s != null) {
                out.add(s);
            }
        }
        Path root = config.getParent() == null ? null : config.getParent().getParent();
        if (root != null && config.getParent().getFileName().toString().equalsIgnoreCase("System32")) {
            for (Path dir : childrenNamed(root, "repair")) {
                HiveSet s = setIn(dir, HiveSet.Kind.REPAIR, ignored);
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static List<Path> childrenNamed(Path dir, String name) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().equalsIgnoreCase(name))
                    .sorted()
                    .toList();
        }
    }

    private static HiveSet setIn(Path dir, HiveSet.Kind kind, List<String> notes) throws IOException {
        Path system = CaseFiles.inFolder(dir, "SYSTEM", notes);
        if (system == null) {
            return null;
        }
        return new HiveSet(kind, dir, system, CaseFiles.inFolder(dir, "SOFTWARE", notes));
    }

    /** {@code X/System32/config}, {@code X/System32/config/RegBack}, {@code X/repair} beside {@code X/System32}. */
    private static boolean isHiveFolder(Path p) {
        int n = p.getNameCount();
        String last = p.getName(n - 1).toString();
        if (isConfig(p)) {
            return true;
        }
        if (last.equalsIgnoreCase("RegBack") && n >= 3 && isConfig(p.getParent())) {
            return true;
        }
        if (last.equalsIgnoreCase("repair") && p.getParent() != null) {
            try (Stream<Path> s = Files.list(p.getParent())) {
                return s.anyMatch(c -> c.getFileName().toString().equalsIgnoreCase("System32") && Files.isDirectory(c));
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean isConfig(Path p) {
        int n = p.getNameCount();
        return n >= 2
                && p.getName(n - 1).toString().equalsIgnoreCase("config")
                && p.getName(n - 2).toString().equalsIgnoreCase("System32");
    }

    private static HiveSet.Kind kindOf(Path caseFolder, Path dir) {
        Path rel = caseFolder
                .toAbsolutePath()
                .normalize()
                .relativize(dir.toAbsolutePath().normalize());
        for (Path part : rel) {
            if (VSS.matcher(part.toString()).matches()) {
                return HiveSet.Kind.VSS;
            }
        }
        String last =
                dir.getFileName() == null ? "" : dir.getFileName().toString().toLowerCase(Locale.ROOT);
        if (last.equals("regback")) {
            return HiveSet.Kind.REGBACK;
        }
        if (last.equals("repair")
                && !dir.toAbsolutePath()
                        .normalize()
                        .equals(caseFolder.toAbsolutePath().normalize())) {
            return HiveSet.Kind.REPAIR;
        }
        return HiveSet.Kind.LIVE;
    }
}

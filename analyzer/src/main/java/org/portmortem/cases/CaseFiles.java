package org.portmortem.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portmortem.InputException;
import org.portmortem.image.ImageFileOrigin;
import org.portmortem.snapshot.SnapshotFiles;

/**
 * The hive files of a case: SYSTEM (required) and SOFTWARE (optional), found by name in a case
 * folder or given one by one, with the transaction logs lying beside each.
 *
 * <p>Names are matched case-insensitively, with or without a {@code .hiv} or {@code .reg}
 * extension, in the folder itself and else in a {@code Windows/System32/config/} folder below it (a
 * KAPE or other triage tree such as {@code C/Windows/System32/config/SYSTEM}). Nothing is opened
 * here; the hive readers replay the logs.
 *
 * @param system the SYSTEM hive file
 * @param software the SOFTWARE hive file, or {@code null} when none was found
 * @param systemLogs transaction logs found beside SYSTEM ({@code SYSTEM.LOG}, {@code .LOG1}, {@code .LOG2})
 * @param softwareLogs transaction logs found beside SOFTWARE
 * @param notes one line per thing worth saying: where a hive was found, a missing SOFTWARE, a name
 *     that matched more than one file, the other hive sets of the case, a file of the case folder
 *     that nothing reads
 * @param copies the other hive sets of the same machine (RegBack, repair, Volume Shadow Copy exports),
 *     which {@code analyze} compares with the live set
 * @param origins for files copied out of a disk image, where in the image each came from (keyed by
 *     absolute, normalised path); empty for a case folder
 */
public record CaseFiles(
        Path system,
        Path software,
        List<Path> systemLogs,
        List<Path> softwareLogs,
        List<String> notes,
        List<HiveSet> copies,
        Map<Path, ImageFileOrigin> origins) {

    public CaseFiles {
        systemLogs = List.copyOf(systemLogs);
        softwareLogs = List.copyOf(softwareLogs);
        notes = List.copyOf(notes);
        copies = List.copyOf(copies);
        origins = Map.copyOf(origins);
    }

    /** Files given or found without other hive sets, not from an image. */
    public CaseFiles(Path system, Path software, List<Path> systemLogs, List<Path> softwareLogs, List<String> notes) {
        this(system, software, systemLogs, softwareLogs, notes, List.of(), Map.of());
    }

    /** These files as copied out of an image: each file's origin, and notes on the image put first. */
    public CaseFiles fromImage(Map<Path, ImageFileOrigin> fileOrigins, List<String> imageNotes) {
        List<String> n = new ArrayList<>(imageNotes);
        n.addAll(notes);
        return new CaseFiles(system, software, systemLogs, softwareLogs, n, copies, fileOrigins);
    }

    /** Where a file was copied out of an image from, if it was. */
    public Optional<ImageFileOrigin> origin(Path file) {
        return Optional.ofNullable(origins.get(file.toAbsolutePath().normalize()));
    }

    /** How messages name a file: its place in the image ({@code IMAGE (volume N) : PATH}) for a copy, else its path. */
    public String shown(Path file) {
        return origin(file).map(ImageFileOrigin::shown).orElse(String.valueOf(file));
    }

    /** Extensions accepted after the hive name, in order of preference (binary first). */
    private static final List<String> EXTENSIONS = List.of("", ".hiv", ".dat", ".reg");

    /**
     * Finds the hives of a case.
     *
     * @param folder the case folder, or {@code null} when both files are given
     * @param system the SYSTEM file given explicitly ({@code --system}), or {@code null} to find it
     * @param software the SOFTWARE file given explicitly ({@code --software}), or {@code null} to find it
     * @throws InputException when SYSTEM cannot be found or a given path does not exist (one line)
     */
    public static CaseFiles locate(Path folder, Path system, Path software) throws IOException {
        List<String> notes = new ArrayList<>();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new InputException(
                    folder,
                    Files.exists(folder) ? "is a file, not a case folder (use --system FILE)" : "no such case folder");
        }
        List<HiveSet> copies = new ArrayList<>();
        Path sys;
        Path soft;
        if (system != null) {
            sys = existing(system);
            soft = software != null ? existing(software) : null;
            copies.addAll(HiveSets.copiesBeside(sys));
        } else {
            List<HiveSet> sets = HiveSets.find(folder, notes);
            HiveSet chosen = HiveSets.choose(folder, sets);
            if (chosen == null) {
                throw new InputException(
                        folder == null ? Path.of(".") : folder,
                        "no SYSTEM hive found (looked for SYSTEM,"
                                + " SYSTEM.hiv, SYSTEM.reg in any case, here and in */Windows/System32/config/); give it with --system");
            }
            sys = chosen.system();
            if (!chosen.folder()
                    .toAbsolutePath()
                    .normalize()
                    .equals(folder.toAbsolutePath().normalize())) {
                notes.add("SYSTEM found in the triage tree: " + folder.relativize(sys));
            }
            soft = software != null ? existing(software) : chosen.software();
            if (chosen.kind() != HiveSet.Kind.LIVE) {
                notes.add("no live hive set: analysing the " + chosen.kind().word() + " copy "
                        + HiveSet.shown(folder, chosen.folder()));
            }
            sets.stream().filter(s -> s != chosen).forEach(copies::add);
            if (!copies.isEmpty()) {
                List<String> listed = new ArrayList<>();
                for (HiveSet c : copies) {
                    listed.add(c.describe(folder));
                }
                notes.add("other hive sets in the case, not analysed as the system (analyze compares them with it): "
                        + String.join("; ", listed));
            }
        }
        if (soft == null) {
            notes.add("no SOFTWARE hive: the model is built from SYSTEM alone");
        }
        if (folder != null) {
            notes.addAll(notRead(folder, sys, soft));
        }
        return new CaseFiles(
                sys, soft, logsOf(sys), soft == null ? List.of() : logsOf(soft), List.copyOf(notes), copies, Map.of());
    }

    /** How many files of one folder the notes about files not read name one by one. */
    private static final int NAMED_NOT_READ = 20;

    /**
     * One note per file of the case folder that nothing reads: neither a hive, a transaction log
     * (by content, or by name: {@code X.LOG} beside X, {@code .LOG1}, {@code .LOG2}, {@code .blf},
     * {@code .regtrans-ms}), nor a listing the snapshot readers recognise; so that a listing they
     * could not place is not skipped in silence. The case folder's own files are named (at most
     * {@value #NAMED_NOT_READ}); a subfolder with more than three such files gets one line.
     */
    private static List<String> notRead(Path folder, Path system, Path software) throws IOException {
        List<Path> other = SnapshotFiles.survey(folder, HiveSets.MAX_DEPTH).unrecognized().stream()
                .filter(p -> !sameFile(p, system) && !sameFile(p, software) && !isLogByName(p))
                .toList();
        List<String> notes = new ArrayList<>();
        java.util.Map<Path, List<Path>> byFolder = new java.util.TreeMap<>();
        for (Path p : other) {
            Path parent = folder.relativize(p).getParent();
            byFolder.computeIfAbsent(parent == null ? Path.of("") : parent, k -> new ArrayList<>())
                    .add(p);
        }
        for (java.util.Map.Entry<Path, List<Path>> e : byFolder.entrySet()) {
            List<Path> files = e.getValue();
            // The case folder's own files one by one; a subfolder's (steps, exports) in one line when many.
            if (e.getKey().toString().isEmpty() || files.size() <= 3) {
                files.stream().limit(NAMED_NOT_READ).forEach(p -> notes.add(notReadNote(folder, p)));
                if (files.size() > NAMED_NOT_READ) {
                    notes.add("not read: " + (files.size() - NAMED_NOT_READ) + " more files here that are neither a"
                            + " hive, a log nor a recognised listing");
                }
            } else {
                notes.add("not read: " + files.size() + " files in " + e.getKey() + " ("
                        + files.get(0).getFileName()
                        + ", ...) that are neither a hive, a transaction log nor a recognised listing");
            }
        }
        return notes;
    }

    private static String notReadNote(Path folder, Path p) {
        boolean reg = p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".reg");
        return "not read: " + folder.relativize(p)
                + (reg
                        ? " is a .reg file other than the SYSTEM or SOFTWARE hive"
                                + " (give it with --overlay to apply it)"
                        : " is neither a hive, a transaction log nor a recognised"
                                + " netstat, tasklist or PowerShell listing");
    }

    private static boolean sameFile(Path a, Path b) {
        return b != null
                && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** A registry log by name; {@code X.LOG} only beside a file X (a netstat may be saved as {@code ns.log}). */
    private static boolean isLogByName(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".log")) {
            String base = p.getFileName().toString().substring(0, n.length() - 4);
            return Files.isRegularFile(p.resolveSibling(base));
        }
        return n.endsWith(".log1") || n.endsWith(".log2") || n.endsWith(".blf") || n.endsWith(".regtrans-ms");
    }

    /** The SOFTWARE file, if any. */
    public Optional<Path> softwareFile() {
        return Optional.ofNullable(software);
    }

    private static Path existing(Path p) throws InputException {
        if (!Files.exists(p)) {
            throw new InputException(p, "no such file");
        }
        if (Files.isDirectory(p)) {
            throw new InputException(p, "is a folder, not a hive file");
        }
        return p;
    }

    /** The hive file of that name in one folder, preferring no extension, then .hiv, .dat, .reg. */
    static Path inFolder(Path dir, String hive, List<String> notes) throws IOException {
        List<Path> matches;
        try (Stream<Path> s = Files.list(dir)) {
            matches = s.filter(Files::isRegularFile)
                    .filter(p -> rank(p.getFileName().toString(), hive) >= 0)
                    .sorted(Comparator.comparingInt(
                                    (Path p) -> rank(p.getFileName().toString(), hive))
                            .thenComparing(Path::toString))
                    .collect(Collectors.toList());
        }
        if (matches.isEmpty()) {
            return null;
        }
        if (matches.size() > 1) {
            notes.add(hive + ": using " + matches.get(0).getFileName() + " (also present: "
                    + matches.subList(1, matches.size()).stream()
                            .map(p -> p.getFileName().toString())
                            .collect(Collectors.joining(", "))
                    + ")");
        }
        return matches.get(0);
    }

    private static int rank(String fileName, String hive) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String base = hive.toLowerCase(Locale.ROOT);
        for (int i = 0; i < EXTENSIONS.size(); i++) {
            if (lower.equals(base + EXTENSIONS.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code NAME.LOG}, {@code NAME.LOG1}, {@code NAME.LOG2} beside the hive, any case. */
    public static List<Path> logsOf(Path hive) throws IOException {
        Path dir = hive.toAbsolutePath().getParent();
        String base = hive.getFileName().toString().toLowerCase(Locale.ROOT);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.equals(base + ".log") || n.equals(base + ".log1") || n.equals(base + ".log2");
                    })
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}

package org.portmortem.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.portmortem.InputException;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.RegOverlay;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;
import org.portmortem.ripper.HiveType;

/**
 * The opened hives of a case (read-only, logs replayed in memory unless asked not to), ready to
 * build a {@link SystemModel}. Close it when done with the model.
 */
public final class CaseHives implements AutoCloseable {
    private final CaseFiles files;
    private final Hive system;
    private final Hive software;
    /** The hives as read from the files, when {@link #system}/{@link #software} are overlaid copies. */
    private final Hive readSystem;
    private final Hive readSoftware;
    private final List<String> overlayNotes;

    private CaseHives(CaseFiles files, Hive system, Hive software) {
        this(files, system, software, system, software, List.of());
    }

    private CaseHives(CaseFiles files, Hive system, Hive software, Hive readSystem, Hive readSoftware,
            List<String> overlayNotes) {
        this.files = files;
        this.system = system;
        this.software = software;
        this.readSystem = readSystem;
        this.readSoftware = readSoftware;
        this.overlayNotes = List.copyOf(overlayNotes);
    }

    /**
     * These hives with the .reg overlays applied, in order, to in-memory copies (what-if analysis:
     * the evidence files are never changed). Lines that could not be applied, and changes to hives
     * the case lacks, become notes. The returned object owns this one: close only the result.
     */
    public CaseHives withOverlays(List<Path> overlayFiles) throws IOException {
        if (overlayFiles.isEmpty()) {
            return this;
        }
        List<RegOverlay> overlays = new ArrayList<>();
        for (Path p : overlayFiles) {
            overlays.add(RegOverlay.read(p));
        }
        MemoryHive s = MemoryHive.copyOf(system);
        MemoryHive w = software == null ? null : MemoryHive.copyOf(software);
        List<String> notes = new ArrayList<>(overlayNotes);
        for (HiveWarning warning : RegOverlay.applyAll(overlays, s, w)) {
            notes.add("overlay: " + warning);
        }
        return new CaseHives(files, s, w, readSystem, readSoftware, notes);
    }

    /**
     * Opens SYSTEM and, if found, SOFTWARE, each checked to be of its kind.
     *
     * @throws InputException when a hive is recognised as another kind (a SOFTWARE, NTUSER.DAT, SAM or
     *     SECURITY hive given as SYSTEM, or any but SOFTWARE given as SOFTWARE), naming the file and
     *     the kind found; a hive of no recognisable kind (a fragment, a crafted hive) is read as given
     */
    public static CaseHives open(CaseFiles files, HiveOpenOptions options) throws IOException {
        Hive system = Hive.open(files.system(), options);
        Hive software = null;
        try {
            requireKind(system, files.system(), HiveType.SYSTEM);
            software = files.software() == null ? null : Hive.open(files.software(), options);
            if (software != null) {
                requireKind(software, files.software(), HiveType.SOFTWARE);
            }
            return new CaseHives(files, system, software);
        } catch (IOException | RuntimeException e) {
            system.close();
            if (software != null) {
                software.close();
            }
            throw e;
        }
    }

    private static void requireKind(Hive hive, Path file, HiveType role) throws InputException {
        HiveType found = HiveType.of(hive);
        if (found != role && found != HiveType.OTHER) {
            throw new InputException(file, "is a " + label(found) + " hive, not a " + label(role) + " hive"
                    + (found == HiveType.SYSTEM || found == HiveType.SOFTWARE
                            ? "; give it as --" + found.name().toLowerCase(Locale.ROOT) : ""));
        }
    }

    private static String label(HiveType type) {
        return type == HiveType.NTUSER ? "NTUSER.DAT" : type.name();
    }

    /** The files the hives were opened from. */
    public CaseFiles files() {
        return files;
    }

    /** The SYSTEM hive. */
    public Hive system() {
        return system;
    }

    /** The SOFTWARE hive, or {@code null}. */
    public Hive software() {
        return software;
    }

    /** Builds the model of the machine. */
    public SystemModel model(ModelOptions options) throws IOException {
        return SystemModel.read(system, software, options);
    }

    /** The notes about the files (where found, what is missing) and each hive's log replay. */
    public List<String> notes() {
        List<String> out = new ArrayList<>(files.notes());
        out.add(named(system, files.system()) + ": " + system.info().logReplay().note());
        if (software != null) {
            out.add(named(software, files.software()) + ": " + software.info().logReplay().note());
        }
        out.addAll(overlayNotes);
        return out;
    }

    /** A hive copied out of an image by its place in the image, else by its short name. */
    private String named(Hive hive, Path file) {
        return files.origin(file).isPresent() ? files.shown(file) : hive.name();
    }

    /**
     * What the hive readers could not read so far, one line each naming the file: a lazily read hive
     * adds warnings as the model visits it, so call this after building the model.
     */
    public List<String> readWarnings() {
        List<String> out = new ArrayList<>();
        readSystem.warnings().forEach(w -> out.add(files.shown(files.system()) + ": " + w));
        if (readSoftware != null) {
            readSoftware.warnings().forEach(w -> out.add(files.shown(files.software()) + ": " + w));
        }
        return out;
    }

    @Override
    public void close() {
        readSystem.close();
        if (readSoftware != null) {
            readSoftware.close();
        }
    }
}

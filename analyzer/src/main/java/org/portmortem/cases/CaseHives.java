package org.portmortem.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.portmortem.InputException;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;
import org.portmortem.ripper.HiveType;

/**
 * The opened hives of a case (read-only, logs replayed in memory unless asked not to), each checked to
 * be of its kind, ready to build a {@link SystemModel}; the pipeline ({@code CaseAnalysis}) applies
 * overlays to copies of them. Close it when done with the model.
 */
public final class CaseHives implements AutoCloseable {
    private final CaseFiles files;
    private final Hive system;
    private final Hive software;

    private CaseHives(CaseFiles files, Hive system, Hive software) {
        this.files = files;
        this.system = system;
        this.software = software;
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
            throw new InputException(
                    file,
                    "is a " + label(found) + " hive, not a " + label(role) + " hive"
                            + (found == HiveType.SYSTEM || found == HiveType.SOFTWARE
                                    ? "; give it as --" + found.name().toLowerCase(Locale.ROOT)
                                    : ""));
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

    @Override
    public void close() {
        system.close();
        if (software != null) {
            software.close();
        }
    }
}

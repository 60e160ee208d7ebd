package org.portmortem.hive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.portmortem.hive.internal.text.RegPath;
import org.portmortem.hive.internal.text.RegTextFile;

/**
 * A .reg file used as a change to hives already read: {@code --overlay FILE.reg} on the command line.
 * It answers "what if this hardening baseline were applied?": its additions, value deletions
 * ({@code "x"=-}) and key deletions ({@code [-key]}) are applied in file order to an in-memory copy,
 * never to the evidence.
 *
 * <p>One overlay may touch several hives: {@link #applyTo(MemoryHive, String)} applies the part under
 * {@code HKEY_LOCAL_MACHINE\<hklmRoot>\}, and {@link #roots()} tells which hives the file touches so
 * that a caller can warn about one that touches neither SYSTEM nor SOFTWARE.
 */
public final class RegOverlay {
    private static final String SYSTEM = "SYSTEM";
    private static final String SOFTWARE = "SOFTWARE";

    private final RegTextFile text;

    private RegOverlay(RegTextFile text) {
        this.text = text;
    }

    /**
     * Reads an overlay file (REGEDIT4 or version 5.00; UTF-16LE, UTF-8 or ANSI).
     *
     * @throws HiveFormatException if the file is not a .reg export
     * @throws org.portmortem.InputException if it is missing or unreadable
     */
    public static RegOverlay read(Path regFile) throws IOException {
        return new RegOverlay(RegTextFile.read(regFile));
    }

    /** The file name, for messages. */
    public String name() {
        return text.name();
    }

    /**
     * The hives the file touches, in order of first appearance: {@code SYSTEM}, {@code SOFTWARE} and
     * other names under HKEY_LOCAL_MACHINE upper-cased; other top-level keys by their full name
     * ({@code HKEY_CURRENT_USER}).
     */
    public Set<String> roots() {
        return text.roots();
    }

    /**
     * The lines skipped while reading the file (malformed lines), each with its line number and the
     * file name in the message. These are not repeated by {@link #applyTo}.
     */
    public List<HiveWarning> warnings() {
        return text.warnings();
    }

    /**
     * Applies overlays, in the order given, to the two hives of a case, as {@code --overlay} does:
     * each overlay's SYSTEM part to {@code system} and its SOFTWARE part to {@code software}. Also
     * returns, once per overlay, its skipped lines, a warning for each other hive it touches (those
     * changes are not applied), and a warning if it touches a hive the case does not have.
     *
     * @param system the case's SYSTEM hive, or {@code null} if it has none
     * @param software the case's SOFTWARE hive, or {@code null} if it has none
     * @return every warning, in overlay order; those about applying are also recorded on the hive
     */
    public static List<HiveWarning> applyAll(List<RegOverlay> overlays, MemoryHive system, MemoryHive software) {
        List<HiveWarning> out = new ArrayList<>();
        for (RegOverlay overlay : overlays) {
            out.addAll(overlay.warnings());
            for (String root : overlay.roots()) {
                MemoryHive target = root.equals(SYSTEM) ? system : root.equals(SOFTWARE) ? software : null;
                if (target != null) {
                    out.addAll(overlay.applyTo(target, root));
                } else {
                    String where = new RegPath(root, "").rootDisplay();
                    String why = root.equals(SYSTEM) || root.equals(SOFTWARE)
                            ? "the case has no " + root + " hive"
                            : "only the SYSTEM and SOFTWARE hives are analysed";
                    out.add(HiveWarning.general(overlay.name() + ": changes under " + where + " not applied: " + why));
                }
            }
            if (overlay.roots().isEmpty()) {
                out.add(HiveWarning.general(
                        overlay.name() + ": no key under HKEY_LOCAL_MACHINE\\SYSTEM or SOFTWARE; nothing applied"));
            }
        }
        return out;
    }

    /**
     * Applies the file's changes under {@code HKEY_LOCAL_MACHINE\<hklmRoot>\} to the hive, in file
     * order, creating keys as needed. In the SYSTEM hive, {@code CurrentControlSet} is mapped to
     * {@code ControlSet00N} where N is the hive's {@code Select\Current} (else the file's, else 1 with a
     * warning).
     *
     * @param hklmRoot {@code "SYSTEM"} or {@code "SOFTWARE"} (case-insensitive)
     * @return what could not be applied, with line numbers; also recorded on the hive
     */
    public List<HiveWarning> applyTo(MemoryHive hive, String hklmRoot) {
        List<HiveWarning> problems = text.applyTo(hive, hklmRoot);
        problems.forEach(hive::addWarning);
        return problems;
    }
}

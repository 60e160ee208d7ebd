package org.portmortem.hive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

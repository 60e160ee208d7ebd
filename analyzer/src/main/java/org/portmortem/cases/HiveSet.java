package org.portmortem.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One set of SYSTEM (and SOFTWARE) hive files in a case: the live {@code config} folder, or a copy of
 * it (RegBack, XP's repair folder, a Volume Shadow Copy export).
 *
 * @param kind what the set is
 * @param folder the folder holding it
 * @param system its SYSTEM file
 * @param software its SOFTWARE file, or {@code null}
 */
public record HiveSet(Kind kind, Path folder, Path system, Path software) {

    /** What a hive set is, told by where it lies. */
    public enum Kind {
        /** The hives Windows was running on: a {@code config} folder or the case folder itself. */
        LIVE,
        /** {@code config/RegBack}: the copies the RegIdleBackup task made (empty files since Windows 10 1803). */
        REGBACK,
        /** XP's and 2000's {@code %SystemRoot%/repair}: the hives as setup (or the last ERD backup) saved them. */
        REPAIR,
        /** Exported from a Volume Shadow Copy (a path element named VSS1, ShadowCopy3, ...). */
        VSS;

        /** The word reports use: {@code live}, {@code regback}, {@code repair}, {@code vss}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether its SYSTEM file holds no bytes (RegBack on Windows 10 1803 and later): reported, never read. */
    public boolean empty() throws IOException {
        return Files.size(system) == 0;
    }

    /** One line: kind, folder, files. */
    public String describe(Path base) throws IOException {
        String where = base == null ? folder.toString() : shown(base, folder);
        return kind.word() + " " + where + " (" + system.getFileName() + (empty() ? " empty" : "")
                + (software == null ? "" : ", " + software.getFileName() + (Files.size(software) == 0 ? " empty" : ""))
                + ")";
    }

    static String shown(Path base, Path p) {
        Path b = base.toAbsolutePath().normalize();
        Path a = p.toAbsolutePath().normalize();
        if (a.equals(b)) {
            return ".";
        }
        return a.startsWith(b) ? b.relativize(a).toString() : p.toString();
    }
}

package org.portmortem.image;

import java.util.List;

/**
 * A Windows installation found on a volume: a folder at the root holding {@code System32/config/SYSTEM}
 * (any case: {@code Windows}, XP's {@code WINDOWS/system32}, Windows 2000's {@code WINNT}), or such a
 * folder inside a root {@code Windows.old}.
 *
 * @param volume the volume it is on
 * @param systemRoot the folder's path from the volume's root, names as stored ({@code WINDOWS},
 *     {@code Windows.old/Windows})
 * @param configPath the path of its {@code System32/config} folder
 * @param hives the files to read: SYSTEM and SOFTWARE of the config folder with their .LOG/.LOG1/.LOG2,
 *     and the same names in {@code config/RegBack} and in {@code systemRoot/repair}
 */
public record WindowsInstallation(Volume volume, String systemRoot, String configPath, List<ImageEntry> hives) {

    public WindowsInstallation {
        hives = List.copyOf(hives);
    }

    /** The files of one hive set: those directly in {@code folder}. */
    public List<ImageEntry> inFolder(String folder) {
        return hives.stream()
                .filter(e -> e.path()
                        .substring(0, Math.max(0, e.path().lastIndexOf('/')))
                        .equalsIgnoreCase(folder))
                .toList();
    }
}

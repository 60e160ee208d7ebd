package org.portmortem.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.portmortem.InputException;
import org.portmortem.image.ExtractedInstallation;
import org.portmortem.image.OpenedImage;
import org.portmortem.image.Volume;
import org.portmortem.image.WindowsInstallation;

/**
 * A disk image as a case: the one Windows installation in it (or the one on the volume asked for),
 * its hive files copied out and then found by the case-folder rules, each with its origin in the image.
 */
public final class ImageCases {
    private ImageCases() {}

    /**
     * The case files of one installation in the image.
     *
     * @param volume the volume number to use ({@code --volume N}), or {@code null} when the image must hold
     *     exactly one installation
     * @throws AmbiguousCaseException when more than one installation is found and none was chosen
     * @throws InputException when there is no installation (on that volume)
     */
    public static CaseFiles locate(OpenedImage image, Integer volume) throws IOException {
        List<WindowsInstallation> all = image.installations();
        List<WindowsInstallation> pool = volume == null ? all
                : all.stream().filter(i -> i.volume().number() == volume).toList();
        if (pool.isEmpty()) {
            throw new InputException(image.image().path(), volume == null
                    ? "no Windows installation found (no System32/config/SYSTEM at the root of an NTFS volume); volumes: "
                            + volumes(image)
                    : "no Windows installation on volume " + volume + "; volumes: " + volumes(image));
        }
        if (pool.size() > 1) {
            throw new AmbiguousCaseException(image.image().path() + ": " + pool.size()
                    + " Windows installations; choose one with --volume N", pool.stream().map(ImageCases::describe).toList());
        }
        WindowsInstallation chosen = pool.get(0);
        ExtractedInstallation x = image.extract(chosen);
        List<String> notes = new ArrayList<>();
        notes.add("image " + image.image().path() + " (" + image.image().format().word() + (image.image().segments().size() > 1
                ? ", " + image.image().segments().size() + " segments" : "") + "): using " + describe(chosen)
                + "; its hive files were copied out with icat into a private temporary folder, removed afterwards");
        if (image.note() != null) {
            notes.add(image.note());
        }
        List<String> others = all.stream().filter(i -> i != chosen).map(ImageCases::describe).toList();
        if (!others.isEmpty()) {
            notes.add("also in the image, not analysed: " + String.join("; ", others));
        }
        return CaseFiles.locate(x.folder(), null, null).fromImage(x.origins(), notes);
    }

    /** "volume 2 (NTFS "DATA", offset 1048576): WINDOWS". */
    public static String describe(WindowsInstallation i) {
        return describe(i.volume()) + ": " + i.systemRoot();
    }

    /** "volume 2 (NTFS "DATA", offset 1048576)". */
    public static String describe(Volume v) {
        return "volume " + v.number() + " (" + (v.fileSystem() == null ? "no file system recognised" : v.fileSystem())
                + (v.label() == null ? "" : " \"" + v.label() + "\"") + ", offset " + v.offsetBytes() + ")";
    }

    private static String volumes(OpenedImage image) throws IOException {
        return String.join("; ", image.volumes().stream().map(ImageCases::describe).toList());
    }
}

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
        return locate(image, volume == null ? null : String.valueOf(volume));
    }

    /**
     * The case files of one installation in the image, chosen as {@code --volume} names it.
     *
     * @param choice {@code N} (the installation on volume N), {@code N.M} (the M-th installation on volume
     *     N, as {@code portmortem image} numbers them), or {@code null} when the image must hold exactly one
     * @throws AmbiguousCaseException when more than one installation is found and none (or only a volume
     *     holding several) was chosen
     * @throws InputException when there is no installation (on that volume)
     * @throws IllegalArgumentException when the choice is neither N nor N.M
     */
    public static CaseFiles locate(OpenedImage image, String choice) throws IOException {
        List<WindowsInstallation> all = image.installations();
        List<WindowsInstallation> pool = all;
        if (choice != null) {
            java.util.regex.Matcher m = CHOICE.matcher(choice.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("--volume " + choice + ": give N (a volume) or N.M (installation M"
                        + " on volume N), as 'portmortem image' numbers them");
            }
            int v = Integer.parseInt(m.group(1));
            pool = all.stream().filter(i -> i.volume().number() == v).toList();
            if (m.group(2) != null) {
                int n = Integer.parseInt(m.group(2));
                pool = n >= 1 && n <= pool.size() ? List.of(pool.get(n - 1)) : List.of();
            }
        }
        if (pool.isEmpty()) {
            throw new InputException(
                    image.image().path(),
                    choice == null
                            ? "no Windows installation found (no System32/config/SYSTEM at the root of an NTFS volume); volumes: "
                                    + volumes(image)
                            : "no Windows installation " + choice + "; installations: "
                                    + (all.isEmpty() ? "none" : String.join("; ", listed(image, all)))
                                    + "; volumes: " + volumes(image));
        }
        if (pool.size() > 1) {
            throw new AmbiguousCaseException(
                    image.image().path() + ": " + pool.size() + " Windows installations"
                            + (choice == null ? "" : " on volume " + choice)
                            + "; choose one with --volume N, or --volume N.M"
                            + " for installation M of volume N",
                    listed(image, pool));
        }
        WindowsInstallation chosen = pool.get(0);
        ExtractedInstallation x = image.extract(chosen);
        List<String> notes = new ArrayList<>();
        notes.add("image " + image.image().path() + " ("
                + image.image().format().word()
                + (image.image().segments().size() > 1
                        ? ", " + image.image().segments().size() + " segments"
                        : "") + "): using installation " + image.number(chosen)
                + ", " + describe(chosen)
                + "; its hive files were copied out with icat into a private temporary folder,"
                + " removed afterwards");
        if (image.note() != null) {
            notes.add(image.note());
        }
        List<String> others =
                listed(image, all.stream().filter(i -> i != chosen).toList());
        if (!others.isEmpty()) {
            notes.add("also in the image, not analysed: " + String.join("; ", others));
        }
        return CaseFiles.locate(x.folder(), null, null).fromImage(x.origins(), notes);
    }

    /** {@code N} or {@code N.M}. */
    private static final java.util.regex.Pattern CHOICE =
            java.util.regex.Pattern.compile("(\\d{1,4})(?:\\.(\\d{1,4}))?");

    /** Each installation as "1.2 volume 1 (NTFS "SYS", offset 1048576): Windows.old/Windows". */
    private static List<String> listed(OpenedImage image, List<WindowsInstallation> installations) throws IOException {
        List<String> out = new ArrayList<>();
        for (WindowsInstallation i : installations) {
            out.add(image.number(i) + " " + describe(i));
        }
        return out;
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
        return String.join(
                "; ", image.volumes().stream().map(ImageCases::describe).toList());
    }
}

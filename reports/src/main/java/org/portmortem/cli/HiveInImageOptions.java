package org.portmortem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.portmortem.InputException;
import org.portmortem.cases.ImageCases;
import org.portmortem.image.DiskImage;
import org.portmortem.image.ExtractedFile;
import org.portmortem.image.ImageFileOrigin;
import org.portmortem.image.ImageFormat;
import org.portmortem.image.OpenedImage;
import org.portmortem.image.Volume;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options {@code rip} and {@code dump} share to read a hive inside a disk image: the command's HIVE
 * is then the image, {@code --hive-path} the hive's path from the volume's root (any case) and
 * {@code --volume N} the volume, when the path exists on more than one. The hive and the
 * {@code .LOG}/{@code .LOG1}/{@code .LOG2} beside it are copied out by {@link OpenedImage} into its
 * private temporary folder, which {@link #close} removes (the command line closes every mixin that holds
 * resources once the command has run). Used as a picocli mixin.
 */
public final class HiveInImageOptions implements AutoCloseable {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--hive-path",
            paramLabel = "PATH",
            description = "HIVE is a disk image (E01, raw/dd, also split, VHD, VHDX, VMDK): read the hive at PATH from"
                    + " the volume's root, e.g. Windows/System32/config/SYSTEM (names in any case, / or \\), with the"
                    + " .LOG/.LOG1/.LOG2 beside it, copied out with The Sleuth Kit's icat into a private temporary"
                    + " folder removed afterwards.")
    String hivePath;

    @Option(
            names = "--volume",
            paramLabel = "N",
            description = "With --hive-path: the volume to read it from, as 'portmortem image' numbers them (needed"
                    + " only when the path exists on more than one volume).")
    Integer volume;

    private OpenedImage image;
    private ExtractedFile extracted;

    /**
     * The hive file to open: the copy out of the image with {@code --hive-path}, else {@code given} itself.
     *
     * @throws ParameterException for an image given without {@code --hive-path}, or {@code --volume} without it
     * @throws InputException when the image holds no such file (one line naming the image and the volumes)
     */
    public Path hiveFile(Path given) throws IOException {
        if (extracted != null) {
            return extracted.file();
        }
        if (hivePath == null) {
            if (volume != null) {
                throw new ParameterException(
                        mixee.commandLine(), "--volume applies to a disk image read with --hive-path");
            }
            Optional<DiskImage> d = Files.isRegularFile(given) ? DiskImage.recognise(given) : Optional.empty();
            // Raw is recognised by elimination (any other large binary file); only a container is surely an image.
            if (d.isPresent() && d.get().format() != ImageFormat.RAW) {
                throw new ParameterException(
                        mixee.commandLine(),
                        given + " is a disk image (" + d.get().format().word()
                                + "): name the hive in it with --hive-path, e.g. --hive-path Windows/System32/config/SYSTEM");
            }
            return given;
        }
        DiskImage d = DiskImage.recognise(given)
                .orElseThrow(() -> new InputException(
                        given,
                        Files.isRegularFile(given)
                                ? "is a hive or text file, not a disk image (--hive-path reads a hive inside a disk image)"
                                : "no such image file"));
        image = OpenedImage.open(d);
        List<Volume> volumes = image.volumes();
        List<ExtractedFile> found = new ArrayList<>();
        for (Volume v : volumes) {
            if (volume == null || v.number() == volume) {
                image.extractFile(v, hivePath).ifPresent(found::add);
            }
        }
        if (volume != null && volumes.stream().noneMatch(v -> v.number() == volume)) {
            throw new InputException(given, "no volume " + volume + "; volumes: " + listed(volumes));
        }
        if (found.isEmpty()) {
            throw new InputException(
                    given,
                    "no file " + hivePath + " on " + (volume == null ? "any NTFS volume" : "volume " + volume)
                            + "; volumes: " + listed(volumes));
        }
        if (found.size() > 1) {
            throw new ParameterException(
                    mixee.commandLine(),
                    given + ": " + hivePath + " is on " + found.size()
                            + " volumes; choose one with --volume N:" + System.lineSeparator() + "  "
                            + found.stream()
                                    .map(f -> f.origin().shown())
                                    .collect(Collectors.joining(System.lineSeparator() + "  ")));
        }
        extracted = found.get(0);
        return extracted.file();
    }

    /** Where the hive came from in the image, or empty when it was given as a file. */
    public Optional<ImageFileOrigin> origin() {
        return extracted == null ? Optional.empty() : Optional.of(extracted.origin());
    }

    /** How messages name the hive: {@code IMAGE (volume N) : PATH} for a copy out of an image, else the path. */
    public String shown(Path given) {
        return extracted == null ? String.valueOf(given) : extracted.origin().shown();
    }

    /**
     * One line saying where the hive and its logs came from, for a copy out of an image: the examiner can
     * find the same bytes again with {@code icat -o OFFSET IMAGE MFTENTRY}.
     */
    public Optional<String> provenanceNote() {
        if (extracted == null) {
            return Optional.empty();
        }
        ImageFileOrigin o = extracted.origin();
        List<String> logs = extracted.origins().values().stream()
                .filter(x -> x != o)
                .map(x -> x.pathInImage().substring(x.pathInImage().lastIndexOf('/') + 1) + " (MFT entry "
                        + x.mftEntry() + ")")
                .sorted()
                .toList();
        return Optional.of("hive copied out of " + o.shown() + " (" + o.format().word() + ", offset " + o.offset()
                + ", MFT entry " + o.mftEntry() + ")"
                + (logs.isEmpty()
                        ? ", no transaction log beside it"
                        : ", with " + String.join(", ", logs) + " beside it")
                + ", into a private temporary folder removed"
                + " afterwards");
    }

    private static String listed(List<Volume> volumes) {
        return volumes.stream().map(ImageCases::describe).collect(Collectors.joining("; "));
    }

    /** Removes what was copied out of the image. */
    @Override
    public void close() {
        if (image != null) {
            image.close();
            image = null;
            extracted = null;
        }
    }
}

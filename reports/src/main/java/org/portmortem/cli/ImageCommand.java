package org.portmortem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.portmortem.InputException;
import org.portmortem.cases.CaseFiles;
import org.portmortem.cases.CaseHives;
import org.portmortem.cases.HiveSet;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.image.DiskImage;
import org.portmortem.image.ExtractedInstallation;
import org.portmortem.image.OpenedImage;
import org.portmortem.image.Volume;
import org.portmortem.image.WindowsInstallation;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portmortem image}: what a disk image holds, before analysing it: its volumes, the Windows
 * installations on them with the computer name and version their hives record, and the hive sets
 * (live, RegBack, repair) of each.
 */
@Command(
        addMethodSubcommands = false,
        name = "image",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "%n",
        header = "List the volumes and Windows installations of a disk image.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Reads IMAGE through The Sleuth Kit (Debian package sleuthkit: mmls, fsstat, fls, icat, istat): an E01"
                    + " (also split .E01, .E02, ...), a raw/dd image (also split .001, .002, ...), a VHD, a VMDK, or a"
                    + " VHDX (converted to raw with qemu-img, package qemu-utils, in a private temporary folder first).",
            "",
            "Lists every volume the partition table (MBR or GPT) holds, or the whole image when it is a bare"
                    + " volume: its number, byte offset, size, partition type, file system and label. On each NTFS"
                    + " volume, every Windows installation (a folder at the root with System32/config/SYSTEM, any"
                    + " case: Windows, XP's WINDOWS, 2000's WINNT; and such a folder inside a root Windows.old, what an"
                    + " upgrade leaves), numbered N.M (installation M of volume N), with the computer name and Windows"
                    + " version read from its hives, and its hive sets: the live config folder with the"
                    + " .LOG/.LOG1/.LOG2 beside each hive, config/RegBack and XP's repair folder; an empty (zero-byte)"
                    + " RegBack file is shown as empty.",
            "",
            "The numbers are those --volume takes in analyze, system, services, listeners, rpc and diff when the"
                    + " image holds more than one installation: --volume N for the one installation of volume N,"
                    + " --volume N.M when volume N holds several. Those commands take the image in place of a case"
                    + " folder; rip and dump take it with --hive-path.",
            "",
            "Nothing is written beside the image: the hives are copied out with icat into a private temporary"
                    + " folder (owner-only permissions) that is removed before the command ends. Volume Shadow Copies"
                    + " are not read yet.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem image evidence/laptop.E01",
            "  portmortem image disk.vhdx --volume 2",
            "  portmortem listeners disk.vmdk --volume 2",
            "  portmortem system disk.E01 --volume 1.2     (installation 2 of volume 1, e.g. Windows.old/Windows)",
            "",
            "Exit codes:",
            "  0  the image was listed",
            "  2  usage error",
            "  3  IMAGE is missing or not a disk image The Sleuth Kit can read, or a tool is missing",
            "  4  internal error (a bug; --debug shows the stack trace) or out of memory",
        })
public final class ImageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The disk image (first segment of a split one).")
    Path imagePath;

    @Option(names = "--volume", paramLabel = "N", description = "List only volume N.")
    Integer volume;

    @Override
    public Integer call() throws IOException {
        Optional<DiskImage> recognised = DiskImage.recognise(imagePath);
        if (recognised.isEmpty()) {
            throw new InputException(
                    imagePath,
                    java.nio.file.Files.isRegularFile(imagePath)
                            ? "a hive or text file, not a disk image"
                            : "no such image file");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (OpenedImage image = OpenedImage.open(recognised.get())) {
            DiskImage d = image.image();
            out.println("image " + d.path() + "  format " + d.format().word() + "  "
                    + d.segments().size() + " file" + (d.segments().size() == 1 ? "" : "s"));
            if (image.note() != null) {
                out.println("  " + image.note());
            }
            List<WindowsInstallation> installations = image.installations();
            for (Volume v : image.volumes()) {
                if (volume != null && v.number() != volume) {
                    continue;
                }
                out.printf(
                        "volume %d  offset %d  sectors %s  %s  %s  label %s%n",
                        v.number(),
                        v.offsetBytes(),
                        v.lengthSectors() == 0 ? "-" : v.lengthSectors(),
                        visible(v.description()),
                        v.fileSystem() == null ? "no file system recognised" : v.fileSystem(),
                        v.label() == null ? "-" : "\"" + visible(v.label()) + "\"");
                for (WindowsInstallation i : installations) {
                    if (i.volume().number() == v.number()) {
                        installation(image, i, out);
                    }
                }
            }
            if (installations.size() > 1) {
                out.println(installations.size() + " Windows installations: give --volume N to analyze, system,"
                        + " services, listeners, rpc and diff (--volume N.M for installation N.M when a volume holds"
                        + " more than one)");
            } else if (installations.isEmpty()) {
                out.println("no Windows installation found");
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private void installation(OpenedImage image, WindowsInstallation i, PrintWriter out) throws IOException {
        ExtractedInstallation x = image.extract(i);
        CaseFiles files = CaseFiles.locate(x.folder(), null, null);
        String name = "-";
        String version = "-";
        try (CaseHives hives = CaseHives.open(files, HiveOpenOptions.DEFAULT)) {
            SystemModel m = hives.model(ModelOptions.DEFAULT);
            name = m.identity().computerName().orElse("-");
            version = m.version().productName().orElse(m.family().toString())
                    + (m.version().csdVersion().orElse("").isEmpty()
                            ? ""
                            : " " + m.version().csdVersion().orElse(""));
        } catch (IOException e) {
            version = "hives unreadable: " + e.getMessage();
        }
        out.printf(
                "  installation %s  %s  computer %s  %s%n",
                image.number(i), visible(i.systemRoot()), visible(name), visible(version));
        List<String> sets = new ArrayList<>();
        sets.add("live " + visible(i.configPath()) + " ("
                + names(x.folder(), files.system(), files.software(), files.systemLogs(), files.softwareLogs()) + ")");
        for (HiveSet c : files.copies()) {
            sets.add(visible(c.describe(x.folder())));
        }
        sets.forEach(s -> out.println("    hive set " + s));
    }

    private static String names(Path base, Path system, Path software, List<Path> systemLogs, List<Path> softwareLogs) {
        List<String> n = new ArrayList<>();
        n.add(system.getFileName().toString());
        systemLogs.forEach(p -> n.add(p.getFileName().toString()));
        if (software != null) {
            n.add(software.getFileName().toString());
            softwareLogs.forEach(p -> n.add(p.getFileName().toString()));
        }
        return visible(String.join(", ", n));
    }

    /** Names and labels come from the image: control characters shown as escapes. */
    private static String visible(String s) {
        return DumpCommand.TextPrinter.visible(s);
    }
}

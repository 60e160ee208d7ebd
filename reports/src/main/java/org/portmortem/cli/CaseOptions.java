package org.portmortem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.analysis.AnalysisRequest;
import org.portmortem.analysis.CaseAnalysis;
import org.portmortem.analysis.Prediction;
import org.portmortem.cases.AmbiguousCaseException;
import org.portmortem.cases.CaseFiles;
import org.portmortem.cases.ImageCases;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.image.DiskImage;
import org.portmortem.image.OpenedImage;
import org.portmortem.model.ModelOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The options every subcommand that reads a case shares: the case folder or the hive files, the
 * control set, whether to replay transaction logs, and the .reg overlays to apply before analysis.
 * Used as a picocli mixin.
 *
 * <p>CASE may also be a disk image (E01, raw/dd, VHD, VHDX, VMDK): the hives of its Windows
 * installation are copied out into a private temporary folder, which {@link #close} removes (the
 * command line closes every mixin that holds resources once the command has run).
 */
public final class CaseOptions implements AutoCloseable {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "CASE",
            description = "The case folder holding the hives, found by name in any case (SYSTEM, SOFTWARE, with or"
                    + " without .hiv/.reg), also in a triage tree such as C/Windows/System32/config/; or a disk image"
                    + " (E01, raw/dd, also split, VHD, VHDX, VMDK) read through The Sleuth Kit.")
    Path caseFolder;

    @Option(
            names = "--volume",
            paramLabel = "N[.M]",
            description = "With a disk image holding more than one Windows installation: use the one on volume N,"
                    + " or installation M of volume N (N.M: two installations on one volume, e.g. Windows and"
                    + " Windows.old/Windows), as 'portmortem image' numbers them.")
    String volume;

    @Option(
            names = "--system",
            paramLabel = "FILE",
            description = "The SYSTEM hive (binary regf or .reg export), instead of finding it in CASE.")
    Path system;

    @Option(
            names = "--software",
            paramLabel = "FILE",
            description = "The SOFTWARE hive, instead of finding it in CASE. Without one, the model is built from"
                    + " SYSTEM alone and says what it inferred.")
    Path software;

    @Option(
            names = "--control-set",
            paramLabel = "N",
            description = "Analyse ControlSet00N instead of the one the next boot would use (Select\\Current).")
    Integer controlSet;

    @Option(
            names = "--no-logs",
            description = "Read the hive files as they are, without replaying their .LOG/.LOG1/.LOG2 transaction logs.")
    boolean noLogs;

    @Option(
            names = "--overlay",
            paramLabel = "F.reg",
            description = "A .reg file whose additions and deletions are applied to in-memory copies of the hives"
                    + " before analysis (what-if: \"what if I applied this baseline?\"); repeatable, applied in order."
                    + " The evidence files are never changed.")
    List<Path> overlays = new ArrayList<>();

    /** The case folder, if one was given. */
    public Path caseFolder() {
        return caseFolder;
    }

    /** The overlays, in the order given. */
    public List<Path> overlays() {
        return List.copyOf(overlays);
    }

    /** How to open the hive files (with or without transaction-log replay). */
    public HiveOpenOptions hiveOpenOptions() {
        return noLogs ? HiveOpenOptions.NO_LOGS : HiveOpenOptions.DEFAULT;
    }

    private OpenedImage image;
    private CaseFiles imageFiles;

    /** The hive files, found or given; for a disk image, copied out of it (once). */
    public CaseFiles files() throws IOException {
        if (caseFolder == null && system == null) {
            throw new ParameterException(mixee.commandLine(), "give a CASE folder or --system FILE");
        }
        try {
            if (caseFolder != null && Files.isRegularFile(caseFolder) && system == null) {
                return imageFiles();
            }
            if (volume != null) {
                throw new ParameterException(mixee.commandLine(), "--volume applies to a disk image given as CASE");
            }
            return CaseFiles.locate(caseFolder, system, software);
        } catch (AmbiguousCaseException e) {
            throw new ParameterException(
                    mixee.commandLine(),
                    e.summary() + ":" + System.lineSeparator() + "  "
                            + String.join(System.lineSeparator() + "  ", e.choices()));
        }
    }

    private CaseFiles imageFiles() throws IOException {
        if (imageFiles != null) {
            return imageFiles;
        }
        Optional<DiskImage> recognised = DiskImage.recognise(caseFolder);
        if (recognised.isEmpty()) {
            throw new org.portmortem.InputException(
                    caseFolder,
                    "is a hive or text file, not a case folder or disk image" + " (use --system FILE for a hive)");
        }
        image = OpenedImage.open(recognised.get());
        try {
            imageFiles = ImageCases.locate(image, volume);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
        return imageFiles;
    }

    /**
     * How the report shows files in the private temporary folder of an image that are not copies with an
     * origin (those are shown as {@code IMAGE (volume N) : PATH} by the request itself): under the image's
     * name, never the temporary folder's; {@code null} for a case folder.
     */
    public AnalysisRequest.PathLabels labels() {
        if (image == null || imageFiles == null) {
            return null;
        }
        return new AnalysisRequest.PathLabels(image.workspace(), caseFolder.toString());
    }

    /** Every file of the disk image given as CASE (the segments of a split one), for the output guard; else none. */
    public List<Path> imageSegments() {
        return image == null ? List.of() : image.image().segments();
    }

    /** Removes what was copied out of a disk image. */
    @Override
    public void close() {
        if (image != null) {
            image.close();
            image = null;
            imageFiles = null;
        }
    }

    /**
     * Runs the pipeline's stages up to the exposure on this case ({@link CaseAnalysis#predict}): what the
     * case-reading subcommands render, with the same warnings {@code analyze} reports for the same inputs.
     */
    public Prediction predict() throws IOException {
        AnalysisRequest request = new AnalysisRequest(
                files(),
                List.of(),
                overlays(),
                modelOptions(),
                hiveOpenOptions(),
                new AnalysisRequest.RunInfo(PortMortemCommand.version(), java.time.Instant.now(), null, null),
                labels());
        return new CaseAnalysis().predict(request);
    }

    /** The model options (control set override). */
    public ModelOptions modelOptions() {
        return controlSet == null ? ModelOptions.DEFAULT : ModelOptions.withControlSet(controlSet);
    }
}

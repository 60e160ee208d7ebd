package org.portmortem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.portmortem.InputException;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;
import org.portmortem.report.rip.RegRipperText;
import org.portmortem.report.rip.RipCsv;
import org.portmortem.report.rip.RipJson;
import org.portmortem.report.rip.RipTimeline;
import org.portmortem.report.text.TerminalText;
import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipPlugin;
import org.portmortem.ripper.RipPlugins;
import org.portmortem.ripper.RipRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code portmortem rip -r HIVE -p PLUGIN | -f PROFILE | --list}: RegRipper's plugins, without Perl. */
@Command(
        addMethodSubcommands = false,
        name = "rip",
        header = "Run RegRipper-style plugins on a hive.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs ports of RegRipper 3.0 plugins (same names, same facts) on a hive, read by PortMortem's reader:"
                    + " transaction logs are replayed (RegRipper reads the primary file alone), the control set is the"
                    + " one Select\\Current names (some RegRipper plugins hard-code ControlSet001), and a damaged hive"
                    + " is read as far as it can be, with warnings. Where the output differs from RegRipper's because"
                    + " of this, lines starting 'PortMortem:' say so.",
            "",
            "Formats:",
            "  text  for a RegRipper 3.0 plugin, RegRipper's own lines: diff -I '^PortMortem:' against regripper"
                    + " -p PLUGIN shows only the differences each plugin documents; for PortMortem's additions, a"
                    + " banner, then per key its LastWrite Time and name = data lines",
            "  csv   one row per fact: plugin, group, name, data, absent, lastWritten, hive, keyPath, valueName,"
                    + " valueType, error",
            "  json  {hive, hiveType, notes, plugins: [{name, hiveType, description, regRipperVersion, error,"
                    + " facts: [{group, name, data, lastWritten, evidence}]}]}; evidence as in the JSON report"
                    + " {hive, keyPath, valueName, valueType, data, lastWritten, note}, every time {utc, local} (local:"
                    + " the machine's time zone from a SYSTEM hive, else null)",
            "  tln   time|source|system|user|description, for the plugins RegRipper has a _tln variant of (svc,"
                    + " networklist, osversion), with that variant's lines",
            "",
            "HIVE may also be a disk image (E01, raw/dd, also split, VHD, VHDX, VMDK) with --hive-path PATH, the"
                    + " hive's path from the volume's root in any case (and --volume N when that path is on more than"
                    + " one volume): the hive and the .LOG/.LOG1/.LOG2 beside it are copied out with The Sleuth Kit's"
                    + " icat into a private temporary folder, removed afterwards; a PortMortem: line and json's image"
                    + " object say where in the image they were (volume, offset, path, MFT entry, image SHA-256).",
            "",
            "Text and tln show control, bidirectional and invisible characters from the hive as escapes (ESC as"
                    + " \\x1b, U+202E as \\u202E), so a hostile value cannot drive the terminal or reorder a line;"
                    + " --raw prints them as RegRipper does, byte for byte, for diffing against regripper's output.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem rip --list",
            "  portmortem rip -r SYSTEM -p compname",
            "  portmortem rip -r SYSTEM -f system > system.txt",
            "  portmortem rip -r SYSTEM -p svc --format tln >> timeline.tln",
            "  portmortem rip -r SYSTEM -p nic2 --format json --no-logs",
            "  portmortem rip -r laptop.E01 --hive-path Windows/System32/config/SYSTEM -p svc",
            "",
            "Exit codes:",
            "  0  the plugins ran (a plugin that fails prints its error and the others still run)",
            "  2  usage error: no hive, unknown plugin or profile, tln for a plugin without a timeline",
            "  3  the hive is missing, unreadable, not a hive, or of another kind than the plugin reads",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class RipCommand implements Callable<Integer> {
    /** How many reader warnings the text, csv and tln outputs show; json lists them all. */
    private static final int MAX_WARNINGS = 20;

    /** The output formats. */
    public enum Format {
        text,
        csv,
        json,
        tln
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-r", "--hive"},
            paramLabel = "HIVE",
            description = "The hive file to read (regf or .reg export), or a disk image with --hive-path.")
    Path hive;

    @Mixin
    HiveInImageOptions inImage;

    @Option(
            names = {"-p", "--plugin"},
            paramLabel = "PLUGIN",
            description = "The plugin to run (see --list).")
    String plugin;

    @Option(
            names = {"-f", "--profile"},
            paramLabel = "PROFILE",
            description = "Run every plugin for a kind of hive: system, software, ntuser, sam or security.")
    String profile;

    @Option(
            names = {"-l", "--list"},
            description = "List the plugins with the hive type they read and what they report.")
    boolean list;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, csv, json or tln (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--no-logs",
            description = "Read the hive file as it is, without replaying its .LOG/.LOG1/.LOG2 transaction logs"
                    + " (what RegRipper shows).")
    boolean noLogs;

    @Option(
            names = "--raw",
            description = "Text and tln: print the hive's characters as they are (RegRipper's exact bytes, for diff)"
                    + " instead of showing control and bidirectional characters as escapes.")
    boolean raw;

    @Option(
            names = "--control-set",
            paramLabel = "N",
            description = "Read ControlSet00N instead of the one Select\\Current names.")
    Integer controlSet;

    @Override
    public Integer call() throws Exception {
        boolean escaped = !raw && (format == Format.text || format == Format.tln);
        PrintWriter out = escaped
                ? TerminalText.writer(spec.commandLine().getOut())
                : spec.commandLine().getOut();
        if (list) {
            for (RipPlugin p : RipPlugins.all()) {
                out.printf(
                        "%-18s %-15s %s%s%n",
                        p.name(),
                        String.join(",", p.hiveTypes().stream().map(Enum::name).toList()),
                        p.description(),
                        p.regRipperVersion().isEmpty() ? " (PortMortem addition)" : "");
            }
            out.flush();
            return ExitCode.OK;
        }
        List<RipPlugin> plugins = chosen();
        Path file = inImage.hiveFile(hive);
        try (Hive h = Hive.open(file, noLogs ? HiveOpenOptions.NO_LOGS : HiveOpenOptions.DEFAULT)) {
            HiveType type = HiveType.of(h);
            for (RipPlugin p : plugins) {
                if (!p.reads(type)) {
                    String reads = String.join(
                            " or ", p.hiveTypes().stream().map(Enum::name).toList());
                    throw new InputException(
                            file,
                            "is " + (type == HiveType.OTHER ? "not a hive this tool recognises" : "a " + type + " hive")
                                    + "; plugin " + p.name() + " reads " + reads + " hives");
                }
            }
            RipContext context = RipContext.of(
                    h, controlSet == null ? ModelOptions.DEFAULT : ModelOptions.withControlSet(controlSet));
            List<RipRun> runs = new ArrayList<>();
            plugins.forEach(p -> runs.add(RipRun.of(p, context)));
            List<String> notes = new ArrayList<>();
            inImage.provenanceNote().ifPresent(notes::add);
            notes.addAll(context.notes());
            int shown = format == Format.json ? Integer.MAX_VALUE : MAX_WARNINGS;
            h.warnings().stream().limit(shown).forEach(w -> notes.add("reader warning: " + w));
            if (h.warnings().size() > shown) {
                notes.add((h.warnings().size() - MAX_WARNINGS) + " more reader warnings not shown (--format json lists"
                        + " them all)");
            }
            switch (format) {
                case csv -> RipCsv.write(runs, out);
                case json ->
                    RipJson.write(
                            h.name(),
                            type.name(),
                            inImage.origin().orElse(null),
                            notes,
                            runs,
                            context.timeZone().orElse(null),
                            out);
                case tln -> RipTimeline.write(runs, context.computerName().orElse(""), out);
                default -> RegRipperText.write(runs, notes, out);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private List<RipPlugin> chosen() {
        if (hive == null) {
            throw new ParameterException(spec.commandLine(), "give a hive with -r HIVE (or --list)");
        }
        if ((plugin == null) == (profile == null)) {
            throw new ParameterException(spec.commandLine(), "give either -p PLUGIN or -f PROFILE");
        }
        List<RipPlugin> plugins;
        if (plugin != null) {
            plugins = List.of(RipPlugins.named(plugin)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(),
                            "no plugin named '" + plugin + "' (portmortem rip --list shows them)")));
        } else {
            HiveType type = RipPlugins.profileType(profile)
                    .orElseThrow(() -> new ParameterException(
                            spec.commandLine(),
                            "no profile named '" + profile + "': system, software, ntuser, sam or security"));
            plugins = RipPlugins.profile(type);
            if (plugins.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "no plugin reads " + type + " hives yet");
            }
        }
        if (format == Format.tln) {
            plugins = plugins.stream().filter(RipPlugin::hasTimeline).toList();
            if (plugins.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--format tln: RegRipper has no _tln variant of "
                                + (plugin != null ? plugin : "any plugin of profile " + profile));
            }
        }
        return plugins;
    }
}

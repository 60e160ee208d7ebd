package org.portmortem.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.portmortem.analysis.Prediction;
import org.portmortem.report.text.SystemSummary;
import org.portmortem.report.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code portmortem system CASE}: a one-page summary of the machine the hives describe. */
@Command(
        addMethodSubcommands = false,
        name = "system",
        header = "Summarize the machine the hives describe.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Summarises the machine that the SYSTEM and SOFTWARE hives describe: Windows version, family and role;"
                    + " computer name, DNS and logon domain, time zone and last shutdown (UTC and local time);"
                    + " the control sets, which one the next boot uses and the Start values that differ between"
                    + " them; how many services and drivers would run at the next boot and which would fail to start;"
                    + " the svchost groups; the network interfaces with the address each would have at boot (static,"
                    + " or the last DHCP lease, marked as such) and their NetBIOS options; and every warning.",
            "",
            "Without a SOFTWARE hive, the version is inferred from SYSTEM alone and the summary says so.",
            "The hives are opened read-only; transaction logs are replayed in memory unless --no-logs is given."
                    + " Parts of a hive that cannot be read are skipped with a warning naming the file and offset;"
                    + " the summary ends with every warning analyze reports for the same hives.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem system case/                       (SYSTEM and SOFTWARE found by name)",
            "  portmortem system kape-output/                (finds C/Windows/System32/config/SYSTEM)",
            "  portmortem system --system SYSTEM --control-set 2",
            "",
            "Exit codes:",
            "  0  the summary was printed",
            "  2  usage error (no CASE and no --system)",
            "  3  a hive is missing, unreadable or not a hive, or --control-set names a missing set,"
                    + " or a hive of another kind than its role (e.g. SOFTWARE given as --system)",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class SystemCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions caseOptions;

    @Override
    public Integer call() throws Exception {
        Prediction p = caseOptions.predict();
        PrintWriter out = TerminalText.writer(spec.commandLine().getOut());
        new SystemSummary(p.bootPlan())
                .text(
                        out,
                        CaseWarnings.hiveStatus(p),
                        p.warnings().stream().map(CaseWarnings::line).toList());
        return ExitCode.OK;
    }
}

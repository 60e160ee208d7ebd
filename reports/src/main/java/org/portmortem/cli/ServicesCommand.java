package org.portmortem.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.portmortem.analysis.Prediction;
import org.portmortem.report.text.ServiceListing;
import org.portmortem.report.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code portmortem services CASE}: every service and driver, and whether it would run at the next boot. */
@Command(
        addMethodSubcommands = false,
        name = "services",
        header = "List services and drivers with the boot decision for each.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Lists every key under Services of the control set the next boot uses, with its Type, Start, ImagePath,"
                    + " ServiceDll, account, dependencies, svchost group and triggers, and decides whether it would run"
                    + " after the next boot, and why: boot and system drivers and automatic services run (delayed ones"
                    + " marked); demand-start services run when something starting depends on them; a service that"
                    + " needs a disabled or missing service or group, or is in a dependency cycle, would fail to start"
                    + " (the chain is given); trigger-start services run when a trigger fires at a normal boot.",
            "",
            "Parts of a hive that cannot be read are skipped with a warning on stderr naming the file and offset;"
                    + " every warning analyze reports for the same hives is printed there.",
            "",
            "Formats:",
            "  text  a table: name, Start, Type, runs, decision, host process, reason",
            "  csv   one row per service; lists joined with |",
            "  json  an array of services as the JSON report's bootPlan entries (same keys, same ids): id, name,"
                    + " displayName, kind (service|driver), type, start (integers as stored), startType (e.g."
                    + " \"automatic (2)\"), imagePath, imageFile (resolved), serviceDll, objectName, group,"
                    + " dependOnService[], dependOnGroup[], delayedAutostart, triggers[] {type, action, subtype,"
                    + " subtypeName, data[], firing, firingReason}, lastWritten {utc, local}, decision, willRun,"
                    + " reason, failureChain[], requiredBy[], host {kind, image, path, svchostGroup}, evidence[]",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem services case/",
            "  portmortem services case/ --format json > services.json",
            "  portmortem services case/ --running",
            "  portmortem services --system SYSTEM --software SOFTWARE --format csv",
            "",
            "Exit codes:",
            "  0  the list was printed",
            "  2  usage error",
            "  3  a hive is missing, unreadable or not a hive, or --control-set names a missing set,"
                    + " or a hive of another kind than its role (e.g. SOFTWARE given as --system)",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class ServicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions caseOptions;

    @Mixin
    TableFormatOption output;

    @Option(names = "--running", description = "List only what would be running after the next boot.")
    boolean runningOnly;

    @Override
    public Integer call() throws Exception {
        Prediction p = caseOptions.predict();
        ServiceListing listing = new ServiceListing(p.bootPlan(), runningOnly);
        PrintWriter out = spec.commandLine().getOut();
        switch (output.format()) {
            case json -> listing.json(out);
            case csv -> listing.csv(out);
            default -> listing.text(TerminalText.writer(out));
        }
        CaseWarnings.print(spec.commandLine().getErr(), p.warnings());
        return ExitCode.OK;
    }
}

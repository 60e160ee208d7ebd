package org.portmortem.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.portmortem.report.Csv;
import org.portmortem.report.json.JsonFields;
import org.portmortem.report.json.SocketJson;
import org.portmortem.report.text.TerminalText;
import org.portmortem.snapshot.MemoryRecord;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.PhantomListener;
import org.portmortem.snapshot.ProcessTable;
import org.portmortem.snapshot.RecognizedSnapshot;
import org.portmortem.snapshot.SnapshotFiles;
import org.portmortem.snapshot.SnapshotKind;
import org.portmortem.snapshot.SnapshotReader;
import org.portmortem.snapshot.SnapshotWarning;
import org.portmortem.snapshot.Socket;
import org.portmortem.snapshot.SocketOwners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portmortem netstat}: prints the normalized sockets of one snapshot file. */
@Command(
        addMethodSubcommands = false,
        name = "netstat",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "%n",
        header = "Normalize a netstat or PowerShell socket listing.",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Reads FILE, recognised by its content: netstat -an, -ano, -anob (with service tags and [image]"
                    + " lines) or -p subsets from Windows 2000 to 11 in any display language, or PowerShell"
                    + " Get-NetTCPConnection / Get-NetUDPEndpoint as a table or Export-Csv. The encoding is"
                    + " detected (UTF-16 or UTF-8 with or without BOM, OEM code pages 437/850/852/866, ANSI 1252).",
            "",
            "Each socket is printed with protocol, IP version, local and foreign address and port, the state"
                    + " in English (LISTENING, ESTABLISHED, ...; none for UDP), the PID, and the owning process and"
                    + " services: from netstat -b lines, else from the tasklist given with --tasklist, else from the"
                    + " only tasklist found beside FILE. PID 4 without a tasklist is the kernel (System).",
            "",
            "Also the socket listings of memory images and live-response collections: Volatility 3"
                    + " windows.netscan / windows.netstat (quick, csv, json, jsonl), Volatility 2 netscan, connscan,"
                    + " connections, sockets, sockscan, Velociraptor Windows.Network.Netstat[Enriched], KAPE"
                    + " Get-NetworkConnection and Kansa Get-Netstat. Each row keeps its offset, creation time and mark"
                    + " (live, closed, duplicate of an earlier offset, unbound, implausible); the listing's tool, plugin,"
                    + " renderer and version are printed under the table. Volatility pslist, cmdline and svcscan"
                    + " beside FILE name the owners as tasklist /svc does; an owner cut to 14 characters is matched by"
                    + " prefix and marked so.",
            "",
            "Lines that cannot be read are reported on stderr as FILE:LINE: warnings; everything else is read."
                    + " A 0.0.0.0:P LISTENING line whose port P is the local port of a connection is noted on"
                    + " stderr: Windows 2000 and XP list every outgoing connection's port so."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem netstat case/netstat-ano.txt",
            "  portmortem netstat case/ns.txt --tasklist case/tasklist-svc.csv --format json",
            "",
            "JSON: an array of sockets as the JSON report writes them (observed.snapshots[].sockets[].socket):"
                    + " protocol, ipVersion, localAddress, localPort (as printed: a number, or a resolved service"
                    + " name), localEndpoint, foreignEndpoint, state (null for UDP), stateText (as printed), pid,"
                    + " process, services[], line, memory (null for netstat; for Volatility, Velociraptor, KAPE and"
                    + " Kansa rows: offset, created, createdUtc, mark live|closed|duplicate|unbound|implausible,"
                    + " markReason, duplicateOf, listing, ownerNote). The listing's source (tool, plugin, renderer,"
                    + " version) is printed on stderr.",
            "",
            "Exit codes:",
            "  0  the file was read (warnings may have been printed)",
            "  2  usage error",
            "  3  FILE or the tasklist is missing, unreadable, or not such a snapshot",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class NetstatCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format {
        text,
        csv,
        json
    }

    @Parameters(index = "0", paramLabel = "FILE", description = "The socket listing to read (opened read-only).")
    Path file;

    @Option(
            names = "--tasklist",
            paramLabel = "FILE",
            description = "A tasklist /svc (table or /fo csv) or plain tasklist of the same machine, for process"
                    + " and service names.")
    Path tasklist;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (an aligned table, the default), csv (the JSON fields as columns, services joined"
                    + " with |) or json.")
    Format format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = TerminalText.writer(spec.commandLine().getErr());
        NetstatSnapshot snapshot = SnapshotReader.readSockets(file);
        Optional<ProcessTable> processes = processTable(err);
        snapshot = SocketOwners.attach(snapshot, processes);
        for (SnapshotWarning w : snapshot.warnings()) {
            err.println("portmortem: warning: " + w);
        }
        processes.ifPresent(p -> p.warnings().forEach(w -> err.println("portmortem: warning: " + w)));
        for (PhantomListener p : PhantomListener.findIn(snapshot)) {
            err.println("portmortem: note: " + file + ":" + p.listener().line() + ": "
                    + p.listener().localEndpoint()
                    + " LISTENING is also the local port of a connection (line "
                    + p.evidence().get(0).line()
                    + "); a Windows 2000/XP netstat lists such ports as listening (fixed in Server 2003)");
        }
        if (format != Format.text && snapshot.source() != null) {
            // The text table prints the listing's source under it; JSON and CSV rows carry none.
            err.println("portmortem: source: " + snapshot.source().describe()
                    + (snapshot.latestCreated() == null
                            ? ""
                            : "; captured no earlier than " + snapshot.latestCreated() + " (latest Created)"));
        }
        if (format == Format.json) {
            printJson(out, snapshot);
        } else if (format == Format.csv) {
            printCsv(out, snapshot);
        } else {
            printTable(TerminalText.writer(out), snapshot);
        }
        out.flush();
        err.flush();
        return ExitCode.OK;
    }

    private Optional<ProcessTable> processTable(PrintWriter err) throws IOException {
        if (tasklist != null) {
            return Optional.of(SnapshotReader.readProcesses(tasklist));
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null) {
            return Optional.empty();
        }
        List<RecognizedSnapshot> tables = SnapshotFiles.findInFolder(folder).stream()
                .filter(r -> !r.kind().listsSockets())
                .toList();
        if (tables.size() == 1) {
            err.println("portmortem: owners from " + tables.get(0).file());
            return Optional.of(SnapshotReader.readProcesses(tables.get(0).file()));
        }
        if (tables.size() > 1
                && tables.stream()
                        .allMatch(t -> t.kind() == SnapshotKind.VOLATILITY_PROCESSES
                                || t.kind() == SnapshotKind.VOLATILITY_SERVICES)) {
            // pslist, cmdline and svcscan of one image: together they are what tasklist /svc is.
            ProcessTable merged = null;
            for (RecognizedSnapshot t : tables) {
                err.println("portmortem: owners from " + t.file());
                ProcessTable p = SnapshotReader.readProcesses(t.file());
                merged = merged == null ? p : ProcessTable.merge(merged, p);
            }
            return Optional.of(merged);
        }
        if (tables.size() > 1) {
            err.println("portmortem: " + tables.size() + " tasklists beside " + file + "; choose one with --tasklist");
        }
        return Optional.empty();
    }

    /**
     * Streams the array, one socket at a time, so a large listing needs no second copy in memory. Each
     * socket is the report's socket object ({@link SocketJson}).
     */
    private static void printJson(PrintWriter out, NetstatSnapshot snapshot) throws IOException {
        try (JsonGenerator g = JsonFields.indented(out)) {
            g.writeStartArray();
            for (Socket s : snapshot.sockets()) {
                ObjectNode o = JsonFields.object();
                SocketJson.write(o, s);
                JsonFields.write(g, o);
            }
            g.writeEndArray();
        }
        out.println();
    }

    /** An endpoint column holds an IPv6 address with zone and port; wider than a name. */
    private static final int ENDPOINT_WIDTH = 60;

    /**
     * One row per socket, written by {@link Csv}: the socket's fields with the foreign endpoint as address
     * and port, a memory row's offset, creation time and mark last.
     */
    private static void printCsv(PrintWriter out, NetstatSnapshot snapshot) {
        out.print(Csv.row(
                "protocol",
                "ipVersion",
                "localAddress",
                "localPort",
                "foreignAddress",
                "foreignPort",
                "state",
                "stateText",
                "pid",
                "process",
                "services",
                "line",
                "offset",
                "created",
                "mark"));
        for (Socket s : snapshot.sockets()) {
            MemoryRecord m = s.memory();
            out.print(Csv.row(java.util.Arrays.asList(
                            s.protocol().name(),
                            s.ipVersion(),
                            s.localAddress(),
                            s.localPort(),
                            s.foreignAddress(),
                            s.foreignPort(),
                            s.state() == null ? null : s.state().name(),
                            s.stateText(),
                            s.pid(),
                            s.process(),
                            String.join("|", s.services()),
                            s.line(),
                            m == null ? null : m.offset(),
                            m == null ? null : m.createdText(),
                            m == null ? null : m.mark().name().toLowerCase(java.util.Locale.ROOT))
                    .stream()
                    .map(v -> v == null ? "" : String.valueOf(v))
                    .toList()));
        }
    }

    /** The row's cells, escaped and each cut to its column's cap, so one long name cannot widen every row. */
    private static String[] cells(Socket s) {
        String[] netstat = {
            s.protocol().name(),
            TerminalText.cell(s.localEndpoint(), ENDPOINT_WIDTH),
            TerminalText.cell(s.foreignEndpoint(), ENDPOINT_WIDTH),
            s.state() == null ? "" : s.state().name(),
            s.pid() == null ? "" : s.pid().toString(),
            TerminalText.cell(s.process(), TerminalText.NAME_WIDTH),
            TerminalText.cell(String.join(",", s.services()), TerminalText.NAME_WIDTH)
        };
        if (s.memory() == null) {
            return netstat;
        }
        String[] withMemory = java.util.Arrays.copyOf(netstat, netstat.length + 3);
        withMemory[netstat.length] =
                s.memory().offset() == null ? "" : TerminalText.cell(s.memory().offset(), ENDPOINT_WIDTH);
        withMemory[netstat.length + 1] = s.memory().createdText() == null
                ? ""
                : TerminalText.cell(s.memory().createdText(), ENDPOINT_WIDTH);
        withMemory[netstat.length + 2] = TerminalText.cell(s.memory().markText(), TerminalText.NAME_WIDTH);
        return withMemory;
    }

    /** Two passes over the sockets (widths, then lines) instead of holding every cell. */
    private static void printTable(PrintWriter out, NetstatSnapshot snapshot) {
        String[] header = snapshot.source() == null
                ? new String[] {"Proto", "Local Address", "Foreign Address", "State", "PID", "Process", "Services"}
                : new String[] {
                    "Proto",
                    "Local Address",
                    "Foreign Address",
                    "State",
                    "PID",
                    "Process",
                    "Services",
                    "Offset",
                    "Created",
                    "Mark"
                };
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
        }
        for (Socket s : snapshot.sockets()) {
            String[] r = cells(s);
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        printRow(out, header, width);
        for (Socket s : snapshot.sockets()) {
            printRow(out, cells(s), width);
        }
        out.println();
        out.println(snapshot.sockets().size() + " sockets; "
                + snapshot.kind().name().toLowerCase(java.util.Locale.ROOT)
                + ", encoding " + snapshot.encoding()
                + (snapshot.language() == null ? "" : ", language " + snapshot.language())
                + (snapshot.flags().isEmpty()
                        ? ""
                        : ", flags -" + String.join("", new java.util.TreeSet<>(snapshot.flags())))
                + (snapshot.warnings().isEmpty()
                        ? ""
                        : ", " + snapshot.warnings().size() + " warnings"));
        if (snapshot.source() != null) {
            long live = snapshot.sockets().stream().filter(Socket::isLive).count();
            out.println("source: " + snapshot.source().describe() + "; " + live + " live rows, "
                    + (snapshot.sockets().size() - live) + " closed, unbound, duplicate or implausible"
                    + (snapshot.latestCreated() == null
                            ? ""
                            : "; captured no earlier than " + snapshot.latestCreated() + " (latest Created)"));
        }
    }

    /** One table line: PID right-aligned, other columns left-aligned, two spaces between columns. */
    private static void printRow(PrintWriter out, String[] r, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < r.length; c++) {
            line.append(c == 4 ? " ".repeat(width[c] - r[c].length()) + r[c] : r[c]);
            if (c < r.length - 1) {
                line.append(c == 4 ? "  " : " ".repeat(width[c] - r[c].length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }
}

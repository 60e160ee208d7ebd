package org.portmortem.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.ReportIds;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.RpcEndpoint;
import org.portmortem.verdict.AbsentListener;
import org.portmortem.verdict.Finding;
import org.portmortem.verdict.ObservedOwner;
import org.portmortem.verdict.SnapshotVerdicts;
import org.portmortem.verdict.SocketVerdict;

/**
 * Writes an {@link Analysis} as four spreadsheet tables for {@code analyze --csv DIR}:
 * {@code findings.csv}, {@code listeners.csv}, {@code rpc.csv} and {@code observed.csv}. Every cell
 * goes through {@link Csv}, so a name from the image that starts with {@code =} reaches the
 * spreadsheet as text. The first column of each table is the row's id, the same anchor as in the HTML
 * and JSON reports, so a spreadsheet row can be traced back to its evidence.
 *
 * <p>The renderer computes nothing: it lays out the analysis's values.
 */
public final class CsvReport {
    /** The files written, in the order written. */
    public static final List<String> FILES = List.of("findings.csv", "listeners.csv", "rpc.csv", "observed.csv");

    private final Analysis a;

    private CsvReport(Analysis analysis) {
        this.a = analysis;
    }

    /** Writes the four tables into {@code dir} (created when missing), UTF-8, CRLF line ends. */
    public static void write(Analysis analysis, Path dir) throws IOException {
        Files.createDirectories(dir);
        CsvReport r = new CsvReport(analysis);
        Files.writeString(dir.resolve("findings.csv"), r.findings(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("listeners.csv"), r.listeners(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("rpc.csv"), r.rpc(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("observed.csv"), r.observed(), StandardCharsets.UTF_8);
    }

    String findings() {
        StringBuilder out = new StringBuilder(Csv.row(
                "id", "rule", "severity", "basis", "title", "listeners", "remediation", "commands", "justification"));
        for (int i = 0; i < a.findings().size(); i++) {
            Finding f = a.findings().get(i);
            List<String> listeners = new ArrayList<>();
            f.listeners().stream()
                    .map(a.ids()::listener)
                    .filter(id -> id != null)
                    .forEach(listeners::add);
            String action =
                    f.remediations().isEmpty() ? null : f.remediations().get(0).action();
            String commands = f.remediations().isEmpty()
                    ? null
                    : String.join("\n", f.remediations().get(0).commands());
            out.append(Csv.row(
                    a.ids().finding(i),
                    f.id(),
                    f.severity().word(),
                    f.basis().name().toLowerCase(),
                    f.title(),
                    String.join(" ", listeners),
                    action,
                    commands,
                    f.justification()));
        }
        return out.toString();
    }

    String listeners() {
        StringBuilder out = new StringBuilder(Csv.row(
                "id",
                "protocol",
                "ipVersion",
                "address",
                "port",
                "service",
                "process",
                "svchostGroup",
                "startType",
                "mechanism",
                "description",
                "certainty",
                "firewall",
                "registryKeys"));
        List<Listener> ls = a.exposure().listeners();
        for (int i = 0; i < ls.size(); i++) {
            Listener l = ls.get(i);
            List<String> firewall = new ArrayList<>();
            l.firewall()
                    .profiles()
                    .forEach((p, d) -> firewall.add(p + ": " + d.reachability().word()
                            + (d.decidedBy() == null ? "" : " (" + d.decidedBy() + ")")));
            out.append(Csv.row(
                    a.ids().listener(i),
                    l.protocol().name(),
                    Integer.toString(l.ipVersion()),
                    l.address(),
                    l.dynamic()
                            ? "dynamic" + (l.portRange() == null ? "" : " " + l.portRange())
                            : l.port().toString(),
                    l.owner().service(),
                    l.owner().process(),
                    l.owner().svchostGroup(),
                    a.startType(l.owner().service()),
                    l.mechanism().kind().name().toLowerCase(),
                    l.mechanism().description(),
                    l.certainty().toString(),
                    String.join("; ", firewall),
                    String.join(" ", a.ids().keys(ReportIds.listenerEvidence(l)))));
        }
        return out.toString();
    }

    String rpc() {
        StringBuilder out = new StringBuilder(Csv.row(
                "id",
                "interface",
                "uuid",
                "version",
                "protseq",
                "endpoint",
                "service",
                "process",
                "certainty",
                "registryKeys"));
        List<RpcEndpoint> rs = a.exposure().rpcEndpoints();
        for (int i = 0; i < rs.size(); i++) {
            RpcEndpoint r = rs.get(i);
            out.append(Csv.row(
                    a.ids().rpcEndpoint(i),
                    r.name(),
                    r.uuid(),
                    r.version(),
                    r.protseq(),
                    r.endpoint() == null ? "dynamic" : r.endpoint(),
                    r.service(),
                    r.process(),
                    r.certainty().toString(),
                    String.join(" ", a.ids().keys(r.evidence()))));
        }
        return out.toString();
    }

    /** One row per observed socket, then one per predicted listener the listing does not show ({@code absent}). */
    String observed() {
        StringBuilder out = new StringBuilder(Csv.row(
                "snapshot",
                "line",
                "protocol",
                "localEndpoint",
                "state",
                "verdict",
                "listener",
                "pid",
                "process",
                "services",
                "ownerSource",
                "reason"));
        for (SnapshotVerdicts sv : a.verdicts().snapshots()) {
            String file = a.label(sv.snapshot().file());
            for (SocketVerdict v : sv.sockets()) {
                ObservedOwner o = v.owner();
                out.append(Csv.row(
                        file,
                        Integer.toString(v.socket().line()),
                        v.socket().protocol().toString(),
                        v.socket().localEndpoint(),
                        v.socket().stateText(),
                        v.kind().name().toLowerCase(),
                        v.listener() == null ? null : a.ids().listener(v.listener()),
                        o == null || o.pid() == null ? null : o.pid().toString(),
                        o == null ? null : o.process(),
                        o == null ? null : String.join(" ", o.services()),
                        o == null || o.source() == null
                                ? null
                                : o.source().name().toLowerCase(),
                        v.reason()));
            }
            for (AbsentListener al : sv.absent()) {
                Listener l = al.listener();
                out.append(Csv.row(
                        file,
                        null,
                        l.protocol().name(),
                        l.localEndpoint(),
                        null,
                        "absent",
                        a.ids().listener(l),
                        null,
                        l.owner().process(),
                        l.owner().service(),
                        "predicted",
                        al.explanations().isEmpty()
                                ? null
                                : al.explanations().get(0).explanation()));
            }
        }
        return out.toString();
    }
}

package org.portmortem.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.portmortem.exposure.Certainty;
import org.portmortem.exposure.Listener;
import org.portmortem.snapshot.Socket;

/**
 * Findings from comparing one snapshot with the prediction: unexplained sockets, one finding per
 * owner, protocol and port, with the severity of the first {@link ObservedSocketRules} rule that
 * holds (high only for a reachable listener of an unknown owner),
 * predicted-but-absent listener (low when the prediction was certain and the listing complete,
 * else info), phantom listener (info).
 */
final class ObservationFindings {
    private ObservationFindings() {}

    static List<Finding> of(SnapshotVerdicts v, ObservedSocketClassifier classifier) {
        List<Finding> out = new ArrayList<>();
        String file = v.snapshot().file().getFileName().toString();
        boolean other = v.machineMatch().different();
        String otherWords = other
                ? " The listing is from another machine ("
                        + String.join("; ", v.machineMatch().reasons()) + "): nothing in it is above info."
                : "";
        Map<String, List<SocketVerdict>> groups = new LinkedHashMap<>();
        for (SocketVerdict s : v.sockets()) {
            Socket k = s.socket();
            String where = file + " line " + k.line();
            String key = file + ":" + k.line() + ":" + k.protocol() + "/" + k.localEndpoint();
            switch (s.kind()) {
                case UNEXPLAINED ->
                    groups.computeIfAbsent(ownerKey(s), g -> new ArrayList<>()).add(s);
                case ARTEFACT ->
                    out.add(new Finding(
                            "observed.artefact:" + key,
                            Severity.INFO,
                            Finding.Basis.OBSERVATION,
                            (k.memory() == null ? "Netstat artefact " : "Memory-scan artefact ") + k.protocol() + " "
                                    + k.localEndpoint(),
                            "Not a listening server (" + where + "): " + s.reason() + "." + otherWords,
                            List.of(),
                            List.of(k),
                            List.of(),
                            List.of(),
                            k.memory() == null
                                    ? "seed paper (HSC 2002), netstat warning"
                                    : "pool-scan semantics of the memory listing (record mark "
                                            + k.memory().markText() + ")"));
                default -> {}
            }
        }
        groups.forEach((owner, sockets) -> out.add(unexplained(file, owner, sockets, classifier, other, otherWords)));
        for (AbsentListener a : v.absent()) {
            Listener l = a.listener();
            boolean partial =
                    a.explanations().stream().anyMatch(e -> e.cause() == AbsenceExplanation.Cause.LISTING_INCOMPLETE);
            Severity sev = !partial && !other && l.certainty().level() == Certainty.Level.CERTAIN
                    ? Severity.LOW
                    : Severity.INFO;
            String causes = a.explanations().stream().map(e -> e.explanation()).collect(Collectors.joining(" Or: "));
            out.add(new Finding(
                    "observed.absent:" + file + ":" + l.protocol() + "/" + l.localEndpoint() + "/"
                            + l.owner().display() + "/" + l.mechanism().kind(),
                    sev,
                    Finding.Basis.OBSERVATION,
                    "Predicted listener " + l.protocol() + " " + l.localEndpoint() + " ("
                            + l.owner().display() + ") not in " + file,
                    "The hives predict " + l.protocol() + " " + l.localEndpoint() + " for "
                            + l.owner().display()
                            + " (" + l.certainty() + "), but the snapshot does not show it. "
                            + (causes.isEmpty() ? "" : causes) + otherWords,
                    List.of(l),
                    List.of(),
                    l.evidence(),
                    List.of(),
                    "comparison of the snapshot with the predicted listeners"));
        }
        return out;
    }

    /** One finding per owner, protocol and port: the owner's image (or PID), protocol and port. */
    private static String ownerKey(SocketVerdict s) {
        ObservedOwner o = s.owner();
        String who = o.process() != null
                ? o.process().toLowerCase(java.util.Locale.ROOT)
                : o.pid() != null ? "pid " + o.pid() : "unknown owner";
        return who + ":" + s.socket().protocol() + "/" + s.socket().localPort();
    }

    private static Finding unexplained(
            String file,
            String ownerKey,
            List<SocketVerdict> group,
            ObservedSocketClassifier classifier,
            boolean other,
            String otherWords) {
        SocketVerdict first = group.get(0);
        Socket k = first.socket();
        ObservedSocketClassifier.Judged j = classifier.judge(group, other);
        ObservedSocketRules.Rule rule = j.rule();
        String lines = group.stream()
                .map(x -> x.socket().localEndpoint() + " (line " + x.socket().line() + ")")
                .collect(Collectors.joining(", "));
        String subject =
                k.protocol() + " port " + k.localPort() + " of " + first.owner().display();
        String description = "The snapshot " + file + " shows " + group.size() + " " + k.protocol()
                + " socket(s) on port "
                + k.localPort() + " owned by " + first.owner().display() + ": " + lines + ". No service, driver or"
                + " setting in the hives predicts them: " + first.reason() + ". " + j.what()
                + " Severity " + rule.severity().word() + " by rule '" + rule.id() + "': " + rule.justification() + "."
                + otherWords;
        // The id names the group by its first line, not by the process name: a name from the listing is
        // attacker-controlled and ids end up in attributes.
        return new Finding(
                "observed.unexplained:" + file + ":" + k.line() + ":" + k.protocol() + "/" + k.localPort() + ":"
                        + rule.id(),
                rule.severity(),
                Finding.Basis.OBSERVATION,
                rule.title() + ": " + subject,
                description,
                List.of(),
                group.stream().map(SocketVerdict::socket).toList(),
                List.of(),
                rule.severity().compareTo(Severity.LOW) < 0 ? investigate(k) : List.of(),
                "comparison of the snapshot with the predicted listeners; rule " + rule.id());
    }

    /** How to find the program behind an unexplained listener: its PID's process and services. */
    private static List<RemediationRef> investigate(Socket k) {
        List<String> commands = new ArrayList<>();
        if (k.pid() != null) {
            commands.add("tasklist /svc /fi \"PID eq " + k.pid() + "\"");
        }
        commands.add("netstat -ano | find \":" + k.localPort() + "\"");
        return List.of(new RemediationRef(
                "Identify the program that owns the port, then remove it or explain it"
                        + " (on the live system or from the image's process and autorun artefacts)",
                commands,
                null,
                "triage rule of issue 7: a listener the hives do not explain is treated as a possible backdoor"));
    }
}

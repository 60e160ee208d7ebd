package org.portmortem.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.portmortem.exposure.Certainty;
import org.portmortem.exposure.Listener;
import org.portmortem.snapshot.Socket;

/**
 * Findings from comparing one snapshot with the prediction: unexplained listener (high),
 * predicted-but-absent listener (low when the prediction was certain and the listing complete,
 * else info), phantom listener (info).
 */
final class ObservationFindings {
    private ObservationFindings() {}

    static List<Finding> of(SnapshotVerdicts v) {
        List<Finding> out = new ArrayList<>();
        String file = v.snapshot().file().getFileName().toString();
        for (SocketVerdict s : v.sockets()) {
            Socket k = s.socket();
            String where = file + " line " + k.line();
            String key = file + ":" + k.line() + ":" + k.protocol() + "/" + k.localEndpoint();
            switch (s.kind()) {
                case UNEXPLAINED -> out.add(new Finding("observed.unexplained:" + key, Severity.HIGH,
                        Finding.Basis.OBSERVATION, "Unexplained listener " + k.protocol() + " " + k.localEndpoint(),
                        "The snapshot (" + where + ") shows " + k.protocol() + " " + k.localEndpoint() + " listening,"
                                + " owned by " + s.owner().display() + ", and no service, driver or setting in the"
                                + " hives predicts it: " + s.reason() + ". Treat it as software the hives do not"
                                + " explain, or a backdoor, until the owning program is identified.",
                        List.of(), List.of(k), List.of(), investigate(k),
                        "comparison of the snapshot with the predicted listeners"));
                case ARTEFACT -> out.add(new Finding("observed.artefact:" + key, Severity.INFO,
                        Finding.Basis.OBSERVATION, (k.memory() == null ? "Netstat artefact " : "Memory-scan artefact ")
                                + k.protocol() + " " + k.localEndpoint(),
                        "Not a listening server (" + where + "): " + s.reason() + ".", List.of(), List.of(k),
                        List.of(), List.of(), k.memory() == null ? "seed paper (HSC 2002), netstat warning"
                                : "pool-scan semantics of the memory listing (record mark " + k.memory().markText() + ")"));
                default -> { }
            }
        }
        for (AbsentListener a : v.absent()) {
            Listener l = a.listener();
            boolean partial = a.explanations().stream()
                    .anyMatch(e -> e.cause() == AbsenceExplanation.Cause.LISTING_INCOMPLETE);
            Severity sev = !partial && l.certainty().level() == Certainty.Level.CERTAIN ? Severity.LOW : Severity.INFO;
            String causes = a.explanations().stream().map(e -> e.explanation()).collect(Collectors.joining(" Or: "));
            out.add(new Finding("observed.absent:" + file + ":" + l.protocol() + "/" + l.localEndpoint() + "/"
                    + l.owner().display() + "/" + l.mechanism().kind(), sev, Finding.Basis.OBSERVATION,
                    "Predicted listener " + l.protocol() + " " + l.localEndpoint() + " (" + l.owner().display()
                            + ") not in " + file,
                    "The hives predict " + l.protocol() + " " + l.localEndpoint() + " for " + l.owner().display()
                            + " (" + l.certainty() + "), but the snapshot does not show it. "
                            + (causes.isEmpty() ? "" : causes),
                    List.of(l), List.of(), l.evidence(), List.of(),
                    "comparison of the snapshot with the predicted listeners"));
        }
        return out;
    }

    /** How to find the program behind an unexplained listener: its PID's process and services. */
    private static List<RemediationRef> investigate(Socket k) {
        List<String> commands = new ArrayList<>();
        if (k.pid() != null) {
            commands.add("tasklist /svc /fi \"PID eq " + k.pid() + "\"");
        }
        commands.add("netstat -ano | find \":" + k.localPort() + "\"");
        return List.of(new RemediationRef("Identify the program that owns the port, then remove it or explain it"
                + " (on the live system or from the image's process and autorun artefacts)", commands, null,
                "triage rule of issue 7: a listener the hives do not explain is treated as a possible backdoor"));
    }
}

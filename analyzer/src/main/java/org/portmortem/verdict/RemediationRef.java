package org.portmortem.verdict;

import java.util.List;
import java.util.Objects;
import org.portmortem.RecordHash;
import org.portmortem.exposure.remediation.Remediation;

/**
 * How to close what a finding reports, as an administrator would do it: a reference to the exposure
 * branch's {@link Remediation} (the registry edits and the commands that make them:
 * {@code sc config X start= disabled}, {@code reg add "HKLM\..." /v ... /t ... /d ... /f}) with the
 * GUI path where the seed paper gives one. The commands are the remediation's own; this type adds
 * only what the report needs beside them.
 *
 * @param action what the remediation does, one line ("Disable the Messenger service")
 * @param commands the commands, each complete
 * @param guiPath the GUI path where the source gives one (services.msc Startup Type; WINS tab
 *     "Disable NetBIOS over TCP/IP"; dcomcnfg Default Protocols), or {@code null}
 * @param source why it helps and on what authority (the remediation's own reason, the paper section)
 * @param remediation the remediation itself, or {@code null} for an investigation step that changes
 *     nothing (e.g. identifying the owner of an unexplained listener)
 */
public record RemediationRef(
        String action, List<String> commands, String guiPath, String source, Remediation remediation) {

    public RemediationRef {
        Objects.requireNonNull(action, "action");
        commands = List.copyOf(commands);
    }

    /** An investigation step: commands to run, no registry change. */
    public RemediationRef(String action, List<String> commands, String guiPath, String source) {
        this(action, commands, guiPath, source, null);
    }

    /** A reference to a remediation, with its GUI path ({@code null} where none is given). */
    public static RemediationRef to(Remediation remediation, String guiPath) {
        return new RemediationRef(remediation.title(), remediation.commands(), guiPath, remediation.why(), remediation);
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof RemediationRef that
                        && Objects.equals(action, that.action)
                        && Objects.equals(commands, that.commands)
                        && Objects.equals(guiPath, that.guiPath)
                        && Objects.equals(source, that.source)
                        && Objects.equals(remediation, that.remediation);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(action, commands, guiPath, source, remediation);
    }
}

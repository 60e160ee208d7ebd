package org.portmortem.verdict;

import java.util.List;
import java.util.Objects;

/**
 * How to close what a finding reports, as an administrator would type it. The exposure branch has
 * no remediation type of its own (checked when this type was written); this reference carries the
 * commands the finding rule table names, so the report renders them without a second remediation
 * engine. If {@code org.portmortem.exposure} gains one, this type is where the two meet.
 *
 * @param action what the remediation does, one line ("Disable the Messenger service")
 * @param commands the commands, each complete: {@code sc config Messenger start= disabled},
 *     {@code reg add "HKLM\SYSTEM\CurrentControlSet\Services\NetBT\Parameters" /v SMBDeviceEnabled
 *     /t REG_DWORD /d 0 /f}
 * @param guiPath the GUI path where the source gives one (services.msc Startup Type; WINS tab
 *     "Disable NetBIOS over TCP/IP"; dcomcnfg Default Protocols), or {@code null}
 * @param source where the remediation comes from (the seed paper section, a Microsoft article)
 */
public record RemediationRef(String action, List<String> commands, String guiPath, String source) {

    public RemediationRef {
        Objects.requireNonNull(action, "action");
        commands = List.copyOf(commands);
    }
}

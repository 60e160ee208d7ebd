package org.portmortem.model;

import java.util.List;
import org.portmortem.evidence.Evidence;

/**
 * One trigger of a trigger-start service, decoded from its {@code TriggerInfo\N} subkey.
 *
 * @param type the kind of event (the subkey's Type value)
 * @param start true when the trigger starts the service (Action 1), false when it stops it (Action 2)
 * @param subtype the trigger subtype GUID (the Guid value), lower case, braces included, or
 *     {@code null} if absent
 * @param subtypeName what the GUID means, e.g. "first IP address available", from the documented
 *     GUID list; {@code null} for an undocumented GUID
 * @param data the data items (Data0.., with DataType0..), decoded: strings, or hexadecimal for binary
 * @param firing whether the event happens during a normal boot of this machine
 * @param firingReason one line explaining {@code firing}
 * @param evidence the TriggerInfo subkey
 */
public record ServiceTrigger(
        TriggerType type,
        boolean start,
        String subtype,
        String subtypeName,
        List<String> data,
        TriggerFiring firing,
        String firingReason,
        Evidence evidence) {

    /** A short description, e.g. "start on IP address availability (first IP address available)". */
    public String describe() {
        String what = type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String sub = subtypeName != null ? " (" + subtypeName + ")" : subtype != null ? " (" + subtype + ")" : "";
        String items = data.isEmpty() ? "" : " " + data;
        return (start ? "start" : "stop") + " on " + what + sub + items;
    }
}

package org.portmortem.ripper.software;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipLayout;
import org.portmortem.ripper.RipPlugin;

/**
 * {@code networkcards}: the network adapters SOFTWARE lists under
 * {@code Microsoft\Windows NT\CurrentVersion\NetworkCards}, one row per card with its Description
 * (and ServiceName, the adapter GUID that SYSTEM's Tcpip interfaces are keyed by) and the key's
 * LastWrite time.
 */
public final class NetworkCards implements RipPlugin {
    static final String CARDS = "Microsoft\\Windows NT\\CurrentVersion\\NetworkCards";

    @Override
    public String name() {
        return "networkcards";
    }

    @Override
    public HiveType hiveType() {
        return HiveType.SOFTWARE;
    }

    @Override
    public String description() {
        return "Get NetworkCards Info";
    }

    @Override
    public String regRipperVersion() {
        return "20200518";
    }

    @Override
    public RipLayout layout() {
        return RipLayout.TABLE;
    }

    @Override
    public List<RipFact> run(RipContext context) {
        Optional<Key> cards = context.hive().key(CARDS);
        if (cards.isEmpty()) {
            return List.of(new RipFact(CARDS, CARDS, null, null, Evidence.absentKey(context.hive(), CARDS, "key not found")));
        }
        List<RipFact> facts = new ArrayList<>();
        for (Key card : cards.get().subkeys()) {
            Optional<org.portmortem.hive.Value> description = card.value("Description");
            if (description.isEmpty()) {
                continue; // RegRipper lists only cards with a Description
            }
            String time = card.lastWritten().map(RegRipperData::time).orElse("");
            facts.add(RipFact.ofValue(card.path(), card, description.get(), "Description",
                    RegRipperData.of(description.get())));
            facts.add(RipFact.ofEvidence(card.path(), "Key LastWrite time", time, Evidence.ofKey(card, null)));
            card.value("ServiceName").ifPresent(v ->
                    facts.add(RipFact.ofValue(card.path(), card, v, "ServiceName", RegRipperData.of(v))));
        }
        return facts;
    }
}

package org.portmortem.ripper.software;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.DeclaredPlugin;
import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.PerlScalar;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipLayout;

/**
 * {@code networkcards}: the network adapters SOFTWARE lists under
 * {@code Microsoft\Windows NT\CurrentVersion\NetworkCards}. First the key itself ({@code Subkeys}: how
 * many cards it holds, or absent when the key is), then per card that has a Description, under the
 * card key's path: its {@code Description} (as get_data gives it), the {@code Key LastWrite time} and
 * its {@code ServiceName} (the adapter GUID that SYSTEM's Tcpip interfaces are keyed by, which
 * RegRipper does not print). A card without a Description is skipped, as RegRipper skips it.
 */
public final class NetworkCards extends DeclaredPlugin {
    static final String CARDS = "Microsoft\\Windows NT\\CurrentVersion\\NetworkCards";

    /** The plugin. */
    public NetworkCards() {
        super("networkcards", List.of(HiveType.SOFTWARE), "Get NetworkCards Info", "20200518");
    }

    @Override
    public RipLayout layout() {
        return RipLayout.TABLE;
    }

    @Override
    public List<RipFact> run(RipContext context) {
        Optional<Key> cards = context.hive().key(CARDS);
        if (cards.isEmpty()) {
            return List.of(new RipFact(
                    CARDS, "Subkeys", null, null, Evidence.absentKey(context.hive(), CARDS, "key not found")));
        }
        List<Key> subkeys = cards.get().subkeys();
        List<RipFact> facts = new ArrayList<>();
        facts.add(RipFact.ofEvidence(
                CARDS, "Subkeys", Integer.toString(subkeys.size()), Evidence.ofKey(cards.get(), null)));
        for (Key card : subkeys) {
            Optional<Value> description = card.value("Description");
            if (description.isEmpty()) {
                continue;
            }
            String time = card.lastWritten().map(RegRipperData::time).orElse("");
            facts.add(RipFact.ofValue(
                    card.path(), card, description.get(), "Description", PerlScalar.of(description.get())));
            facts.add(RipFact.ofEvidence(card.path(), "Key LastWrite time", time, Evidence.ofKey(card, null)));
            card.value("ServiceName")
                    .ifPresent(
                            v -> facts.add(RipFact.ofValue(card.path(), card, v, "ServiceName", RegRipperData.of(v))));
        }
        return facts;
    }
}

package org.portmortem.ripper.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code services} (services.pl v.20191024): first the {@code Services} key of the control set in use
 * (fact {@value #SERVICES_KEY}: its number of subkeys, or its absence), then every service key, newest
 * LastWrite second first, each a group named after the service with its Name, Display (DisplayName),
 * ImagePath, Type, Start and Group as RegRipper prints them (absent values have no data), each fact
 * dated with the service key's LastWrite time.
 *
 * <p>Type is services.pl's word, or {@code 0x} and the number in hexadecimal where its table has none
 * (RegRipper means to print that, but prints {@code 0x0}: see {@link ServiceLabels#servicesType}).
 */
public final class Services extends SystemPlugin {
    /** The name of the fact about the {@code Services} key itself (its data: how many subkeys it has). */
    public static final String SERVICES_KEY = "Subkeys";

    /** The plugin. */
    public Services() {
        super("services", "Lists services/drivers in Services key by LastWrite times", "20191024");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        facts.add(ServicesByTime.servicesKey(context));
        for (Key k : ServicesByTime.newestFirst(context.serviceKeys())) {
            String name = k.name();
            Instant t = ServicesByTime.time(k);
            facts.add(new RipFact(name, "Name", name, t, Evidence.ofKey(k, null)));
            facts.add(ServicesByTime.value(name, t, k, "DisplayName", "Display", UnaryOperator.identity()));
            facts.add(ServicesByTime.value(name, t, k, "ImagePath", "ImagePath", UnaryOperator.identity()));
            facts.add(ServicesByTime.value(name, t, k, "Type", "Type", ServiceLabels::servicesType));
            facts.add(ServicesByTime.value(name, t, k, "Start", "Start", ServiceLabels::start));
            facts.add(ServicesByTime.value(name, t, k, "Group", "Group", UnaryOperator.identity()));
        }
        return facts;
    }
}

package org.portmortem.ripper.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipLayout;

/**
 * {@code svc} (svc.pl v.20200525) and the alerts of its timeline variant svc_tln (v.20130911). Facts,
 * in this order:
 * <ol>
 *   <li>the {@code Services} key of the control set in use (fact {@value Services#SERVICES_KEY});
 *   <li>one row per service key (a group named after the service: Name, DisplayName,
 *       ImagePath/ServiceDll, Type, Start, ObjectName, Description, dated with the key's LastWrite
 *       time) and one per {@code Parameters\ServiceDll} (group {@code NAME\Parameters}: Name and
 *       ImagePath/ServiceDll, dated with the Parameters key's time), newest LastWrite second first;
 *   <li>svc_tln's alerts, facts named {@value #ALERT} in the service's group ({@link SvcAlerts}).
 * </ol>
 * Data is as svc prints it, except that DisplayName keeps its commas (svc's text turns them into
 * semicolons, its CSV choice) and an absent value has no data (svc prints an empty cell, or for
 * Description the previous service's, a RegRipper bug not reproduced). Type is svc's word, or the
 * number in decimal where svc has none.
 */
public final class Svc extends SystemPlugin {
    /** The name of the facts that are svc_tln's alerts. */
    public static final String ALERT = "ALERT";

    /** The plugin. */
    public Svc() {
        super("svc", "Lists Services key contents by LastWrite time (CSV)", "20200525");
    }

    @Override
    public RipLayout layout() {
        return RipLayout.CSV;
    }

    @Override
    public boolean hasTimeline() {
        return true;
    }

    private record Row(Instant time, List<RipFact> facts) {}

    @Override
    public List<RipFact> run(RipContext context) {
        List<Key> services = context.serviceKeys();
        List<Row> rows = new ArrayList<>();
        for (Key k : services) {
            String name = k.name();
            Instant t = ServicesByTime.time(k);
            rows.add(new Row(
                    t,
                    List.of(
                            new RipFact(name, "Name", name, t, Evidence.ofKey(k, null)),
                            ServicesByTime.value(name, t, k, "DisplayName", "DisplayName", UnaryOperator.identity()),
                            ServicesByTime.value(
                                    name, t, k, "ImagePath", "ImagePath/ServiceDll", UnaryOperator.identity()),
                            ServicesByTime.value(name, t, k, "Type", "Type", ServiceLabels::svcType),
                            ServicesByTime.value(name, t, k, "Start", "Start", ServiceLabels::start),
                            ServicesByTime.value(name, t, k, "ObjectName", "ObjectName", UnaryOperator.identity()),
                            ServicesByTime.value(name, t, k, "Description", "Description", UnaryOperator.identity()))));
            ServicesByTime.parametersWithDll(k).ifPresent(p -> {
                String group = name + "\\Parameters";
                Instant pt = p.lastWritten().orElse(null);
                rows.add(new Row(
                        pt,
                        List.of(
                                new RipFact(group, "Name", group, pt, Evidence.ofKey(p, null)),
                                ServicesByTime.value(
                                        group,
                                        pt,
                                        p,
                                        "ServiceDll",
                                        "ImagePath/ServiceDll",
                                        UnaryOperator.identity()))));
            });
        }
        List<RipFact> facts = new ArrayList<>();
        facts.add(ServicesByTime.servicesKey(context));
        ServicesByTime.newestFirst(rows, Row::time).forEach(r -> facts.addAll(r.facts()));
        facts.addAll(SvcAlerts.of(services));
        return facts;
    }
}

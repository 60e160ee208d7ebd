package org.portmortem.ripper.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.portmortem.evidence.Evidence;
import org.portmortem.model.Service;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipLayout;

/**
 * {@code svc}: one comma-separated row per service (name, DisplayName, ImagePath, Type, Start,
 * ObjectName, Description) and one per {@code Parameters\ServiceDll}, newest key first, from the
 * model's services. Each row is a group named after the service (or {@code NAME\Parameters}).
 */
public final class Svc extends SystemPlugin {
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

    private record Row(String group, Instant time, List<RipFact> facts) {}

    @Override
    public List<RipFact> run(RipContext context) {
        List<Row> rows = new ArrayList<>();
        for (Service s : context.systemModel().services()) {
            Evidence key = Evidence.ofKey(s.key(), null);
            rows.add(new Row(s.name(), s.lastWritten(), List.of(
                    fact(s.name(), s.lastWritten(), "Name", s.name(), key),
                    fact(s.name(), s.lastWritten(), "DisplayName", ServiceLabels.text(s.displayName()),
                            s.displayName().evidence()),
                    fact(s.name(), s.lastWritten(), "ImagePath/ServiceDll", ServiceLabels.text(s.imagePath()),
                            s.imagePath().evidence()),
                    fact(s.name(), s.lastWritten(), "Type", ServiceLabels.type(s), s.type().evidence()),
                    fact(s.name(), s.lastWritten(), "Start", ServiceLabels.start(s), s.start().evidence()),
                    fact(s.name(), s.lastWritten(), "ObjectName", ServiceLabels.text(s.objectName()),
                            s.objectName().evidence()),
                    fact(s.name(), s.lastWritten(), "Description", ServiceLabels.text(s.description()),
                            s.description().evidence()))));
            if (SvcDll.hasParametersDll(s)) {
                Evidence dll = s.serviceDll().evidence();
                String group = s.name() + "\\Parameters";
                rows.add(new Row(group, dll.lastWritten(), List.of(
                        fact(group, dll.lastWritten(), "Name", group, dll),
                        fact(group, dll.lastWritten(), "ImagePath/ServiceDll", s.serviceDll().value(), dll))));
            }
        }
        List<RipFact> facts = new ArrayList<>();
        ServicesByTime.newestFirst(rows, Row::time).forEach(r -> facts.addAll(r.facts()));
        return facts;
    }

    private static RipFact fact(String group, Instant time, String name, String data, Evidence evidence) {
        return new RipFact(group, name, data, time, evidence);
    }
}

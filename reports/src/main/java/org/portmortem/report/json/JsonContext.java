package org.portmortem.report.json;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.BootPlanSection;
import org.portmortem.analysis.MachineTime;
import org.portmortem.analysis.ReportIds;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.Exposure;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.model.Service;
import org.portmortem.model.SystemModel;

/**
 * What the JSON of a concept needs from around it: the report ids of listeners, RPC endpoints and
 * services, the start type of a listener's owning service, and the machine's clock for
 * {@code {utc, local}} times. Built from a whole {@link Analysis} (the report) or from the stages a
 * subcommand ran; the same case gives the same ids, start types and times either way.
 */
public final class JsonContext {
    private final ReportIds ids;
    private final Function<String, String> startTypes;
    private final Function<Instant, MachineTime> clock;

    private JsonContext(ReportIds ids, Function<String, String> startTypes, Function<Instant, MachineTime> clock) {
        this.ids = ids;
        this.startTypes = startTypes;
        this.clock = clock;
    }

    /** The report's context: its ids, start types and precomputed times. */
    public static JsonContext of(Analysis analysis) {
        return new JsonContext(analysis.ids(), analysis::startType, analysis::time);
    }

    /**
     * The context of a prediction without the rest of the report: ids as the report of the same case
     * gives them (listeners and RPC endpoints of {@code exposure}, services of {@code plan}), start
     * types and time zone from the plan's model.
     *
     * @param exposure the prediction, or {@code null} where only the boot plan is shown
     */
    public static JsonContext of(BootPlan plan, Exposure exposure) {
        SystemModel model = plan.model();
        ReportIds ids = ReportIds.ofPrediction(
                exposure == null ? List.of() : exposure.listeners(),
                exposure == null ? List.of() : exposure.rpcEndpoints(),
                BootPlanSection.of(plan));
        MachineTimeZone zone = zoneOf(model);
        return new JsonContext(
                ids,
                name -> name == null
                        ? null
                        : model.service(name).map(Service::startTypeText).orElse(null),
                i -> MachineTime.of(i, zone));
    }

    /**
     * Only a clock, for outputs that name no listener or service by id (a single hive's plugin facts,
     * the differences between two cases).
     *
     * @param zone the machine's time zone, or {@code null} where it is not known ({@code local} is then null)
     */
    public static JsonContext clock(MachineTimeZone zone) {
        return new JsonContext(null, name -> null, i -> MachineTime.of(i, zone));
    }

    /** The time zone of a model, or {@code null} where SYSTEM records none. */
    public static MachineTimeZone zoneOf(SystemModel model) {
        return model.identity() == null ? null : model.identity().timeZone();
    }

    /** The report ids; {@code null} for a {@link #clock} context. */
    ReportIds ids() {
        return ids;
    }

    /** The start type of a service as the report prints it, or {@code null}. */
    String startType(String service) {
        return startTypes.apply(service);
    }

    /** An instant in UTC and machine-local time. */
    MachineTime time(Instant instant) {
        return clock.apply(instant);
    }
}

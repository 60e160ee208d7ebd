package org.portmortem.fleet;

import java.util.List;

/**
 * Runs {@link HostRun} on every host and groups the hosts on their {@link StackKey}s. The embedded
 * engine does it in this JVM; another (the Spark engine of the {@code fleet-spark} module) is found
 * through {@link java.util.ServiceLoader} by its {@link #name}.
 */
public interface FleetEngine {
    /** The name {@code --engine} selects it by. */
    String name();

    /**
     * Analyses the hosts.
     *
     * @param hosts the hosts, sorted by id
     * @param run the per-host function
     * @param progress told of each finished host (may be called from several threads)
     * @return the summaries sorted by id and the stacking tables rarest first
     */
    Result run(List<HostInput> hosts, HostRun run, Progress progress) throws Exception;

    /** What an engine gives back. */
    record Result(List<HostSummary> hosts, List<StackKey.Stack> stacking) {
        public Result {
            hosts = List.copyOf(hosts);
            stacking = List.copyOf(stacking);
        }
    }

    /** Told of each finished host. */
    interface Progress {
        void done(HostSummary host);

        Progress NONE = h -> {};
    }
}

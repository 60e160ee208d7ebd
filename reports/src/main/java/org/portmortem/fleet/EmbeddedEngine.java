package org.portmortem.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The default engine: the hosts in parallel in this JVM, one worker per core. Each worker analyses
 * one host at a time and keeps only its small summary, so memory grows with the number of hosts by
 * a few kilobytes each, not by their hives or reports.
 */
public final class EmbeddedEngine implements FleetEngine {
    private final int workers;

    /** One worker per available core. */
    public EmbeddedEngine() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A given number of workers (at least 1). */
    public EmbeddedEngine(int workers) {
        this.workers = Math.max(1, workers);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Result run(List<HostInput> hosts, HostRun run, Progress progress) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "portmortem-fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<HostSummary>> futures = new ArrayList<>();
            for (HostInput h : hosts) {
                futures.add(pool.submit(() -> {
                    HostSummary s = run.analyse(h);
                    progress.done(s);
                    return s;
                }));
            }
            List<HostSummary> out = new ArrayList<>();
            for (Future<HostSummary> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    // HostRun turns every input problem into a failed row; this is a bug or an Error.
                    throw new IllegalStateException("fleet worker failed: " + e.getCause(), e.getCause());
                }
            }
            out.sort(Comparator.comparing(HostSummary::id));
            return new Result(out, Stacking.of(out));
        } finally {
            pool.shutdownNow();
        }
    }
}

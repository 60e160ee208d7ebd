package org.portmortem.fleet;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * One status line on the terminal, rewritten in place: hosts done of the total, failed, rate and
 * time left. Used only when stderr is a terminal; otherwise the run is quiet.
 */
public final class FleetProgress implements FleetEngine.Progress {
    private final PrintWriter err;
    private final int total;
    private final long started = System.nanoTime();
    private int done;
    private int failed;
    private long lastPrint;

    /** A progress line on {@code err}, which the caller knows to be a terminal. */
    public static FleetEngine.Progress onTerminal(PrintWriter err, int total) {
        return new FleetProgress(err, total);
    }

    private FleetProgress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public synchronized void done(HostSummary host) {
        done++;
        if (!host.ok()) {
            failed++;
        }
        long now = System.nanoTime();
        if (done < total && now - lastPrint < 200_000_000L) {
            return;
        }
        lastPrint = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        long left = rate <= 0 ? 0 : Math.round((total - done) / rate);
        // No host-supplied text on this line: only counts, so nothing can drive the terminal.
        err.print(String.format(
                Locale.ROOT,
                "\r%d/%d hosts, %d failed, %.1f hosts/s, %s left   ",
                done,
                total,
                failed,
                rate,
                format(Duration.ofSeconds(left))));
        if (done == total) {
            err.println();
        }
        err.flush();
    }

    private static String format(Duration d) {
        return d.toHours() > 0
                ? String.format(Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}

package org.portmortem.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.portmortem.snapshot.internal.RecordMarks;

/**
 * Joins the listings of one memory image that only make sense together. Volatility 2's XP/2003
 * plugins split what netstat shows in one table: {@code sockets}/{@code sockscan} list the
 * address objects (every listening port, and the local port of each connection) and
 * {@code connections}/{@code connscan} the connections. Judged apart, the address list would lack
 * the connections that reveal phantom listeners, and the connection list would "miss" every
 * listener; joined, they read as one netstat. Each row keeps the file it came from
 * ({@link MemoryRecord#listing()}), and a socket found by both a list walk and a scan is marked
 * duplicate once.
 */
public final class MemoryListings {
    private static final Set<String> XP_PLUGINS = Set.of("sockets", "sockscan", "connections", "connscan");

    private MemoryListings() {}

    /** The listings with every Volatility 2 XP/2003 listing of the case joined into the first of them. */
    public static List<NetstatSnapshot> join(List<NetstatSnapshot> listings) {
        List<NetstatSnapshot> xp =
                listings.stream().filter(MemoryListings::isXpPlugin).toList();
        if (xp.size() < 2) {
            return listings;
        }
        List<NetstatSnapshot> out = new ArrayList<>();
        boolean placed = false;
        for (NetstatSnapshot s : listings) {
            if (!isXpPlugin(s)) {
                out.add(s);
            } else if (!placed) {
                out.add(joined(xp));
                placed = true;
            }
        }
        return out;
    }

    private static boolean isXpPlugin(NetstatSnapshot s) {
        return s.kind() == SnapshotKind.VOLATILITY2_SOCKETS
                && s.source() != null
                && XP_PLUGINS.contains(s.source().plugin());
    }

    private static NetstatSnapshot joined(List<NetstatSnapshot> xp) {
        List<Socket> rows = new ArrayList<>();
        List<SnapshotWarning> warnings = new ArrayList<>();
        List<String> plugins = new ArrayList<>();
        String version = null;
        for (NetstatSnapshot s : xp) {
            String name = s.file().getFileName().toString();
            for (Socket k : s.sockets()) {
                // Marks are decided again over the joined rows; the offset space differs between a list walk
                // (virtual) and a scan (physical), so a socket both find is a duplicate by its fields.
                rows.add(k.withMemory(MemoryRecord.unjudged(
                                k.memory().offset(),
                                k.memory().createdText(),
                                k.memory().created())
                        .inListing(name)));
            }
            warnings.addAll(s.warnings());
            plugins.add(s.source().plugin() + " (" + name + ")");
            version = version != null ? version : s.source().version();
        }
        NetstatSnapshot first = xp.get(0);
        return new NetstatSnapshot(
                first.file(),
                first.encoding(),
                first.kind(),
                first.commandLine(),
                first.flags(),
                first.language(),
                RecordMarks.mark(rows),
                warnings,
                null,
                new ListingSource("Volatility 2", String.join(" + ", plugins), "text", version));
    }
}

package org.portmortem.snapshot.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portmortem.net.Protocol;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.Port;
import org.portmortem.snapshot.SnapshotKind;
import org.portmortem.snapshot.SnapshotWarning;
import org.portmortem.snapshot.Socket;
import org.portmortem.snapshot.SocketState;

/**
 * Reads PowerShell {@code Get-NetTCPConnection} and {@code Get-NetUDPEndpoint} output, as the
 * default table ({@code LocalAddress LocalPort RemoteAddress RemotePort State AppliedSetting
 * OwningProcess} over a line of dashes; UDP: {@code LocalAddress LocalPort}) or as
 * {@code Export-Csv} (optional {@code #TYPE} line, quoted header with the CIM property names).
 * Column and enum names are property names, the same in every display language.
 */
public final class PowerShellParser {
    private final Vocabulary vocabulary;

    public PowerShellParser(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Reads a default-table listing. */
    public NetstatSnapshot parseTable(Path file, DecodedText text, SnapshotKind kind) {
        Rows rows = new Rows(file, kind);
        List<String> columns = null;
        int n = 0;
        for (String raw : text.lines()) {
            n++;
            String trimmed = raw.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("---")) {
                continue;
            }
            if (trimmed.startsWith("LocalAddress ")) {
                columns = List.of(trimmed.split("\\s+"));
                continue;
            }
            if (columns == null) {
                rows.warn(n, "text before the table header, skipped: " + NetstatParser.abbreviate(trimmed));
                continue;
            }
            String[] t = trimmed.split("\\s+");
            if (kind == SnapshotKind.NET_TCP_CONNECTION_TABLE) {
                if (t.length < 5) {
                    rows.warn(n, "row with fewer than 5 columns, skipped: " + NetstatParser.abbreviate(trimmed));
                    continue;
                }
                String pid =
                        columns.contains("OwningProcess") && t.length >= 6 && NetstatParser.isNumber(t[t.length - 1])
                                ? t[t.length - 1]
                                : null;
                rows.add(n, Protocol.TCP, t[0], t[1], t[2], t[3], t[4], pid);
            } else {
                if (t.length < 2) {
                    rows.warn(n, "row with fewer than 2 columns, skipped: " + NetstatParser.abbreviate(trimmed));
                    continue;
                }
                int owner = columns.indexOf("OwningProcess");
                rows.add(
                        n,
                        Protocol.UDP,
                        t[0],
                        t[1],
                        null,
                        null,
                        null,
                        owner >= 0 && owner < t.length ? t[owner] : null);
            }
        }
        return rows.snapshot(text.encoding());
    }

    /** Reads an {@code Export-Csv} listing. */
    public NetstatSnapshot parseCsv(Path file, DecodedText text, SnapshotKind kind) {
        Rows rows = new Rows(file, kind);
        Map<String, Integer> index = null;
        int n = 0;
        for (String line : text.lines()) {
            n++;
            if (line.isBlank() || line.startsWith("#TYPE")) {
                continue;
            }
            List<String> f = CsvRecord.split(line);
            if (f == null) {
                rows.warn(n, "unterminated quote, skipped");
                continue;
            }
            if (index == null) {
                index = new HashMap<>();
                for (int c = 0; c < f.size(); c++) {
                    index.put(f.get(c), c);
                }
                continue;
            }
            Map<String, Integer> ix = index;
            java.util.function.Function<String, String> col = name -> {
                Integer c = ix.get(name);
                return c == null || c >= f.size() || f.get(c).isEmpty() ? null : f.get(c);
            };
            if (col.apply("LocalAddress") == null || col.apply("LocalPort") == null) {
                rows.warn(n, "record without LocalAddress or LocalPort, skipped");
                continue;
            }
            boolean tcp = kind == SnapshotKind.NET_TCP_CONNECTION_CSV;
            rows.add(
                    n,
                    tcp ? Protocol.TCP : Protocol.UDP,
                    col.apply("LocalAddress"),
                    col.apply("LocalPort"),
                    tcp ? col.apply("RemoteAddress") : null,
                    tcp ? col.apply("RemotePort") : null,
                    tcp ? col.apply("State") : null,
                    col.apply("OwningProcess"));
        }
        return rows.snapshot(text.encoding());
    }

    /** Sockets and warnings collected from one file. */
    private final class Rows {
        final Path file;
        final SnapshotKind kind;
        final List<Socket> sockets = new ArrayList<>();
        final List<SnapshotWarning> warnings = new ArrayList<>();
        boolean truncationReported;

        Rows(Path file, SnapshotKind kind) {
            this.file = file;
            this.kind = kind;
        }

        void warn(int n, String message) {
            warnings.add(new SnapshotWarning(file, n, message));
        }

        void add(
                int n,
                Protocol protocol,
                String local,
                String localPort,
                String remote,
                String remotePort,
                String stateText,
                String pid) {
            if (!truncationReported
                    && (local.endsWith("...")
                            || local.endsWith("\u2026")
                            || (remote != null && (remote.endsWith("...") || remote.endsWith("\u2026"))))) {
                warn(n, "address cut short by PowerShell's table layout; use Export-Csv for full addresses");
                truncationReported = true;
            }
            SocketState state = null;
            if (protocol == Protocol.TCP) {
                state = stateText == null
                        ? SocketState.UNKNOWN
                        : vocabulary.state(stateText).orElse(SocketState.UNKNOWN);
                if (state == SocketState.UNKNOWN) {
                    warn(n, "state '" + stateText + "' is not a MSFT_NetTCPConnection state; kept as printed");
                }
            }
            Integer parsedPid = pid != null && NetstatParser.isNumber(pid) ? Integer.valueOf(pid) : null;
            sockets.add(new Socket(
                    protocol,
                    Addresses.ipVersion(local),
                    local,
                    Port.parse(localPort),
                    protocol == Protocol.TCP ? remote : "*",
                    protocol == Protocol.TCP && remotePort != null ? Port.parse(remotePort) : null,
                    state,
                    stateText,
                    parsedPid,
                    null,
                    List.of(),
                    n));
        }

        NetstatSnapshot snapshot(String encoding) {
            return new NetstatSnapshot(file, encoding, kind, null, Set.of(), "powershell", sockets, warnings, null);
        }
    }
}

package org.portmortem.snapshot.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.net.Protocol;
import org.portmortem.snapshot.ListingSource;
import org.portmortem.snapshot.MemoryRecord;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.Port;
import org.portmortem.snapshot.SnapshotKind;
import org.portmortem.snapshot.SnapshotWarning;
import org.portmortem.snapshot.Socket;
import org.portmortem.snapshot.SocketState;

/**
 * Reads the socket listings of memory-image and live-response tools into sockets with a
 * {@link MemoryRecord}: Volatility 3 {@code windows.netscan} / {@code windows.netstat} (every
 * renderer), Volatility 2 {@code netscan}, {@code connscan}, {@code connections}, {@code sockets},
 * {@code sockscan}, Velociraptor {@code Windows.Network.Netstat[Enriched]}, KAPE
 * {@code Get-NetworkConnection} and Kansa {@code Get-Netstat}.
 *
 * <p>Format facts and their sources:
 * <ul>
 *   <li>Volatility 3 columns {@code Offset Proto LocalAddr LocalPort ForeignAddr ForeignPort State
 *       PID Owner Created}: {@code volatility3/framework/plugins/windows/netscan.py},
 *       {@code _generator} (UDP rows: foreign {@code *}, port 0, state {@code ""}; one row per
 *       address family of a dual-stack object; {@code TCPv?} for an unknown family; an unreadable
 *       PID, owner or time is an absent value).</li>
 *   <li>Renderers: {@code volatility3/cli/text_renderer.py}. quick: header and rows joined by tabs,
 *       absent values {@code -} ({@code N/A} for not-applicable), times
 *       {@code %Y-%m-%d %H:%M:%S.%f %Z} (so {@code " UTC"} or a trailing space); csv: a
 *       {@code TreeDepth} column first, the same cell texts; json: an array of objects keyed by
 *       column name plus {@code __children}, absent values {@code null}, {@code Hex} offsets as plain
 *       integers, times in ISO 8601; jsonl: the same objects one per line.</li>
 *   <li>Volatility 2: {@code volatility/plugins/netscan.py} (local and foreign {@code ip:port},
 *       UDP foreign {@code *:*}, PID -1 when unknown, time {@code ... UTC+0000}),
 *       {@code connscan.py}/{@code connections.py} ({@code Offset Local Address Remote Address
 *       Pid}), {@code sockets.py}/{@code sockscan.py} ({@code Offset PID Port Proto Protocol
 *       Address Create Time}).</li>
 *   <li>Velociraptor: columns as in the corpus results ({@code Pid, Name, Family, Type, Status,
 *       Laddr.IP, Laddr.Port, Raddr.IP, Raddr.Port, Timestamp}; NetstatEnriched adds
 *       {@code CommandLine}, {@code Path}, ...).</li>
 *   <li>KAPE {@code Get-NetworkConnection.mkape} runs IllusiveNetworks-Labs'
 *       {@code Get-NetworkConnection.ps1} through {@code ConvertTo-Csv -NoTypeInformation} or
 *       {@code ConvertTo-Json}: {@code LocalAddress, LocalPort, RemoteAddress, RemoteHostname,
 *       RemotePort, Process} (Get-Process name, no {@code .exe}), {@code ProcessId, Protocol, State}
 *       (its TCP_STATE enum names), {@code Service} (from the socket's service tag) and
 *       {@code Timestamp} (a local DateTime).</li>
 *   <li>Kansa {@code Modules/Net/Get-Netstat.ps1}: {@code Protocol, LocalAddress, LocalPort,
 *       ForeignAddress, ForeignPort, State, ConPId, Component, Process} (as administrator) or
 *       {@code ... State, PId} (otherwise); UDP state {@code STATELESS}; IPv6 addresses keep their
 *       brackets. The non-administrator branch assigns PowerShell's automatic {@code $Pid} (the
 *       collector's own PID) to every row, so that column is not read as the socket's owner.</li>
 * </ul>
 */
public final class MemoryListingParser {
    static final List<String> VOL3_COLUMNS = List.of(
            "Offset",
            "Proto",
            "LocalAddr",
            "LocalPort",
            "ForeignAddr",
            "ForeignPort",
            "State",
            "PID",
            "Owner",
            "Created");
    private static final Pattern VOL3_BANNER = Pattern.compile("Volatility 3 Framework (\\d+(?:\\.\\d+)+)");
    private static final Pattern VOL2_BANNER = Pattern.compile("Volatility Framework (\\d+(?:\\.\\d+)+)");
    private static final Pattern VOL2_NETSCAN = Pattern.compile(
            "^(0x[0-9a-fA-F]+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(?:([A-Z][A-Z0-9_]*)\\s+)?(-?\\d+)(?:\\s+(.*))?$");
    private static final Pattern VOL2_TIME =
            Pattern.compile("(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC[+-]\\d{4})\\s*$");
    private static final Pattern VOL2_CONN = Pattern.compile("^(0x[0-9a-fA-F]+)\\s+(\\S+)\\s+(\\S+)\\s+(-?\\d+)\\s*$");
    private static final Pattern VOL2_SOCK =
            Pattern.compile("^(0x[0-9a-fA-F]+)\\s+(-?\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*?))?\\s*$");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Set<String> ABSENT = Set.of("-", "N/A", "");
    /** Get-Process names without an image file: these keep their name as it is. */
    private static final Set<String> PSEUDO_PROCESSES =
            Set.of("system", "idle", "registry", "secure system", "memory compression");

    private final Vocabulary vocabulary;
    private final List<SnapshotWarning> warnings = new ArrayList<>();
    private Path file;

    public MemoryListingParser(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    // ---- recognition

    /** What the first lines show, if they are one of these listings. */
    public static Optional<SnapshotKind> recognize(List<String> lines) {
        String first =
                lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (first.startsWith("[") || first.startsWith("{")) {
            String head = String.join("\n", lines);
            if (head.contains("\"LocalAddr\"") && head.contains("\"Proto\"")) {
                return Optional.of(SnapshotKind.VOLATILITY3_SOCKETS);
            }
            if (head.contains("\"Laddr.IP\"") || head.contains("\"Laddr\"")) {
                return Optional.of(SnapshotKind.VELOCIRAPTOR_NETSTAT);
            }
            if (head.contains("\"LocalAddress\"") && head.contains("\"ProcessId\"") && head.contains("\"Service\"")) {
                return Optional.of(SnapshotKind.KAPE_NETWORK_CONNECTION);
            }
            return Optional.empty();
        }
        for (String l : lines) {
            String t = l.strip();
            List<String> words = List.of(t.split("\\s+"));
            if (words.equals(VOL3_COLUMNS) || t.startsWith("TreeDepth,Offset,Proto,LocalAddr,LocalPort")) {
                return Optional.of(SnapshotKind.VOLATILITY3_SOCKETS);
            }
            if (t.startsWith("Offset(P)") || t.startsWith("Offset(V)")) {
                String rest = t.replaceAll("\\s+", " ");
                if (rest.contains("Local Address") || rest.contains("Port Proto Protocol Address")) {
                    return Optional.of(SnapshotKind.VOLATILITY2_SOCKETS);
                }
            }
            List<String> csv = t.contains(",") ? CsvRecord.split(t) : null;
            if (csv != null && csv.contains("Laddr.IP") && csv.contains("Pid")) {
                return Optional.of(SnapshotKind.VELOCIRAPTOR_NETSTAT);
            }
            if (csv != null && csv.contains("LocalAddress") && csv.contains("ProcessId") && csv.contains("Service")) {
                return Optional.of(SnapshotKind.KAPE_NETWORK_CONNECTION);
            }
            List<String> tabs = ColumnRows.split(t, false, Integer.MAX_VALUE, true);
            if (tabs.size() >= 7
                    && tabs.subList(0, 6)
                            .equals(List.of(
                                    "Protocol",
                                    "LocalAddress",
                                    "LocalPort",
                                    "ForeignAddress",
                                    "ForeignPort",
                                    "State"))) {
                return Optional.of(SnapshotKind.KANSA_NETSTAT);
            }
        }
        return Optional.empty();
    }

    // ---- reading

    /** Reads a listing recognised as {@code kind}. */
    public NetstatSnapshot parse(Path file, DecodedText text, SnapshotKind kind) {
        this.file = file;
        warnings.clear();
        List<String> lines = new ArrayList<>();
        text.lines().forEach(lines::add);
        List<Socket> sockets = new ArrayList<>();
        ListingSource source = switch (kind) {
            case VOLATILITY3_SOCKETS -> volatility3(lines, sockets);
            case VOLATILITY2_SOCKETS -> volatility2(lines, sockets);
            case VELOCIRAPTOR_NETSTAT -> velociraptor(lines, sockets);
            case KAPE_NETWORK_CONNECTION -> kape(lines, sockets);
            case KANSA_NETSTAT -> kansa(lines, sockets);
            default -> throw new IllegalArgumentException(kind.name());
        };
        boolean scan = kind == SnapshotKind.VOLATILITY3_SOCKETS || kind == SnapshotKind.VOLATILITY2_SOCKETS;
        List<Socket> marked = scan ? RecordMarks.mark(sockets) : sockets;
        String commandLine = lines.stream()
                .filter(l -> l.contains("vol.py") || l.contains("vol ") || l.contains("vol3 "))
                .findFirst()
                .map(String::strip)
                .orElse(null);
        return new NetstatSnapshot(
                file, text.encoding(), kind, commandLine, Set.of(), null, marked, warnings, null, source);
    }

    private ListingSource volatility3(List<String> lines, List<Socket> out) {
        String version = banner(lines, VOL3_BANNER);
        String plugin = vol3Plugin(lines);
        String first =
                lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        ColumnRows rows;
        String renderer;
        boolean json = false;
        if (first.startsWith("[")) {
            rows = ColumnRows.jsonArray(String.join("\n", lines));
            renderer = "json";
            json = true;
        } else if (first.startsWith("{")) {
            rows = ColumnRows.jsonLines(lines);
            renderer = "jsonl";
            json = true;
        } else {
            int header = indexOf(lines, l -> l.strip().startsWith("TreeDepth,Offset,Proto"));
            if (header >= 0) {
                rows = ColumnRows.csv(lines, header);
                renderer = "csv";
            } else {
                header = Math.max(
                        0, indexOf(lines, l -> List.of(l.strip().split("\\s+")).equals(VOL3_COLUMNS)));
                boolean expanded = !lines.get(header).contains("\t");
                rows = ColumnRows.tabs(lines, header, expanded, false);
                renderer = expanded ? "quick (tabs expanded to spaces by a console copy)" : "quick";
                // A console copy ends with the next prompt: not a row.
                rows.rows.removeIf(r -> isPrompt(r.get("Offset")));
                rows.problems.removeIf(p -> isPrompt(lines.get(p.line() - 1)));
            }
        }
        problems(rows);
        for (ColumnRows.Row r : rows.rows) {
            String offset = r.get("Offset");
            if (json && offset != null && offset.matches("\\d{1,20}")) {
                offset = "0x" + new java.math.BigInteger(offset).toString(16);
            }
            String proto = r.get("Proto");
            if (proto == null || !proto.matches("(?i)(TCP|UDP)v[46?]")) {
                warn(r.line(), "Proto '" + proto + "' is not TCPv4, TCPv6, UDPv4 or UDPv6; row not read");
                continue;
            }
            Protocol p = proto.toUpperCase(Locale.ROOT).startsWith("TCP") ? Protocol.TCP : Protocol.UDP;
            Integer v = proto.endsWith("4") ? Integer.valueOf(4) : proto.endsWith("6") ? Integer.valueOf(6) : null;
            String created = absent(r.get("Created")) ? null : r.get("Created").strip();
            out.add(socket(
                    r.line(),
                    p,
                    v,
                    r.get("LocalAddr"),
                    r.get("LocalPort"),
                    r.get("ForeignAddr"),
                    r.get("ForeignPort"),
                    r.get("State"),
                    r.get("PID"),
                    r.get("Owner"),
                    List.of(),
                    MemoryRecord.unjudged(absent(offset) ? null : offset, created, volatilityTime(created))));
        }
        return new ListingSource("Volatility 3", plugin, renderer, version);
    }

    /** {@code C:\...>} or {@code $ } starting a line: a shell prompt copied with the output. */
    private static boolean isPrompt(String s) {
        return s != null && (s.matches("^[A-Za-z]:\\\\.*>.*") || s.startsWith("$ ") || s.startsWith("# "));
    }

    private String vol3Plugin(List<String> lines) {
        for (String l : lines) {
            if (l.contains("windows.netscan")) {
                return "windows.netscan";
            }
            if (l.contains("windows.netstat")) {
                return "windows.netstat";
            }
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("netscan")) {
            return "windows.netscan (by the file name; the columns are windows.netstat's too)";
        }
        if (name.contains("netstat")) {
            return "windows.netstat (by the file name; the columns are windows.netscan's too)";
        }
        return "windows.netscan or windows.netstat (same columns)";
    }

    private ListingSource volatility2(List<String> lines, List<Socket> out) {
        String version = banner(lines, VOL2_BANNER);
        int header = Math.max(0, indexOf(lines, l -> l.startsWith("Offset(P)") || l.startsWith("Offset(V)")));
        String h = lines.get(header).replaceAll("\\s+", " ");
        boolean physical = h.startsWith("Offset(P)");
        String plugin;
        if (h.contains(" Proto Local Address Foreign Address")) {
            plugin = "netscan";
        } else if (h.contains("Local Address Remote Address Pid")) {
            plugin = physical ? "connscan" : "connections";
        } else {
            plugin = physical ? "sockscan" : "sockets";
        }
        for (int i = header + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.matches("^[- ]+$")) {
                continue;
            }
            int line = i + 1;
            switch (plugin) {
                case "netscan" -> vol2Netscan(l, line, out);
                case "connscan", "connections" -> vol2Connection(l, line, out);
                default -> vol2Socket(l, line, out);
            }
        }
        return new ListingSource("Volatility 2", plugin, "text", version);
    }

    private void vol2Netscan(String l, int line, List<Socket> out) {
        Matcher m = VOL2_NETSCAN.matcher(l.stripTrailing());
        if (!m.matches()) {
            warn(line, "not a netscan row (offset, proto, local, foreign, state, pid, owner, created); not read");
            return;
        }
        String proto = m.group(2);
        if (!proto.matches("(TCP|UDP)v[46]")) {
            warn(line, "Proto '" + proto + "' is not TCPv4, TCPv6, UDPv4 or UDPv6; row not read");
            return;
        }
        String rest = m.group(7) == null ? "" : m.group(7);
        Matcher t = VOL2_TIME.matcher(rest);
        String created = null;
        if (t.find()) {
            created = t.group(1);
            rest = rest.substring(0, t.start());
        }
        String[] local = splitEndpoint(m.group(3));
        String[] foreign = splitEndpoint(m.group(4));
        String pid = "-1".equals(m.group(6)) ? null : m.group(6);
        out.add(socket(
                line,
                proto.startsWith("TCP") ? Protocol.TCP : Protocol.UDP,
                proto.endsWith("4") ? 4 : 6,
                local[0],
                local[1],
                foreign[0],
                foreign[1],
                m.group(5),
                pid,
                rest.strip(),
                List.of(),
                MemoryRecord.unjudged(m.group(1), created, volatilityTime(created))));
    }

    private void vol2Connection(String l, int line, List<Socket> out) {
        Matcher m = VOL2_CONN.matcher(l);
        if (!m.matches()) {
            warn(line, "not a connection row (offset, local address, remote address, pid); not read");
            return;
        }
        String[] local = splitEndpoint(m.group(2));
        String[] foreign = splitEndpoint(m.group(3));
        // A TCP connection object (TCB) of Windows XP/2003: the plugin prints no state; read as connected.
        out.add(socket(
                        line,
                        Protocol.TCP,
                        4,
                        local[0],
                        local[1],
                        foreign[0],
                        foreign[1],
                        "ESTABLISHED",
                        m.group(4),
                        null,
                        List.of(),
                        MemoryRecord.unjudged(m.group(1), null, null))
                .withStateText(null));
    }

    private void vol2Socket(String l, int line, List<Socket> out) {
        Matcher m = VOL2_SOCK.matcher(l);
        if (!m.matches()) {
            warn(line, "not a socket row (offset, pid, port, proto, protocol, address, create time); not read");
            return;
        }
        int number = Integer.parseInt(m.group(4).length() > 3 ? "999" : m.group(4));
        Protocol p = number == 6 ? Protocol.TCP : number == 17 ? Protocol.UDP : Protocol.RAW;
        String created =
                m.group(7) == null || m.group(7).isBlank() ? null : m.group(7).strip();
        // An XP/2003 address object: netstat prints a TCP one as LISTENING (the state the pre-2003 netstat shows
        // for every TCP address object, see PhantomListener); the plugin prints no state.
        Socket s = socket(
                line,
                p,
                4,
                m.group(6),
                m.group(3),
                p == Protocol.TCP ? "0.0.0.0" : "*",
                p == Protocol.TCP ? "0" : null,
                p == Protocol.TCP ? "LISTENING" : null,
                m.group(2),
                null,
                List.of(),
                MemoryRecord.unjudged(m.group(1), created, volatilityTime(created)));
        out.add(s.withStateText(p == Protocol.RAW ? "protocol " + m.group(4) + " " + m.group(5) : null));
    }

    private ListingSource velociraptor(List<String> lines, List<Socket> out) {
        ColumnRows rows = structured(lines);
        problems(rows);
        boolean enriched = rows.rows.stream().anyMatch(r -> r.cells().containsKey("CommandLine"));
        for (ColumnRows.Row r : rows.rows) {
            String type = r.get("Type");
            if (type == null || !(type.equalsIgnoreCase("TCP") || type.equalsIgnoreCase("UDP"))) {
                warn(r.line(), "Type '" + type + "' is not TCP or UDP; row not read");
                continue;
            }
            Protocol p = type.equalsIgnoreCase("TCP") ? Protocol.TCP : Protocol.UDP;
            String family = r.get("Family");
            Integer v = "IPv4".equals(family) ? Integer.valueOf(4) : "IPv6".equals(family) ? Integer.valueOf(6) : null;
            String created = absent(r.get("Timestamp")) ? null : r.get("Timestamp");
            out.add(socket(
                    r.line(),
                    p,
                    v,
                    r.get("Laddr.IP"),
                    r.get("Laddr.Port"),
                    r.get("Raddr.IP"),
                    r.get("Raddr.Port"),
                    r.get("Status"),
                    r.get("Pid"),
                    r.get("Name"),
                    serviceOfCommandLine(r.get("CommandLine")),
                    MemoryRecord.unjudged(null, created, isoTime(created))));
        }
        return new ListingSource(
                "Velociraptor",
                enriched ? "Windows.Network.NetstatEnriched" : "Windows.Network.Netstat",
                renderer(lines),
                null);
    }

    private ListingSource kape(List<String> lines, List<Socket> out) {
        ColumnRows rows = structured(lines);
        problems(rows);
        for (ColumnRows.Row r : rows.rows) {
            String proto = r.get("Protocol");
            if (proto == null || !(proto.equalsIgnoreCase("TCP") || proto.equalsIgnoreCase("UDP"))) {
                warn(r.line(), "Protocol '" + proto + "' is not TCP or UDP; row not read");
                continue;
            }
            Protocol p = proto.equalsIgnoreCase("TCP") ? Protocol.TCP : Protocol.UDP;
            String local = r.get("LocalAddress");
            String process = r.get("Process");
            if (process != null
                    && !process.isEmpty()
                    && !PSEUDO_PROCESSES.contains(process.toLowerCase(Locale.ROOT))
                    && !process.toLowerCase(Locale.ROOT).endsWith(".exe")) {
                process = process + ".exe"; // Get-Process's Name is the image name without ".exe"
            }
            String service = r.get("Service");
            String created = absent(r.get("Timestamp")) ? null : r.get("Timestamp");
            out.add(socket(
                    r.line(),
                    p,
                    local == null ? null : Addresses.ipVersion(Addresses.unbracket(local)),
                    local,
                    r.get("LocalPort"),
                    r.get("RemoteAddress"),
                    r.get("RemotePort"),
                    r.get("State"),
                    r.get("ProcessId"),
                    process,
                    service == null || service.isBlank() ? List.of() : List.of(service),
                    MemoryRecord.unjudged(null, created, dotNetJsonDate(created))));
        }
        return new ListingSource("KAPE", "Get-NetworkConnection", renderer(lines), null);
    }

    private ListingSource kansa(List<String> lines, List<Socket> out) {
        int header = Math.max(0, indexOf(lines, l -> l.contains("LocalAddress") && l.contains("ForeignAddress")));
        ColumnRows rows = ColumnRows.tabs(lines, header, false, true);
        problems(rows);
        boolean admin = rows.rows.stream().anyMatch(r -> r.cells().containsKey("ConPId"));
        if (!admin && !rows.rows.isEmpty()) {
            warnings.add(new SnapshotWarning(
                    file,
                    header + 1,
                    "the PId column of Kansa's non-administrator"
                            + " Get-Netstat holds PowerShell's own $Pid, not the socket's owner: PIDs not read"));
        }
        for (ColumnRows.Row r : rows.rows) {
            String proto = r.get("Protocol");
            if (proto == null || !proto.matches("(?i)TCP|UDP")) {
                warn(r.line(), "Protocol '" + proto + "' is not TCP or UDP; row not read");
                continue;
            }
            Protocol p = proto.equalsIgnoreCase("TCP") ? Protocol.TCP : Protocol.UDP;
            String local = r.get("LocalAddress") == null ? null : Addresses.unbracket(r.get("LocalAddress"));
            String process = owner(r.get("Process"));
            String component = owner(r.get("Component"));
            List<String> services = component != null
                            && !component.equalsIgnoreCase(process)
                            && !r.get("Component").startsWith("[")
                    ? List.of(component)
                    : List.of();
            String state = "STATELESS".equals(r.get("State")) ? null : r.get("State");
            out.add(socket(
                    r.line(),
                    p,
                    local == null ? null : Addresses.ipVersion(local),
                    local,
                    r.get("LocalPort"),
                    r.get("ForeignAddress") == null ? null : Addresses.unbracket(r.get("ForeignAddress")),
                    r.get("ForeignPort"),
                    state,
                    admin ? r.get("ConPId") : null,
                    process,
                    services,
                    MemoryRecord.unjudged(null, null, null)));
        }
        return new ListingSource("Kansa", "Get-Netstat", "tsv", null);
    }

    /** Kansa's {@code [svchost.exe]} → {@code svchost.exe}; its placeholders → null. */
    private static String owner(String s) {
        if (s == null
                || s.isBlank()
                || s.equals("Not provided")
                || s.contains("Can not obtain ownership")
                || s.equals("False")) {
            return null;
        }
        String t = s.strip();
        return t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1) : t;
    }

    // ---- one socket

    private Socket socket(
            int line,
            Protocol p,
            Integer version,
            String localAddr,
            String localPort,
            String foreignAddr,
            String foreignPort,
            String state,
            String pid,
            String owner,
            List<String> services,
            MemoryRecord memory) {
        String local = localAddr == null ? "-" : localAddr;
        Port lport = Port.parse(localPort == null ? "-" : localPort);
        String foreign;
        Port fport;
        SocketState st;
        String stateText;
        if (p == Protocol.TCP) {
            foreign = foreignAddr == null ? "-" : foreignAddr;
            fport = Port.parse(foreignPort == null ? "-" : foreignPort);
            stateText = absent(state) ? null : state;
            st = stateText == null
                    ? SocketState.UNKNOWN
                    : vocabulary.state(stateText).orElse(SocketState.UNKNOWN);
        } else {
            // A UDP endpoint has no remote side and no state, whatever the tool fills in (Volatility: "*" and 0).
            foreign = "*";
            fport = null;
            st = null;
            stateText = null;
        }
        Integer pidValue = null;
        if (!absent(pid)) {
            try {
                long n = Long.parseLong(pid.strip());
                if (n >= 0 && n <= Integer.MAX_VALUE) {
                    pidValue = (int) n;
                } else {
                    warn(line, "PID " + pid + " is out of range; read as unknown");
                }
            } catch (NumberFormatException e) {
                warn(line, "PID '" + pid + "' is not a number; read as unknown");
            }
        }
        Integer v = version != null ? version : Addresses.ipVersion(local);
        return new Socket(
                p,
                v,
                local,
                lport,
                foreign,
                fport,
                st,
                stateText,
                pidValue,
                absent(owner) ? null : owner,
                services,
                line,
                memory);
    }

    // ---- helpers

    private ColumnRows structured(List<String> lines) {
        String first =
                lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (first.startsWith("[")) {
            return ColumnRows.jsonArray(String.join("\n", lines));
        }
        if (first.startsWith("{")) {
            // JSON lines, unless the one object spans lines (a pretty-printed single object).
            return first.endsWith("}") ? ColumnRows.jsonLines(lines) : ColumnRows.jsonArray(String.join("\n", lines));
        }
        int header = Math.max(0, indexOf(lines, l -> !l.isBlank()));
        return ColumnRows.csv(lines, header);
    }

    private static String renderer(List<String> lines) {
        String first =
                lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return first.startsWith("[")
                ? "json"
                : first.startsWith("{") ? (first.endsWith("}") ? "jsonl" : "json") : "csv";
    }

    /** The svchost service a {@code -s Service} argument names (Windows 10 1703 and later split services so). */
    static List<String> serviceOfCommandLine(String commandLine) {
        if (commandLine == null) {
            return List.of();
        }
        Matcher m = Pattern.compile("(?i)(?:^|\\s)-s\\s+(\\S+)").matcher(commandLine);
        return m.find() ? List.of(m.group(1)) : List.of();
    }

    private static String[] splitEndpoint(String e) {
        int c = e.lastIndexOf(':');
        if (c < 0) {
            return new String[] {e, null};
        }
        return new String[] {Addresses.unbracket(e.substring(0, c)), e.substring(c + 1)};
    }

    private static String banner(List<String> lines, Pattern p) {
        for (String l : lines.subList(0, Math.min(lines.size(), 10))) {
            Matcher m = p.matcher(l);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static int indexOf(List<String> lines, java.util.function.Predicate<String> p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean absent(String s) {
        return s == null || ABSENT.contains(s.strip());
    }

    private void problems(ColumnRows rows) {
        rows.problems.forEach(p -> warn(p.line(), p.message()));
    }

    private void warn(int line, String message) {
        warnings.add(new SnapshotWarning(file, line, message));
    }

    private static final DateTimeFormatter VOL_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    /**
     * A Volatility time in UTC: {@code 2025-01-27 09:06:39.000000 UTC}, the same without a zone
     * (older Volatility 3 builds print naive datetimes; the kernel's FILETIME is UTC),
     * {@code 2018-08-30 13:52:52 UTC+0000} (Volatility 2), or ISO 8601 (the JSON renderers).
     */
    static Instant volatilityTime(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            return isoTime(t);
        }
        t = t.replaceFirst(" UTC(\\+0000)?$", "");
        try {
            return LocalDateTime.parse(t, VOL_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO 8601 with an offset or {@code Z}; without one, UTC (Volatility's JSON of a naive datetime). */
    static Instant isoTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * Windows PowerShell's ConvertTo-Json writes a DateTime as {@code \/Date(milliseconds since
     * 1970 UTC)\/}; the CSV form is a local time in the collector's culture, kept as text only.
     */
    static Instant dotNetJsonDate(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = Pattern.compile("/Date\\((-?\\d{1,15})\\)/").matcher(text);
        return m.find() ? Instant.ofEpochMilli(Long.parseLong(m.group(1))) : null;
    }

    static boolean isIpv4(String s) {
        return IPV4.matcher(s).matches();
    }
}

package org.portmortem.snapshot.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.net.Protocol;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.Port;
import org.portmortem.snapshot.SnapshotKind;
import org.portmortem.snapshot.SnapshotWarning;
import org.portmortem.snapshot.Socket;
import org.portmortem.snapshot.SocketList;
import org.portmortem.snapshot.SocketState;

/**
 * Reads {@code netstat} text from Windows 2000 to 11, any display language.
 *
 * <p>Lines are split on whitespace, not fixed columns, because long IPv6 addresses push the
 * columns right. A socket line is {@code PROTO LOCAL FOREIGN [STATE...] [PID]}: the state may be
 * several words in some languages, the PID is the trailing number. State words come from the
 * vocabulary; an unknown word on a TCP line whose foreign port is 0 ({@code 0.0.0.0:0},
 * {@code [::]:0}, or a host name with port 0) is LISTENING, which holds in every language except
 * for the BOUND sockets of {@code netstat -q}, hence a warning naming the word. With
 * {@code -b}, the lines after a socket line name its owner: a two-space indented service tag, a
 * {@code [image.exe]} line, or the "cannot obtain ownership" sentence.
 */
public final class NetstatParser {
    static final Pattern SOCKET_LINE = Pattern.compile("^\\s*(TCP|UDP)(v6)?\\s+\\S*:\\S*\\s+\\S.*$");
    private static final Pattern PROMPT = Pattern.compile("^\\s*(?:[A-Za-z]:\\\\[^>]*|PS [^>]*)>\\s*(.*)$");
    private static final Pattern NETSTAT_COMMAND = Pattern.compile("(?i)^netstat(\\.exe)?\\b(.*)$");
    private static final Pattern MODULE_PATH = Pattern.compile("(?i)^[a-z]:\\\\[^>]*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TIMESTAMP =
            Pattern.compile("^\\s*(\\d{4}-\\d{2}-\\d{2})[T ](\\d{1,2}:\\d{2}(:\\d{2})?)");

    /** How many distinct values one reading shares or remembers at most. */
    private static final int MAX_SHARED = 100_000;

    private final Vocabulary vocabulary;

    public NetstatParser(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Whether a line is a netstat socket line. */
    public static boolean isSocketLine(String line) {
        // Cheap first test: most lines of a -b listing are owner lines, which the regex need not see.
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return (line.startsWith("TCP", i) || line.startsWith("UDP", i))
                && SOCKET_LINE.matcher(line).matches();
    }

    /** Reads the decoded text of a netstat file. */
    public NetstatSnapshot parse(Path file, DecodedText text) {
        Reading r = new Reading(file);
        int n = 0;
        for (String line : text.lines()) {
            r.line(++n, line);
        }
        return new NetstatSnapshot(
                file,
                text.encoding(),
                SnapshotKind.NETSTAT,
                r.commandLine,
                r.flags(),
                r.language,
                r.sockets,
                r.warnings,
                r.captureTime);
    }

    /** State of one pass over a file. */
    private final class Reading {
        final Path file;
        final List<Socket> sockets = new SocketList();
        final List<SnapshotWarning> warnings = new ArrayList<>();
        final Set<String> commandFlags = new LinkedHashSet<>();
        final Set<String> unknownStates = new HashSet<>();
        String commandLine;
        String language;
        LocalDateTime captureTime;
        boolean headerSeen;
        boolean ownerLines;
        boolean pidsSeen;
        boolean namesSeen;
        boolean listeningOrUdpSeen;
        /** Index in {@code sockets} of the socket whose -b owner lines may follow, or -1. */
        int ownerTarget = -1;

        int previousNonBlank;
        /**
         * One instance per distinct string, port and service list: a big listing repeats the same
         * addresses, state words, images and services on thousands of lines, so the sockets share them.
         */
        final Map<Object, Object> canonical = new HashMap<>();
        /** State words already looked up in the vocabulary (the lookup normalizes text each time). */
        final Map<String, Optional<Vocabulary.Entry>> stateEntries = new HashMap<>();

        final Map<String, Map<String, Boolean>> wholeLines =
                Map.of("no-owner", new HashMap<>(), "title", new HashMap<>());

        Reading(Path file) {
            this.file = file;
        }

        @SuppressWarnings("unchecked")
        <T> T shared(T value) {
            if (value == null) {
                return null;
            }
            // Bounded, so a file of all-distinct values costs no more than without sharing.
            T known = (T) canonical.get(value);
            if (known == null && canonical.size() < MAX_SHARED) {
                canonical.put(value, value);
            }
            return known != null ? known : value;
        }

        /** Whether the vocabulary has the whole line as this kind; -b owner lines repeat, so answers are kept. */
        boolean isWhole(String kind, String trimmed) {
            Boolean known = wholeLines.get(kind).get(trimmed);
            if (known == null) {
                known = vocabulary.whole(kind, trimmed).isPresent();
                if (wholeLines.get(kind).size() < MAX_SHARED) {
                    wholeLines.get(kind).put(trimmed, known);
                }
            }
            return known;
        }

        void warn(int n, String message) {
            warnings.add(new SnapshotWarning(file, n, message));
        }

        void line(int n, String raw) {
            String line = raw.replace("\u0000", "");
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                return;
            }
            int previous = previousNonBlank;
            previousNonBlank = n;
            if (isSocketLine(line)) {
                unknownHeaderBefore(previous);
                socket(n, trimmed);
                return;
            }
            if (ownerTarget >= 0 && owner(n, line, trimmed)) {
                return;
            }
            ownerTarget = -1;
            Matcher prompt = PROMPT.matcher(line);
            if (prompt.matches()) {
                command(n, prompt.group(1).trim());
                return;
            }
            var title = vocabulary.whole("title", trimmed);
            if (title.isPresent()) {
                language = language == null ? title.get().language() : language;
                return;
            }
            String first = SPACES.split(trimmed, 2)[0];
            if (vocabulary.whole("protocol", first).isPresent()
                    || vocabulary.within("header", trimmed).isPresent()) {
                header(n, trimmed);
                return;
            }
            Matcher ts = TIMESTAMP.matcher(trimmed);
            if (ts.find() && sockets.isEmpty() && captureTime == null) {
                captureTime = timestamp(ts);
                if (captureTime != null) {
                    return;
                }
            }
            warn(n, "not a netstat line, skipped: " + abbreviate(trimmed));
        }

        void command(int n, String command) {
            Matcher m = NETSTAT_COMMAND.matcher(command);
            if (!m.matches()) {
                warn(n, "command other than netstat in the file: " + abbreviate(command));
                return;
            }
            commandLine = command;
            String args = m.group(2).split("\\|")[0];
            for (String a : args.trim().split("\\s+")) {
                if (a.startsWith("-") || a.startsWith("/")) {
                    for (char c : a.substring(1).toLowerCase(Locale.ROOT).toCharArray()) {
                        commandFlags.add(String.valueOf(c));
                    }
                }
            }
        }

        void header(int n, String trimmed) {
            headerSeen = true;
            var caption = vocabulary.within("header", trimmed);
            if (caption.isPresent()) {
                language = caption.get().language();
            } else if (language == null) {
                language = vocabulary
                        .whole("protocol", trimmed.split("\\s+")[0])
                        .map(e -> e.language())
                        .orElse(null);
            }
        }

        /**
         * On the first socket line without a recognised header, the line just before it is the
         * header of a language the vocabulary lacks: say so instead of calling it unreadable.
         */
        void unknownHeaderBefore(int previous) {
            if (headerSeen || !sockets.isEmpty() || warnings.isEmpty()) {
                return;
            }
            SnapshotWarning last = warnings.get(warnings.size() - 1);
            if (last.line() == previous) {
                warnings.set(
                        warnings.size() - 1,
                        new SnapshotWarning(
                                file,
                                last.line(),
                                "header in a language not in the vocabulary; columns read by position: "
                                        + last.message()
                                                .substring(last.message().indexOf(": ") + 2)));
                headerSeen = true;
            }
        }

        void socket(int n, String trimmed) {
            String[] t = SPACES.split(trimmed);
            Protocol protocol = t[0].startsWith("TCP") ? Protocol.TCP : Protocol.UDP;
            boolean v6 = t[0].endsWith("v6");
            if (t.length < 3) {
                warn(n, "socket line without a foreign address, skipped: " + abbreviate(trimmed));
                ownerTarget = -1;
                return;
            }
            String[] local = splitEndpoint(t[1]);
            String[] foreign = splitEndpoint(t[2]);
            if (local == null || foreign == null || local[1].isEmpty()) {
                warn(n, "garbled address, skipped: " + abbreviate(trimmed));
                ownerTarget = -1;
                return;
            }
            List<String> rest = new ArrayList<>(Arrays.asList(t).subList(3, t.length));
            Integer pid = null;
            if (!rest.isEmpty()
                    && isNumber(rest.get(rest.size() - 1))
                    && (protocol == Protocol.UDP || rest.size() >= 2)) {
                pid = shared(Integer.valueOf(rest.remove(rest.size() - 1)));
                pidsSeen = true;
            }
            SocketState state = null;
            String stateText = null;
            if (protocol == Protocol.TCP) {
                stateText = shared(String.join(" ", rest));
                state = state(n, stateText, foreign[1]);
            } else if (!rest.isEmpty()) {
                warn(n, "unexpected text after a UDP endpoint, ignored: " + String.join(" ", rest));
            }
            String localAddress = shared(Addresses.unbracket(local[0]));
            String foreignAddress = shared(Addresses.unbracket(foreign[0]));
            Integer ipVersion = v6 ? Integer.valueOf(6) : Addresses.ipVersion(localAddress);
            Port localPort = shared(Port.parse(local[1]));
            Port foreignPort =
                    protocol == Protocol.UDP || foreign[1].equals("*") ? null : shared(Port.parse(foreign[1]));
            boolean foreignName = !foreignAddress.equals("*") && Addresses.ipVersion(foreignAddress) == null;
            if (ipVersion == null
                    || foreignName
                    || !localPort.isNumeric()
                    || (foreignPort != null && !foreignPort.isNumeric())) {
                namesSeen = true;
            }
            if (protocol == Protocol.UDP || state == SocketState.LISTENING) {
                listeningOrUdpSeen = true;
            }
            sockets.add(new Socket(
                    protocol,
                    ipVersion,
                    localAddress,
                    localPort,
                    foreignAddress,
                    foreignPort,
                    state,
                    stateText,
                    pid,
                    null,
                    List.of(),
                    n));
            ownerTarget = sockets.size() - 1;
        }

        SocketState state(int n, String stateText, String foreignPort) {
            var known = stateEntries.computeIfAbsent(stateText, vocabulary::stateEntry);
            if (known.isPresent()) {
                if (language == null && !known.get().language().equals("en")) {
                    language = known.get().language();
                }
                return SocketState.valueOf(known.get().meaning());
            }
            if (foreignPort.equals("0")) {
                // Said once per word: with netstat -q an unknown word could also be a localized BOUND.
                if (unknownStates.add(stateText)) {
                    warn(
                            n,
                            "state word '" + stateText + "' is not in the vocabulary; read as LISTENING because"
                                    + " the foreign port is 0");
                }
                return SocketState.LISTENING;
            }
            if (unknownStates.add(stateText)) {
                warn(n, "state word '" + stateText + "' is not in the vocabulary; kept as printed, state UNKNOWN");
            }
            return SocketState.UNKNOWN;
        }

        /** Reads a -b owner line for the last socket; false when the line is not one. */
        boolean owner(int n, String line, String trimmed) {
            Socket s = sockets.get(ownerTarget);
            if (trimmed.startsWith("[") && trimmed.endsWith("]") && trimmed.length() > 2) {
                sockets.set(ownerTarget, s.withOwner(shared(trimmed.substring(1, trimmed.length() - 1)), s.services()));
                ownerLines = true;
                return true;
            }
            if (isWhole("no-owner", trimmed) || isComponentLine(trimmed)) {
                ownerLines = true;
                return true;
            }
            if (!trimmed.contains(" ") && line.startsWith("  ") && !isWhole("title", trimmed)) {
                String lower = trimmed.toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".dll") && !lower.endsWith(".exe")) {
                    // A service tag: the service whose thread owns the socket (svchost -k groups).
                    List<String> services = new ArrayList<>(s.services());
                    services.add(trimmed);
                    sockets.set(ownerTarget, s.withOwner(s.process(), shared(List.copyOf(services))));
                }
                // -v component lines (module names) carry no ownership fact of their own.
                ownerLines = true;
                return true;
            }
            if (line.startsWith(" ") && !line.startsWith("  ")) {
                // Vista+ prints owner sentences with a one-space indent, service tags with two.
                warn(n, "owner line not in the vocabulary, read as 'ownership not available': " + abbreviate(trimmed));
                ownerLines = true;
                return true;
            }
            return false;
        }

        Set<String> flags() {
            Set<String> f = new LinkedHashSet<>(commandFlags);
            if (listeningOrUdpSeen) {
                f.add("a");
            }
            if (!sockets.isEmpty() && !namesSeen) {
                f.add("n");
            }
            if (pidsSeen) {
                f.add("o");
            }
            if (ownerLines) {
                f.add("b");
            }
            return f;
        }
    }

    /**
     * A {@code -v} component line of XP SP2/2003: a module path ({@code C:\\WINDOWS\\system32\\WS2_32.dll},
     * may contain spaces) or the {@code -- unknown component(s) --} marker. It names no owner.
     */
    static boolean isComponentLine(String trimmed) {
        return MODULE_PATH.matcher(trimmed).matches() || (trimmed.startsWith("-- ") && trimmed.endsWith(" --"));
    }

    /** Splits {@code host:port} at the last colon; {@code *:*} gives {@code ["*", "*"]}. */
    static String[] splitEndpoint(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String host = endpoint.substring(0, colon);
        if (host.startsWith("[") != host.endsWith("]")) {
            return null;
        }
        return new String[] {host, endpoint.substring(colon + 1)};
    }

    static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static LocalDateTime timestamp(Matcher m) {
        String time = m.group(2).length() == 4 ? "0" + m.group(2) : m.group(2);
        try {
            return LocalDateTime.parse(m.group(1) + "T" + time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}

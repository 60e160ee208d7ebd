package org.portmortem.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.InputException;
import org.portmortem.snapshot.internal.DecodedText;
import org.portmortem.snapshot.internal.MemoryListingParser;
import org.portmortem.snapshot.internal.NetstatParser;
import org.portmortem.snapshot.internal.PowerShellParser;
import org.portmortem.snapshot.internal.TaskListParser;
import org.portmortem.snapshot.internal.TextDecoder;
import org.portmortem.snapshot.internal.Vocabulary;

/**
 * The entry point for snapshot files: recognises by content what a file is (netstat, tasklist
 * table or CSV, Get-NetTCPConnection / Get-NetUDPEndpoint table or CSV, or nothing) and reads it.
 * Files are only read, never written. The encoding is detected (BOM, UTF-16, UTF-8, OEM or ANSI
 * code page, by evidence: see {@code TextDecoder}), line ends may be CRLF, LF or CR.
 */
public final class SnapshotReader {
    /**
     * Files larger than this are refused as snapshots. A busy server's {@code netstat -anob} is
     * about 100 bytes per socket, so 256 MiB is over 2.5 million sockets. The file is streamed,
     * never held, and the sockets share repeated strings (about 75 bytes of heap each measured on
     * a 60 MB listing), so the bound keeps the heap for such a file near 200 MB and a wrong file
     * (a log) from costing minutes.
     */
    public static final long MAX_SIZE = 256L * 1024 * 1024;

    /** How many lines recognition looks at. */
    private static final int SNIFF_LINES = 400;

    private static final Vocabulary VOCABULARY = Vocabulary.standard();
    private static final TextDecoder DECODER = new TextDecoder(VOCABULARY);

    private SnapshotReader() {}

    /** Recognition reads at most this much of a file. */
    private static final int HEAD = 256 * 1024;

    /** What the file is, or empty when it is not a snapshot this reader knows. Reads at most 256 KiB. */
    public static Optional<SnapshotKind> recognize(Path file) throws IOException {
        checkFile(file);
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD + 1);
        }
        if (head.length > HEAD) {
            // Cut after the last line feed so no character is split (UTF-16LE: keep the LF's 00 byte).
            int lf = HEAD - 1;
            while (lf > 0 && head[lf] != '\n') {
                lf--;
            }
            int end = lf + 1;
            if (end % 2 == 1 && end < head.length && head[end] == 0) {
                end++;
            }
            head = java.util.Arrays.copyOf(head, Math.max(end, 1));
        }
        return recognize(decode(head));
    }

    /** Reads a snapshot of any kind. */
    public static Snapshot read(Path file) throws IOException {
        checkFile(file);
        DecodedText text = DECODER.decode(file);
        SnapshotKind kind = recognize(text)
                .orElseThrow(() -> new InputException(
                        file, "not a netstat, tasklist or Get-NetTCPConnection/Get-NetUDPEndpoint snapshot"));
        return read(file, text, kind);
    }

    /** Reads a socket listing; fails with a one-line message for any other file. */
    public static NetstatSnapshot readSockets(Path file) throws IOException {
        Snapshot s = read(file);
        if (s instanceof NetstatSnapshot n) {
            return n;
        }
        throw new InputException(file, "a " + describe(s.kind()) + ", not a socket listing");
    }

    /** Reads a process table; fails with a one-line message for any other file. */
    public static ProcessTable readProcesses(Path file) throws IOException {
        Snapshot s = read(file);
        if (s instanceof ProcessTable p) {
            return p;
        }
        throw new InputException(file, "a " + describe(s.kind()) + ", not a tasklist");
    }

    static DecodedText decode(byte[] bytes) {
        return DECODER.decode(bytes);
    }

    static Snapshot read(Path file, DecodedText text, SnapshotKind kind) {
        return switch (kind) {
            case NETSTAT -> new NetstatParser(VOCABULARY).parse(file, text);
            case NET_TCP_CONNECTION_TABLE, NET_UDP_ENDPOINT_TABLE ->
                new PowerShellParser(VOCABULARY).parseTable(file, text, kind);
            case NET_TCP_CONNECTION_CSV, NET_UDP_ENDPOINT_CSV ->
                new PowerShellParser(VOCABULARY).parseCsv(file, text, kind);
            case TASKLIST_SVC, TASKLIST -> new TaskListParser().parseTable(file, text, kind);
            case TASKLIST_SVC_CSV, TASKLIST_CSV -> new TaskListParser().parseCsv(file, text, kind);
            case VOLATILITY3_SOCKETS,
                    VOLATILITY2_SOCKETS,
                    VELOCIRAPTOR_NETSTAT,
                    KAPE_NETWORK_CONNECTION,
                    KANSA_NETSTAT -> new MemoryListingParser(VOCABULARY).parse(file, text, kind);
            case VOLATILITY_PROCESSES, VOLATILITY_SERVICES ->
                org.portmortem.snapshot.internal.CompanionParser.parse(file, text, kind);
        };
    }

    /** Fails with a one-line message unless the file exists, is regular and is not too large. */
    private static void checkFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, "not a regular file");
        }
        long size = Files.size(file);
        if (size > MAX_SIZE) {
            throw new InputException(
                    file, "too large for a snapshot (" + size + " bytes; the limit is " + MAX_SIZE + ")");
        }
    }

    /** Recognition by content; the order matters (PowerShell CSV before tasklist CSV). */
    static Optional<SnapshotKind> recognize(DecodedText text) {
        List<String> lines = text.head(SNIFF_LINES);
        // Memory-image and live-response listings first: KAPE's CSV has PowerShell's LocalAddress column.
        Optional<SnapshotKind> memory = MemoryListingParser.recognize(lines)
                .or(() -> org.portmortem.snapshot.internal.CompanionParser.recognize(lines));
        if (memory.isPresent()) {
            return memory;
        }
        String firstLine =
                lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
        if (firstLine.startsWith("#TYPE")
                || firstLine.startsWith("\"LocalAddress\"")
                || (firstLine.startsWith("\"") && firstLine.contains("\"LocalAddress\""))) {
            boolean tcp = firstLine.contains("NetTCPConnection")
                    || lines.stream().anyMatch(l -> l.contains("\"RemoteAddress\""));
            return Optional.of(tcp ? SnapshotKind.NET_TCP_CONNECTION_CSV : SnapshotKind.NET_UDP_ENDPOINT_CSV);
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.startsWith("LocalAddress ") && lines.get(i + 1).trim().startsWith("------------")) {
                return Optional.of(
                        t.contains("RemoteAddress")
                                ? SnapshotKind.NET_TCP_CONNECTION_TABLE
                                : SnapshotKind.NET_UDP_ENDPOINT_TABLE);
            }
        }
        if (lines.stream().anyMatch(NetstatParser::isSocketLine)
                || lines.stream()
                        .anyMatch(l -> VOCABULARY.within("header", l).isPresent()
                                && VOCABULARY
                                        .whole("protocol", l.trim().split("\\s+")[0])
                                        .isPresent())) {
            return Optional.of(SnapshotKind.NETSTAT);
        }
        for (String l : lines) {
            if (l.matches("^=+( =+)+\\s*$")) {
                int groups = l.trim().split(" +").length;
                return Optional.of(groups == 3 ? SnapshotKind.TASKLIST_SVC : SnapshotKind.TASKLIST);
            }
        }
        if (firstLine.startsWith("\"") && firstLine.endsWith("\"")) {
            for (String l : lines) {
                String[] f = l.trim().split("\",\"", -1);
                if (f.length >= 3 && f[1].matches("\\d+")) {
                    return Optional.of(f.length == 3 ? SnapshotKind.TASKLIST_SVC_CSV : SnapshotKind.TASKLIST_CSV);
                }
            }
        }
        return Optional.empty();
    }

    static String describe(SnapshotKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

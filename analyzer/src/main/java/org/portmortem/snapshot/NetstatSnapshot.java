package org.portmortem.snapshot;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * A socket listing as read: {@code netstat} or PowerShell {@code Get-NetTCPConnection} /
 * {@code Get-NetUDPEndpoint}.
 *
 * @param file        the file read
 * @param encoding    detected encoding (Java charset name)
 * @param kind        what the file was recognised as
 * @param commandLine the echoed command ({@code C:\WINNT>netstat -an}) if the file shows one, else null
 * @param flags       netstat switches in effect, from the echoed command and from the content
 *                    ({@code a}, {@code n}, {@code o}, {@code b}, {@code p}); empty for PowerShell
 * @param language    language of headers and state words ({@code en}, {@code de}, …), {@code powershell},
 *                    or null when the file shows neither title nor header (e.g. a {@code find} excerpt)
 * @param sockets     the sockets in file order
 * @param warnings    unreadable or doubtful lines
 * @param captureTime local time of capture if a line before the listing gives one
 *                    ({@code yyyy-MM-dd HH:mm[:ss]}, as {@code echo %date% %time%} on an ISO
 *                    locale or PowerShell {@code Get-Date -Format s} print), else null
 * @param source      which tool, plugin and renderer printed a memory-image or live-response
 *                    listing; null for netstat and PowerShell (the kind says it)
 */
public record NetstatSnapshot(
        Path file,
        String encoding,
        SnapshotKind kind,
        String commandLine,
        Set<String> flags,
        String language,
        List<Socket> sockets,
        List<SnapshotWarning> warnings,
        LocalDateTime captureTime,
        ListingSource source)
        implements Snapshot {

    public NetstatSnapshot {
        flags = Set.copyOf(flags);
        // a large listing's sockets stay in their compact columns rather than being copied out as objects
        sockets = sockets instanceof SocketList compact ? compact.freeze() : List.copyOf(sockets);
        warnings = List.copyOf(warnings);
    }

    /** A netstat or PowerShell listing (no listing source beyond its kind). */
    public NetstatSnapshot(
            Path file,
            String encoding,
            SnapshotKind kind,
            String commandLine,
            Set<String> flags,
            String language,
            List<Socket> sockets,
            List<SnapshotWarning> warnings,
            LocalDateTime captureTime) {
        this(file, encoding, kind, commandLine, flags, language, sockets, warnings, captureTime, null);
    }

    /** The same snapshot with other sockets (e.g. owners attached). */
    public NetstatSnapshot withSockets(List<Socket> newSockets) {
        return new NetstatSnapshot(
                file, encoding, kind, commandLine, flags, language, newSockets, warnings, captureTime, source);
    }

    /**
     * The latest creation time of any row (UTC), or null: a memory image was captured no earlier
     * than this, which bounds the capture time when the listing does not give it.
     */
    public java.time.Instant latestCreated() {
        java.time.Instant latest = null;
        for (Socket s : sockets) {
            if (s.memory() != null
                    && s.memory().created() != null
                    && s.memory().mark() != RecordMark.IMPLAUSIBLE
                    && (latest == null || s.memory().created().isAfter(latest))) {
                latest = s.memory().created();
            }
        }
        return latest;
    }
}

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
        LocalDateTime captureTime) implements Snapshot {

    public NetstatSnapshot {
        flags = Set.copyOf(flags);
        sockets = List.copyOf(sockets);
        warnings = List.copyOf(warnings);
    }

    /** The same snapshot with other sockets (e.g. owners attached). */
    public NetstatSnapshot withSockets(List<Socket> newSockets) {
        return new NetstatSnapshot(file, encoding, kind, commandLine, flags, language, newSockets, warnings,
                captureTime);
    }
}

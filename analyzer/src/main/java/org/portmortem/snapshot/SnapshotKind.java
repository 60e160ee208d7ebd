package org.portmortem.snapshot;

/** What a snapshot file is, recognised from its content (never from its name). */
public enum SnapshotKind {
    /** {@code netstat -a[n][o][b][p proto]} output, any Windows version and display language. */
    NETSTAT(true),
    /** PowerShell {@code Get-NetTCPConnection} in its default table view. */
    NET_TCP_CONNECTION_TABLE(true),
    /** PowerShell {@code Get-NetTCPConnection | Export-Csv}. */
    NET_TCP_CONNECTION_CSV(true),
    /** PowerShell {@code Get-NetUDPEndpoint} in its default table view. */
    NET_UDP_ENDPOINT_TABLE(true),
    /** PowerShell {@code Get-NetUDPEndpoint | Export-Csv}. */
    NET_UDP_ENDPOINT_CSV(true),
    /** {@code tasklist /svc} table: image name, PID, services (wrapped over several lines). */
    TASKLIST_SVC(false),
    /** {@code tasklist /svc /fo csv}. */
    TASKLIST_SVC_CSV(false),
    /** Plain {@code tasklist} table: image name, PID, session name, session number, memory. */
    TASKLIST(false),
    /** Plain {@code tasklist /fo csv}. */
    TASKLIST_CSV(false);

    private final boolean sockets;

    SnapshotKind(boolean sockets) {
        this.sockets = sockets;
    }

    /** Whether the file lists sockets (read into a {@link NetstatSnapshot}) rather than processes. */
    public boolean listsSockets() {
        return sockets;
    }
}

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
    /**
     * Volatility 3 {@code windows.netscan} or {@code windows.netstat}, any renderer (quick, csv,
     * json, jsonl).
     */
    VOLATILITY3_SOCKETS(true),
    /** Volatility 2 {@code netscan}, {@code connscan}, {@code connections}, {@code sockets} or {@code sockscan}. */
    VOLATILITY2_SOCKETS(true),
    /** Velociraptor {@code Windows.Network.Netstat} or {@code NetstatEnriched} (JSON, JSON lines, CSV). */
    VELOCIRAPTOR_NETSTAT(true),
    /** KAPE's {@code Get-NetworkConnection} module output (CSV or JSON). */
    KAPE_NETWORK_CONNECTION(true),
    /** Kansa's {@code Get-Netstat} module output (TSV). */
    KANSA_NETSTAT(true),
    /** Volatility 3 {@code windows.pslist}, {@code pstree} or {@code cmdline}, or Volatility 2 {@code pslist}. */
    VOLATILITY_PROCESSES(false),
    /** Volatility 3 {@code windows.svcscan} or Volatility 2 {@code svcscan}: services with their PIDs. */
    VOLATILITY_SERVICES(false),
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

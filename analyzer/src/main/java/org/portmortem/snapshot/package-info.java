/**
 * Snapshot readers: what was observed on the live machine.
 *
 * <p>{@link org.portmortem.snapshot.SnapshotReader} recognises a file by its content and reads
 * it into a {@link org.portmortem.snapshot.NetstatSnapshot} (netstat, Get-NetTCPConnection,
 * Get-NetUDPEndpoint) or a {@link org.portmortem.snapshot.ProcessTable} (tasklist);
 * {@link org.portmortem.snapshot.SnapshotFiles#find(java.nio.file.Path)} finds such files in a
 * case folder. {@link org.portmortem.snapshot.SocketOwners} fills in process and services per
 * PID; {@link org.portmortem.snapshot.PhantomListener} finds the pre-2003 netstat artefact.
 *
 * <p>Memory-image and live-response listings (Volatility 3 and 2, Velociraptor, KAPE, Kansa) are
 * read into the same {@link org.portmortem.snapshot.NetstatSnapshot}, with the listing's
 * {@link org.portmortem.snapshot.ListingSource} and, per row, a
 * {@link org.portmortem.snapshot.MemoryRecord} (offset, created time, {@link
 * org.portmortem.snapshot.RecordMark}): a pool scan finds freed, duplicated and garbage objects,
 * which are kept and shown but never judged as live sockets. Volatility's pslist, cmdline and
 * svcscan are read as process tables; {@link org.portmortem.snapshot.MemoryListings} joins
 * Volatility 2's XP plugin pairs into one listing.
 *
 * <p>Design choices:
 * <ul>
 *   <li>A port is a {@link org.portmortem.snapshot.Port}: a number, or the service name netstat
 *       printed without {@code -n}; JSON writes it as a number or a string.</li>
 *   <li>Addresses lose their IPv6 brackets (port syntax) but keep zone indexes; host names printed
 *       without {@code -n} are kept as printed, with a null IP version.</li>
 *   <li>States are normalized to English ({@link org.portmortem.snapshot.SocketState}) with the
 *       printed text kept; localized words live in {@code vocabulary.tsv}, each with its source.
 *       Languages without confirmed words fall back on the foreign-address rule (TCP with foreign
 *       port 0 = LISTENING; UDP has no state).</li>
 *   <li>Unreadable lines become {@link org.portmortem.snapshot.SnapshotWarning}s with file and
 *       line; the rest is read. Only a file that is not a snapshot at all is an error.</li>
 * </ul>
 *
 * <p>Compared with jc's {@code netstat} parser on its Windows 10 fixtures (see
 * {@code JcCorpusTest}): same sockets, ports, states and PIDs; PortMortem also keeps the
 * {@code -b} service tag ({@code RpcSs}, {@code IKEEXT}) that jc drops, removes IPv6 brackets
 * that jc keeps, and gives UDP a null state and foreign port where jc gives {@code ""} and
 * {@code "*"}.
 */
package org.portmortem.snapshot;

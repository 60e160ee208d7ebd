/**
 * The binary regf hive reader (Windows NT registry files, format versions 1.2 to 1.6), written from
 * msuhanov's "Windows registry file format specification" and libyal's libregf documentation. Its
 * only public type is {@link org.portmortem.hive.internal.regf.RegfHive}, which
 * {@code org.portmortem.hive.HiveFormats} opens for files that start with {@code regf}.
 *
 * <p>Design: one byte reader ({@code HiveBytes}) over a read-only memory mapping (or the in-memory
 * image after log replay) does every bounds check and raises one internal exception type; parsers
 * never index raw arrays. Damage to a key, value or list becomes a {@link org.portmortem.hive.HiveWarning}
 * naming its file offset while the rest is read; a file that cannot be a hive is refused with a
 * one-line {@link org.portmortem.hive.HiveFormatException}. Keys are read lazily; subkey lists are
 * bounded by their cells, index roots are walked with a visited set and a nesting limit, key depth is
 * limited to 512, a key node that is its own ancestor or listed under two parents is cut, and big
 * data is never larger than the cells holding it. Lookups by name do not decode a key's names again:
 * the hive keeps the value names of its last few keys ({@code ValueNames}) and the subkey names of
 * its large keys ({@code SubkeyIndex}), both bounded, the first lookup raising every warning in order.
 *
 * <p>Checked against hivexml and reglookup on every corpus hive they read (tests
 * {@code DumpHivexCrossCheckTest} and {@code DumpReglookupCrossCheckTest} in the reports module).
 * Deliberate differences, where the other tools are wrong:
 * <ul>
 *   <li>names are kept whole: hivex and reglookup cut key and value names at the first NUL
 *       ({@code SAC\0} of an XP SECURITY hive shows as {@code SAC}); lookups here also find such a
 *       name without its trailing NULs;
 *   <li>damage costs only the damaged part: reglookup drops the keys after a bad hive bin header, a
 *       whole subkey list for one bad element, a whole key for a bad value list or a name longer than
 *       its cell, all of which are read here with a warning;
 *   <li>big-data (db) records are reassembled in segment order; reglookup 1.0.1 returns the
 *       53,392-byte AppCompatCache of an XP SYSTEM hive starting in the middle (hivex agrees with us);
 *   <li>a dirty hive whose base block gives a smaller hive bins size than the unbroken chain of hive
 *       bins in the file (an interrupted write) is read to the end of the chain, with a warning.
 * </ul>
 *
 * <p>Transaction logs: see {@code LogRecovery}. New-format entries are applied from the primary
 * file's secondary sequence number (the last completed write), not its primary sequence number as
 * the specification says, because the entry numbered like the last completed write can still hold
 * data the primary file lacks (regipy's transactions_NTUSER.DAT is only consistent after it).
 */
package org.portmortem.hive.internal.regf;

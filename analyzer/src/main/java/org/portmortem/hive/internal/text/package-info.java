/**
 * The {@code .reg} export reader: REGEDIT4 and version 5.00, UTF-16LE/UTF-8/ANSI, line
 * continuations, every {@code hex(N)} type and deletions; a malformed line becomes a warning naming
 * the file and line. Not API: use {@link org.portmortem.hive.Hive#open}.
 */
package org.portmortem.hive.internal.text;

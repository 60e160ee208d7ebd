/**
 * The one read API over Windows registry hives: {@link org.portmortem.hive.Hive},
 * {@link org.portmortem.hive.Key}, {@link org.portmortem.hive.Value} and {@link org.portmortem.hive.ValueType}.
 * {@code Hive.open} recognises the format by content (binary regf or a {@code .reg} export); every
 * stage above is blind to which one it got. {@code MemoryHive} is a mutable copy and {@code RegOverlay}
 * applies a {@code .reg} file's additions and deletions to such copies (what-if analysis), so the
 * evidence itself is never written.
 */
package org.portmortem.hive;

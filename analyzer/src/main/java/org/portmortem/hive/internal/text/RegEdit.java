package org.portmortem.hive.internal.text;

/**
 * One change a .reg file asks for, in file order: regedit applies a file as a sequence of such
 * changes, and so do the reader and overlays.
 */
public sealed interface RegEdit {
    /** The line the change was written on (the first line of a continued line). */
    int line();

    /** The key the change is about. */
    RegPath key();

    /** {@code [key]}: the key is created if missing. */
    record AddKey(int line, RegPath key) implements RegEdit {}

    /** {@code [-key]}: the key is removed with everything below it. */
    record DeleteKey(int line, RegPath key) implements RegEdit {}

    /**
     * {@code "name"=data}: the value is set, replacing one of the same name.
     *
     * @param name value name, {@code ""} for the default value ({@code @})
     * @param typeId the registry type id
     * @param raw the data as a binary hive holds it (strings in UTF-16LE)
     */
    record SetValue(int line, RegPath key, String name, int typeId, byte[] raw) implements RegEdit {}

    /** {@code "name"=-}: the value is removed. */
    record DeleteValue(int line, RegPath key, String name) implements RegEdit {}
}

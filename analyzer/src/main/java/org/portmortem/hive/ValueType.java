package org.portmortem.hive;

/**
 * The registry value types that Windows defines (winnt.h). A value whose type id is none of these
 * has type {@link #UNKNOWN}; its id is still available from {@link Value#typeId()}.
 */
public enum ValueType {
    REG_NONE(0),
    REG_SZ(1),
    REG_EXPAND_SZ(2),
    REG_BINARY(3),
    REG_DWORD(4),
    REG_DWORD_BIG_ENDIAN(5),
    REG_LINK(6),
    REG_MULTI_SZ(7),
    REG_RESOURCE_LIST(8),
    REG_FULL_RESOURCE_DESCRIPTOR(9),
    REG_RESOURCE_REQUIREMENTS_LIST(10),
    REG_QWORD(11),
    UNKNOWN(-1);

    private final int id;

    ValueType(int id) {
        this.id = id;
    }

    /** The numeric type id as stored in the hive, or -1 for {@link #UNKNOWN}. */
    public int id() {
        return id;
    }

    /** The types by id; {@code values()} would copy the array on every look-up (one per value read). */
    private static final ValueType[] BY_ID = values();

    /** The type for a stored id; {@link #UNKNOWN} for ids Windows does not define. */
    public static ValueType of(int id) {
        return id >= 0 && id <= 11 ? BY_ID[id] : UNKNOWN;
    }
}

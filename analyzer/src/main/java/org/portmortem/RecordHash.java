package org.portmortem;

import java.util.Objects;

/**
 * The hash code a record's own {@code hashCode} gives, for records that write out their {@code equals}
 * and {@code hashCode}: the JDK links a record's own through an {@code ObjectMethods} bootstrap that
 * spins method-handle classes on first use, 68 of them in one {@code analyze} (bench/README.md), a
 * start-up cost of every short command. The hash is the record's to the bit ({@code h = 31 * h +
 * hash(c)} from zero, in declaration order), so nothing kept in hash order moves; {@code
 * RecordMethodsTest} checks every such record against its components. A primitive component is passed
 * boxed: {@code Integer} and {@code Boolean} hash as {@code Integer.hashCode} and {@code
 * Boolean.hashCode} do.
 */
public final class RecordHash {
    private RecordHash() {}

    /** The hash of a record with these components, in declaration order. */
    public static int of(Object... components) {
        int h = 0;
        for (Object c : components) {
            h = 31 * h + Objects.hashCode(c);
        }
        return h;
    }
}

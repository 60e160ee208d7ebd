package org.portmortem.hive;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Test-side full traversal of a hive: every key (with its class name and timestamp) and every value
 * with its data decoded by every accessor its type allows, as (path, name, type, hex) facts.
 */
public final class HiveTraversal {
    private HiveTraversal() {}

    /** One line per key ({@code K|path}) and per value ({@code V|path|name|type|hex}), in traversal order. */
    public static Set<String> facts(Hive hive) {
        Set<String> out = new LinkedHashSet<>();
        Deque<Key> stack = new ArrayDeque<>();
        stack.push(hive.root());
        while (!stack.isEmpty()) {
            Key k = stack.pop();
            out.add("K|" + k.path());
            k.lastWritten();
            k.className();
            for (Value v : k.values()) {
                decodeAll(v);
                out.add("V|" + k.path() + "|" + v.name() + "|" + v.typeId() + "|" + v.rawHex());
            }
            k.subkeys().forEach(stack::push);
        }
        return out;
    }

    /** Calls every typed accessor that the value's type admits, so decoding is exercised too. */
    public static void decodeAll(Value v) {
        v.display();
        if (v.isString() || v.type() == ValueType.REG_MULTI_SZ) {
            v.asStrings();
        }
        if (v.isNumber()) {
            v.asLong();
        }
    }
}

package org.portmortem.snapshot;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.UnaryOperator;
import org.portmortem.net.Protocol;

/**
 * The sockets of a large listing, held as columns of numbers rather than as objects: each distinct
 * address, port, state text, process and service list is stored once and a socket is a row of
 * indexes into them (about 40 bytes, against some 64 for a {@link Socket} and its references), so
 * a 200 MB netstat listing of millions of lines fits in a small heap. {@link #get} makes the
 * {@link Socket} afresh each time; callers compare sockets with {@code equals}, never by identity.
 *
 * <p>A list is filled by a parser ({@link #add}, {@link #set}) and then frozen by the snapshot that
 * takes it, after which it is read-only. {@link #mapped} gives a read-only view that changes each
 * socket as it is read (owners attached), without a second copy.
 */
public final class SocketList extends AbstractList<Socket> implements RandomAccess {
    private static final int NONE = 0;

    /** Distinct field values; index 0 stands for null. */
    private final List<Object> values;

    private final Map<Object, Integer> ids;
    /** Memory-image records are rare and differ per row, so they are kept aside by row. */
    private final Map<Integer, MemoryRecord> memory;

    private byte[] protocol = new byte[16];
    private byte[] ipVersion = new byte[16];
    private byte[] state = new byte[16];
    private int[] localAddress = new int[16];
    private int[] localPort = new int[16];
    private int[] foreignAddress = new int[16];
    private int[] foreignPort = new int[16];
    private int[] stateText = new int[16];
    private int[] pid = new int[16];
    private int[] process = new int[16];
    private int[] services = new int[16];
    private int[] line = new int[16];
    private int size;
    private boolean frozen;

    private final SocketList base;
    private final UnaryOperator<Socket> change;

    public SocketList() {
        values = new java.util.ArrayList<>(List.of(NoValue.NULL));
        ids = new HashMap<>();
        memory = new HashMap<>();
        base = null;
        change = null;
    }

    private SocketList(SocketList base, UnaryOperator<Socket> change) {
        this.values = null;
        this.ids = null;
        this.memory = null;
        this.base = base.freeze();
        this.change = change;
        this.frozen = true;
    }

    /** A read-only view of {@code base} whose sockets are {@code change}d as they are read. */
    public static SocketList mapped(SocketList base, UnaryOperator<Socket> change) {
        return new SocketList(base, change);
    }

    /** Makes this list read-only (what a snapshot holds) and returns it. */
    public SocketList freeze() {
        frozen = true;
        return this;
    }

    @Override
    public int size() {
        return base != null ? base.size() : size;
    }

    @Override
    public Socket get(int i) {
        if (base != null) {
            return change.apply(base.get(i));
        }
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        @SuppressWarnings("unchecked")
        List<String> serviceList = (List<String>) value(services[i]);
        return new Socket(
                Protocol.values()[protocol[i] - 1],
                ipVersion[i] == 0 ? null : (int) ipVersion[i],
                (String) value(localAddress[i]),
                (Port) value(localPort[i]),
                (String) value(foreignAddress[i]),
                (Port) value(foreignPort[i]),
                state[i] == 0 ? null : SocketState.values()[state[i] - 1],
                (String) value(stateText[i]),
                (Integer) value(pid[i]),
                (String) value(process[i]),
                serviceList == null ? List.of() : serviceList,
                line[i],
                memory.get(i));
    }

    @Override
    public boolean add(Socket s) {
        writable();
        if (size == line.length) {
            grow();
        }
        size++;
        put(size - 1, s);
        return true;
    }

    @Override
    public Socket set(int i, Socket s) {
        writable();
        Socket old = get(i);
        put(i, s);
        return old;
    }

    private void writable() {
        if (frozen) {
            throw new UnsupportedOperationException("the sockets of a snapshot are read-only");
        }
    }

    private void put(int i, Socket s) {
        protocol[i] = (byte) (s.protocol().ordinal() + 1);
        ipVersion[i] = s.ipVersion() == null ? 0 : s.ipVersion().byteValue();
        state[i] = s.state() == null ? 0 : (byte) (s.state().ordinal() + 1);
        localAddress[i] = id(s.localAddress());
        localPort[i] = id(s.localPort());
        foreignAddress[i] = id(s.foreignAddress());
        foreignPort[i] = id(s.foreignPort());
        stateText[i] = id(s.stateText());
        pid[i] = id(s.pid());
        process[i] = id(s.process());
        services[i] = id(s.services());
        line[i] = s.line();
        if (s.memory() != null) {
            memory.put(i, s.memory());
        } else {
            memory.remove(i);
        }
    }

    private int id(Object v) {
        if (v == null) {
            return NONE;
        }
        return ids.computeIfAbsent(v, k -> {
            values.add(k);
            return values.size() - 1;
        });
    }

    private Object value(int id) {
        return id == NONE ? null : values.get(id);
    }

    private void grow() {
        int n = line.length + (line.length >> 1) + 1;
        protocol = Arrays.copyOf(protocol, n);
        ipVersion = Arrays.copyOf(ipVersion, n);
        state = Arrays.copyOf(state, n);
        localAddress = Arrays.copyOf(localAddress, n);
        localPort = Arrays.copyOf(localPort, n);
        foreignAddress = Arrays.copyOf(foreignAddress, n);
        foreignPort = Arrays.copyOf(foreignPort, n);
        stateText = Arrays.copyOf(stateText, n);
        pid = Arrays.copyOf(pid, n);
        process = Arrays.copyOf(process, n);
        services = Arrays.copyOf(services, n);
        line = Arrays.copyOf(line, n);
    }

    /** The placeholder at index 0 of the values, which stands for null. */
    private enum NoValue {
        NULL
    }
}

package org.portmortem.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * {@code dump --format jsonl} with its lines encoded and written on a second thread while this one
 * reads the hive: on two cores, reading the hive and encoding JSON (each about half of a dump's
 * work) overlap. The bytes are those of {@link DumpJsonLinesBytes} alone, which does the writing.
 *
 * <p>Only the calling thread touches the hive. The writer gets plain data: each key's depth, name and
 * last-write time ({@link DumpJsonLinesBytes.KeyLine}), read here, and the values, which are
 * immutable. So the hive's warnings are raised in the same order as without this class. Memory is
 * bounded: at most {@value #QUEUED} batches wait, each of at most {@value #BATCH_ITEMS} keys and
 * values or about {@value #BATCH_BYTES} bytes of value data.
 */
final class JsonLinesOnSecondThread implements DumpCommand.KeyPrinter {
    static final int BATCH_ITEMS = 2048;
    static final int BATCH_BYTES = 1 << 20;
    static final int QUEUED = 4;
    /** Sent after the last batch: the writer returns. */
    private static final List<Object> END = new ArrayList<>(0);

    /** A key whose values are written without its own line first (see {@link DumpJsonLinesBytes#value}). */
    private record Entered(DumpJsonLinesBytes.KeyLine key) {}

    private final DumpJsonLinesBytes lines;
    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread writer;
    /** What stopped the writer, or null; read by this thread after each hand-over and at the end. */
    private volatile Throwable failure;
    /** Whether {@link #failure} was thrown to the caller already (close() must not throw it again). */
    private boolean failureThrown;

    private List<Object> batch = new ArrayList<>();
    private long batchBytes;
    private Key lastKey;
    private boolean closed;

    JsonLinesOnSecondThread(DumpJsonLinesBytes lines) {
        this.lines = lines;
        this.writer = new Thread(this::writeBatches, "dump-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void key(Key k, int depth) throws IOException {
        add(DumpJsonLinesBytes.KeyLine.of(k, depth), 0);
        lastKey = k;
    }

    @Override
    public void value(Key k, Value v) throws IOException {
        if (k != lastKey) {
            add(new Entered(DumpJsonLinesBytes.KeyLine.of(k, 0)), 0);
            lastKey = k;
        }
        add(v, v.size());
    }

    /** Waits for the writer to finish every line, then flushes; the writer's failure, if any, is thrown here. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
            queue.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the dump was written");
        }
        if (failure != null) {
            if (!failureThrown) {
                rethrowFailure();
            }
            return; // the output failed: nothing more can be written to it
        }
        lines.close();
    }

    private void add(Object item, long bytes) throws IOException {
        batch.add(item);
        batchBytes += bytes;
        if (batch.size() >= BATCH_ITEMS || batchBytes >= BATCH_BYTES) {
            rethrowFailure();
            try {
                queue.put(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the dump was written");
            }
            batch = new ArrayList<>();
            batchBytes = 0;
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure;
        failureThrown |= t != null;
        Failures.rethrow(t);
    }

    /**
     * One key's or value's line. A method of its own, so that the JIT compiles it after a few hundred
     * lines: the writer's loop runs once, and a loop's own body is compiled only after 60,000 turns.
     */
    private void write(Object item) throws IOException {
        if (item instanceof DumpJsonLinesBytes.KeyLine k) {
            lines.keyLine(k);
        } else if (item instanceof Value v) {
            lines.valueLine(v);
        } else {
            lines.enter(((Entered) item).key());
        }
    }

    /** The writer thread: encodes each batch in order; after a failure it only drains, so that no put blocks. */
    private void writeBatches() {
        try {
            for (List<Object> b = queue.take(); b != END; b = queue.take()) {
                if (failure != null) {
                    continue;
                }
                try {
                    for (Object item : b) {
                        write(item);
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            failure = new UncheckedIOException(new InterruptedIOException("the dump writer was interrupted"));
        }
    }
}

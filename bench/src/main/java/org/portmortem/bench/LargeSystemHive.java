package org.portmortem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveFormat;
import org.portmortem.hive.HiveInfo;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.write.HiveWriter;

/**
 * A SYSTEM hive grown from a real one: every control set's {@code Enum\<enumerator>} key lists its
 * subkeys {@code deviceCopies} times and every {@code Services} key {@code serviceCopies} times (copy
 * n named {@code <name>_<n>}), each copy with the template's own values and subkeys. Device instances
 * are what make real SYSTEM hives large; services are copied a fixed, smaller number of times (10 by
 * default: some 7,000 services from a Windows 10 template, more than any real machine has), so the
 * hive grows the way real ones do while the service list is still far beyond the usual. The tree is made as it is walked (nothing but the template, a
 * lazy memory-mapped reader, is held), so only the writer's image of the output takes memory.
 *
 * <p>A benchmark input for {@code bench/limits.sh}, never committed:
 * {@code java -Xmx3g -cp bench/target/benchmarks.jar org.portmortem.bench.LargeSystemHive TEMPLATE OUT MEGABYTES [SERVICE-COPIES]}.
 */
public final class LargeSystemHive implements Hive {
    /** Keys whose subkeys are copied: the device enumerators, and the service list. */
    private static final Pattern DEVICES = Pattern.compile("(?i)ControlSet\\d{3}\\\\Enum\\\\[^\\\\]+");

    private static final Pattern SERVICES = Pattern.compile("(?i)ControlSet\\d{3}\\\\Services");

    private final Hive template;
    private final int deviceCopies;
    private final int serviceCopies;

    public LargeSystemHive(Hive template, int deviceCopies, int serviceCopies) {
        this.template = template;
        this.deviceCopies = deviceCopies;
        this.serviceCopies = serviceCopies;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: LargeSystemHive TEMPLATE-SYSTEM-HIVE OUT MEGABYTES [SERVICE-COPIES]");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        long target = (long) (Double.parseDouble(args[2]) * 1024 * 1024);
        int serviceCopies = args.length == 4 ? Integer.parseInt(args[3]) : 10;
        try (Hive template = Hive.open(Path.of(args[0]))) {
            long[] size = estimate(template.root());
            long rest = size[0] + serviceCopies * size[2];
            int deviceCopies = (int) Math.max(1, Math.ceil((double) (target - rest) / Math.max(1, size[1])));
            HiveWriter.Written w = HiveWriter.builder(Instant.parse("2026-01-01T00:00:00Z"))
                    .embeddedFileName("SYSTEM")
                    .build()
                    .writeTo(new LargeSystemHive(template, deviceCopies, serviceCopies), out);
            System.out.printf(
                    "%s: %,d bytes, %,d keys, %,d values (%d copies of each device instance, %d of each service)%n",
                    out, Files.size(out), w.keys(), w.values(), deviceCopies, serviceCopies);
        }
    }

    /** Approximate regf bytes of the template: [outside the copied lists, devices once, services once]. */
    private static long[] estimate(Key root) {
        long[] size = new long[3];
        Deque<Key> todo = new ArrayDeque<>();
        Deque<Integer> inside = new ArrayDeque<>();
        todo.push(root);
        inside.push(0);
        while (!todo.isEmpty()) {
            Key k = todo.pop();
            int in = inside.pop();
            // cells as HiveWriter lays them out: key node, subkey leaf, value list, value records, data
            long bytes = cell(76 + k.name().length())
                    + cell(4 + 8L * k.subkeys().size())
                    + cell(4L * k.values().size());
            for (Value v : k.values()) {
                bytes += cell(20 + v.name().length()) + (v.size() > 4 ? cell(v.size()) : 0);
            }
            size[in] += bytes;
            int below = in != 0
                    ? in
                    : DEVICES.matcher(k.path()).matches()
                            ? 1
                            : SERVICES.matcher(k.path()).matches() ? 2 : 0;
            for (Key s : k.subkeys()) {
                todo.push(s);
                inside.push(below);
            }
        }
        return size;
    }

    /** A cell of that much data: a 4-byte size, 8-byte aligned. */
    private static long cell(long data) {
        return (4 + data + 7) / 8 * 8;
    }

    @Override
    public String name() {
        return "SYSTEM";
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public HiveFormat format() {
        return template.format();
    }

    @Override
    public Key root() {
        return new Copy(template.root(), template.root().name(), "");
    }

    @Override
    public HiveInfo info() {
        return template.info();
    }

    @Override
    public List<HiveWarning> warnings() {
        return template.warnings();
    }

    @Override
    public void close() {
        // the template is the caller's to close
    }

    /** A template key under a (possibly new) name and path. */
    private final class Copy implements Key {
        private final Key of;
        private final String name;
        private final String path;

        Copy(Key of, String name, String path) {
            this.of = of;
            this.name = name;
            this.path = path;
        }

        @Override
        public Hive hive() {
            return LargeSystemHive.this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Optional<Instant> lastWritten() {
            return of.lastWritten();
        }

        @Override
        public Optional<String> className() {
            return of.className();
        }

        @Override
        public List<Key> subkeys() {
            int copies = DEVICES.matcher(path).matches()
                    ? deviceCopies
                    : SERVICES.matcher(path).matches() ? serviceCopies : 1;
            List<Key> subs = new ArrayList<>();
            for (int n = 0; n < copies; n++) {
                for (Key s : of.subkeys()) {
                    String sub = n == 0 ? s.name() : s.name() + "_" + n;
                    subs.add(new Copy(s, sub, path.isEmpty() ? sub : path + "\\" + sub));
                }
            }
            return subs;
        }

        @Override
        public Optional<Key> subkey(String wanted) {
            return subkeys().stream()
                    .filter(k -> k.name().equalsIgnoreCase(wanted))
                    .findFirst();
        }

        @Override
        public List<Value> values() {
            List<Value> vals = new ArrayList<>();
            for (Value v : of.values()) {
                vals.add(new Value(path, v.name(), v.typeId(), v.raw()));
            }
            return vals;
        }

        @Override
        public Optional<Value> value(String wanted) {
            return values().stream()
                    .filter(v -> v.name().equalsIgnoreCase(wanted))
                    .findFirst();
        }
    }
}

package org.portmortem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;

/**
 * Cross-checks the services of every SYSTEM hive in the shared corpus against
 * {@code regripper -r HIVE -p svc} (RegRipper's svc plugin, v.20200525).
 *
 * <p>Documented differences, each handled below rather than hidden:
 * <ul>
 *   <li>svc reads {@code "ControlSet00" + Select\Current}; the model is read with the same set
 *       (identical for Current 1-9, the only values in the corpus).
 *   <li>svc maps Type through a fixed table that folds the interactive bit (0x110 prints
 *       Own_Process) and prints other numbers as they are; the expected text is made the same way.
 *   <li>svc replaces commas in DisplayName by semicolons (the expected text does the same), and
 *       never resets Description between services (a stale description follows), so Description is
 *       not compared. Last-write times are compared to the second, as svc prints them.
 *   <li>svc reports ServiceDll only from {@code Parameters}, as a separate "NAME\Parameters" line;
 *       the model also reads a ServiceDll on the service key itself, which is not compared.
 *   <li>svc does not replay transaction logs; the model is read with logs off for the comparison.
 *   <li>Where the reader reports a value of a service key unreadable (a damaged cell, as in
 *       regipy's corrupted_system_hive), svc may print text decoded from the damaged bytes; a field
 *       the model leaves absent for that reason is not compared.
 * </ul>
 */
class RegripperCrossCheckTest {
    private static final Pattern LINE =
            Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ),([^,]*),([^,]*),(.*?),"
                    + "(Kernel driver|File system driver|Adapter|Own_Process|Share_Process|Interactive|\\d*),"
                    + "(Boot Start|System Start|Auto Start|Manual|Disabled|\\d*),([^,]*),(.*)$");
    private static final Map<Integer, String> TYPES = Map.of(
            0x1,
            "Kernel driver",
            0x2,
            "File system driver",
            0x4,
            "Adapter",
            0x10,
            "Own_Process",
            0x20,
            "Share_Process",
            0x100,
            "Interactive",
            0x110,
            "Own_Process",
            0x120,
            "Share_Process");
    private static final java.time.format.DateTimeFormatter SVC_TIME = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final String[] STARTS = {"Boot Start", "System Start", "Auto Start", "Manual", "Disabled"};

    /** One line of svc output. */
    record SvcLine(
            String time, String name, String displayName, String image, String type, String start, String objectName) {}

    static Stream<Arguments> hives() throws IOException {
        List<Path> hives = SharedCorpus.systemHives();
        if (hives.isEmpty()) {
            return Stream.of(Arguments.of((Path) null));
        }
        return hives.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hives")
    void servicesMatchRegripperSvc(Path hivePath) throws Exception {
        assumeTrue(hivePath != null, "shared corpus not found beside the repository (../shared/corpus)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/regripper")), "regripper is not installed");
        List<String> out = regripper(hivePath);
        assumeTrue(
                out.stream().anyMatch(l -> l.startsWith("Time,Name")),
                "regripper svc could not list services of " + hivePath + ": " + String.join(" / ", out));
        Map<String, SvcLine> svc = new HashMap<>();
        Map<String, String> svcDlls = new HashMap<>();
        for (String l : out) {
            Matcher m = LINE.matcher(l);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(2);
            if (name.toLowerCase(Locale.ROOT).endsWith("\\parameters")) {
                svcDlls.put(fold(name.substring(0, name.length() - "\\Parameters".length())), m.group(4));
            } else {
                svc.put(
                        fold(name),
                        new SvcLine(m.group(1), name, m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)));
            }
        }
        try (Hive hive = Hive.open(hivePath, HiveOpenOptions.NO_LOGS)) {
            SystemModel model = SystemModel.read(hive, null, ModelOptions.DEFAULT);
            List<String> differences = new ArrayList<>();
            java.util.Set<String> damaged = damagedValueKeys(hive);
            for (Service s : model.services()) {
                SvcLine r = svc.remove(fold(s.name()));
                if (r == null) {
                    differences.add(s.name() + ": not listed by svc");
                    continue;
                }
                compare(differences, s.name(), "Type", typeText(s), r.type());
                compare(differences, s.name(), "Start", startText(s), r.start());
                compare(differences, s.name(), "ImagePath", s.imagePath().orElse(""), r.image());
                compare(differences, s.name(), "ObjectName", s.objectName().orElse(""), r.objectName());
                if (s.displayName().isPresent()
                        || !damaged.contains(fold(s.key().path()))) {
                    compare(
                            differences,
                            s.name(),
                            "DisplayName",
                            s.displayName().isPresent()
                                    ? s.displayName().value().raw().replace(',', ';')
                                    : "",
                            r.displayName());
                }
                compare(
                        differences,
                        s.name(),
                        "LastWrite",
                        s.lastWritten() == null ? "" : SVC_TIME.format(s.lastWritten()),
                        r.time());
                String dll = svcDlls.remove(fold(s.name()));
                if (dll != null || s.serviceDll().isPresent() && isInParameters(s)) {
                    compare(differences, s.name(), "ServiceDll", s.serviceDll().orElse(""), dll == null ? "" : dll);
                }
            }
            svc.keySet().forEach(n -> differences.add(n + ": listed by svc, not in the model"));
            assertThat(differences)
                    .as("differences from regripper svc for " + hivePath)
                    .isEmpty();
            assertThat(model.services()).isNotEmpty();
        }
    }

    /** Keys the reader reported a value of as unreadable ("a value of PATH is unreadable: ..."). */
    private static java.util.Set<String> damagedValueKeys(Hive hive) {
        java.util.Set<String> out = new java.util.HashSet<>();
        Pattern p = Pattern.compile("a value of (.+) is unreadable");
        hive.warnings().forEach(w -> {
            Matcher m = p.matcher(w.message());
            if (m.find()) {
                out.add(fold(m.group(1)));
            }
        });
        return out;
    }

    private static boolean isInParameters(Service s) {
        return s.serviceDll().evidence().keyPath().toLowerCase(Locale.ROOT).endsWith("\\parameters");
    }

    private static void compare(List<String> out, String service, String what, String ours, String theirs) {
        if (!ours.equals(theirs)) {
            out.add(service + " " + what + ": model '" + ours + "', svc '" + theirs + "'");
        }
    }

    private static String typeText(Service s) {
        if (!s.type().isPresent()) {
            return "";
        }
        int t = s.type().value();
        return TYPES.getOrDefault(t, Integer.toString(t));
    }

    private static String startText(Service s) {
        if (!s.start().isPresent()) {
            return "";
        }
        int v = s.start().value();
        return v >= 0 && v < STARTS.length ? STARTS[v] : Integer.toString(v);
    }

    private static String fold(String n) {
        return n.toUpperCase(Locale.ROOT);
    }

    private static List<String> regripper(Path hive) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("regripper", "-r", hive.toString(), "-p", "svc")
                .redirectErrorStream(true)
                .start();
        byte[] bytes = p.getInputStream().readAllBytes();
        p.waitFor(5, TimeUnit.MINUTES);
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}

package org.portmortem.ripper.system;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.portmortem.BundledResource;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.PerlScalar;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipFact;

/**
 * The alerts of RegRipper 3.0's svc_tln (v.20130911), which prints nothing else: for each service key,
 * in the hive's order, each rule applied as svc_tln's Perl applies it, with the words, names and
 * messages of {@code svc-alerts.properties}. Each alert is a fact named {@value Svc#ALERT} in the
 * service's group: its data is svc_tln's message (what follows {@code svc_tln: }), its time the one
 * svc_tln prints (the service key's LastWrite), its evidence the value that raised it, the rule named
 * in the note.
 *
 * <p>Where svc_tln's Perl would print false or missing data, the rules deliberately differ:
 * <ul>
 *   <li>The driver rule reads the service's own Type; where Type is absent svc_tln reads the number
 *       left from the previous service key, and here no driver rule applies.
 *   <li>{@code servicedll-not-dll} is dated with the {@code Parameters} key's LastWrite time: svc_tln
 *       prints {@code $p_lw}, a variable never assigned, so its time field is empty.
 *   <li>FailureAction data that is not text or a number is written in hexadecimal
 *       ({@link RegRipperData#of}); svc_tln prints the raw bytes.
 * </ul>
 */
final class SvcAlerts {
    private static final Properties RULES = load("svc-alerts.properties");
    private static final List<String> PATH_WORDS = list("path.words");
    private static final Set<String> KNOWN_OBJECT_NAMES = Set.copyOf(list("objectname.known"));
    private static final Set<Double> DRIVER_TYPES =
            list("driver.types").stream().map(Double::valueOf).collect(Collectors.toUnmodifiableSet());
    private static final String DRIVER_SUFFIX = rule("driver.suffix");
    private static final String DLL_SUFFIX = rule("servicedll.suffix");
    private static final String FAILURE_ACTION = rule("failure-action.value");
    /** The number at the start of a string, as Perl reads a string used as a number. */
    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)}");

    private final List<RipFact> alerts = new ArrayList<>();

    private SvcAlerts() {}

    /** The alerts svc_tln raises for these services, in the hive's order. */
    static List<RipFact> of(List<Key> serviceKeys) {
        SvcAlerts a = new SvcAlerts();
        serviceKeys.forEach(a::check);
        return a.alerts;
    }

    private void check(Key k) {
        Optional<Value> type = k.value("Type");
        boolean driverNumber = type.isPresent() && DRIVER_TYPES.contains(typeNumber(type.get()));
        Optional<Value> image = k.value("ImagePath");
        if (image.isPresent()) {
            String data = RegRipperData.of(image.get());
            String lower = asciiLower(data);
            if (driverNumber && !lower.isEmpty() && !perlEndsWith(lower, DRIVER_SUFFIX)) {
                raise(k, ServicesByTime.time(k), "driver-not-sys", k, image.get(), data, "");
            }
            pathAlerts(k, k, image.get(), data);
        }
        k.value(FAILURE_ACTION)
                .ifPresent(v -> raise(k, ServicesByTime.time(k), "failure-action", k, v, RegRipperData.of(v), ""));
        Optional<Value> object = k.value("ObjectName");
        if (object.isPresent()) {
            String data = RegRipperData.of(object.get());
            if (!KNOWN_OBJECT_NAMES.contains(asciiLower(data))) {
                raise(k, ServicesByTime.time(k), "unknown-objectname", k, object.get(), data, "");
            }
            if (type.isPresent() && DRIVER_TYPES.contains(svcTypeNumber(type.get())) && !data.isEmpty()) {
                raise(k, ServicesByTime.time(k), "driver-objectname", k, object.get(), data, "");
            }
        }
        ServicesByTime.parametersWithDll(k).ifPresent(p -> {
            Value v = p.value("ServiceDll").orElseThrow();
            String data = RegRipperData.of(v);
            if (!perlEndsWith(asciiLower(data), DLL_SUFFIX)) {
                raise(k, p.lastWritten().orElse(null), "servicedll-not-dll", p, v, data, "");
            }
            pathAlerts(k, p, v, data);
        });
    }

    /** The words of {@code path.words} in a path, and a colon in its last element (an alternate data stream). */
    private void pathAlerts(Key service, Key key, Value value, String path) {
        String lower = asciiLower(path);
        for (String word : PATH_WORDS) {
            if (lower.contains(word)) {
                raise(service, ServicesByTime.time(service), "word-in-path", key, value, path, word);
            }
        }
        // Perl's split drops trailing empty fields, as Java's does.
        String[] parts = path.split("\\\\");
        if (parts.length > 0 && parts[parts.length - 1].contains(":")) {
            raise(service, ServicesByTime.time(service), "ads-in-path", key, value, path, "");
        }
    }

    private void raise(Key service, Instant time, String rule, Key key, Value value, String data, String word) {
        Map<String, String> fields = Map.of("service", service.name(), "data", data, "word", word);
        Matcher m = FIELD.matcher(rule("message." + rule));
        StringBuilder message = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(message, Matcher.quoteReplacement(fields.getOrDefault(m.group(1), m.group())));
        }
        m.appendTail(message);
        alerts.add(new RipFact(
                service.name(),
                Svc.ALERT,
                message.toString(),
                time,
                Evidence.ofValue(key, value, "svc_tln rule " + rule)));
    }

    /** Perl's {@code m/SUFFIX$/}: the string ends in the suffix, or in the suffix and one line break. */
    private static boolean perlEndsWith(String s, String suffix) {
        return s.endsWith(suffix) || s.endsWith(suffix + "\n");
    }

    /** Perl's {@code tr/[A-Z]/[a-z]/}: ASCII capitals only. */
    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.chars().forEach(c -> b.append((char) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)));
        return b.toString();
    }

    /**
     * The Type as svc_tln's {@code $t == 0x01} reads it: the data {@code get_data} gives, used as a Perl
     * number (binary data is raw bytes there, so it is read as such, not as hexadecimal).
     */
    private static double typeNumber(Value v) {
        return PerlScalar.number(PerlScalar.of(v));
    }

    /** The Type as svc_tln's {@code $type == 0x01} reads it: svc's word for it (read as 0), or the data as a number. */
    private static double svcTypeNumber(Value v) {
        String data = RegRipperData.of(v);
        String word = ServiceLabels.svcType(data);
        return word.equals(data) ? typeNumber(v) : PerlScalar.number(word);
    }

    private static String rule(String name) {
        String v = RULES.getProperty(name);
        if (v == null) {
            throw new IllegalStateException("svc-alerts.properties has no " + name);
        }
        return v;
    }

    private static List<String> list(String name) {
        return Arrays.stream(rule(name).split(",")).map(String::strip).toList();
    }

    private static Properties load(String resource) {
        return BundledResource.properties(SvcAlerts.class, "/org/portmortem/ripper/" + resource);
    }
}

package org.portmortem.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.cases.HiveSet;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.ExposurePredictor;
import org.portmortem.exposure.Listener;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.Evidenced;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.Service;
import org.portmortem.model.SystemModel;

/**
 * Compares each older hive copy of a case with the live hives, through the same model, boot plan and
 * exposure stages: what the examiner hunts for is a service made to start, or to run another binary or
 * as another account, after the last backup, and the listeners that change with it.
 */
final class HiveCopyComparison {
    private final ExposurePredictor predictor;

    HiveCopyComparison(ExposurePredictor predictor) {
        this.predictor = predictor;
    }

    /**
     * One entry per copy. A copy without SOFTWARE is modelled with the live SOFTWARE (said in its
     * status); a zero-byte copy is reported as empty and not read.
     */
    List<HiveCopy> compare(
            List<HiveSet> copies,
            SystemModel live,
            Exposure liveExposure,
            Hive liveSoftware,
            HiveOpenOptions options,
            ModelOptions modelOptions,
            Function<java.nio.file.Path, String> label) {
        List<HiveCopy> out = new ArrayList<>();
        for (HiveSet c : copies) {
            String path = label.apply(c.system());
            try {
                if (Files.size(c.system()) == 0) {
                    out.add(new HiveCopy(
                            c.kind().word(),
                            path,
                            null,
                            "empty (zero bytes): not read; Windows 10 1803 and"
                                    + " later no longer fill RegBack unless EnablePeriodicBackup is set",
                            List.of()));
                    continue;
                }
                out.add(compareOne(c, path, live, liveExposure, liveSoftware, options, modelOptions));
            } catch (IOException | RuntimeException e) {
                // The message names the file as opened: a copy out of an image is named by its place in the image.
                String why = String.valueOf(e.getMessage()).replace(c.system().toString(), path);
                out.add(new HiveCopy(c.kind().word(), path, null, "could not be read: " + why, List.of()));
            }
        }
        return out;
    }

    private HiveCopy compareOne(
            HiveSet c,
            String path,
            SystemModel live,
            Exposure liveExposure,
            Hive liveSoftware,
            HiveOpenOptions options,
            ModelOptions modelOptions)
            throws IOException {
        boolean ownSoftware = c.software() != null && Files.size(c.software()) > 0;
        try (Hive system = Hive.open(c.system(), options);
                Hive software = ownSoftware ? Hive.open(c.software(), options) : null) {
            SystemModel copy = SystemModel.read(system, ownSoftware ? software : liveSoftware, modelOptions);
            Hive copySoftware = ownSoftware ? software : liveSoftware;
            Exposure copyExposure = predictor.predict(
                    copy, BootPlan.of(copy), org.portmortem.exposure.RegistryScope.of(copy, system, copySoftware));
            List<HiveCopy.Difference> diffs = between(live, liveExposure, copy, copyExposure);
            String status =
                    "compared with the live hives: " + diffs.size() + " difference" + (diffs.size() == 1 ? "" : "s")
                            + (ownSoftware ? "" : "; the copy has no SOFTWARE, the live SOFTWARE was used with it");
            return new HiveCopy(c.kind().word(), path, system.info().lastWritten(), status, diffs);
        }
    }

    /**
     * What differs between two analysed systems (live and copy, or two cases side by side): services and
     * drivers whose start, image path or account differ, then the listeners predicted for one and not
     * the other; "live" is the first system, "copy" the second.
     */
    static List<HiveCopy.Difference> between(
            SystemModel live, Exposure liveExposure, SystemModel copy, Exposure copyExposure) {
        List<HiveCopy.Difference> diffs = new ArrayList<>(services(live, copy));
        diffs.addAll(listeners(liveExposure, copyExposure));
        return diffs;
    }

    private static List<HiveCopy.Difference> services(SystemModel live, SystemModel copy) {
        Map<String, Service> a = byName(live);
        Map<String, Service> b = byName(copy);
        TreeMap<String, String> names = new TreeMap<>();
        a.values().forEach(s -> names.put(s.name().toUpperCase(Locale.ROOT), s.name()));
        b.values().forEach(s -> names.putIfAbsent(s.name().toUpperCase(Locale.ROOT), s.name()));
        List<HiveCopy.Difference> out = new ArrayList<>();
        for (Map.Entry<String, String> n : names.entrySet()) {
            Service l = a.get(n.getKey());
            Service k = b.get(n.getKey());
            String kind = (l != null ? l : k).isDriver() ? "driver" : "service";
            if (l == null || k == null) {
                Service present = l != null ? l : k;
                String v = "present (Start " + text(present.start()) + ")";
                out.add(new HiveCopy.Difference(
                        n.getValue(),
                        kind,
                        "start",
                        l == null ? null : v,
                        k == null ? null : v,
                        l == null ? List.of() : evidence(l.start()),
                        k == null ? List.of() : evidence(k.start())));
                continue;
            }
            field(out, n.getValue(), kind, "start", l.start(), k.start());
            field(out, n.getValue(), kind, "imagePath", l.imagePath(), k.imagePath());
            field(out, n.getValue(), kind, "account", l.objectName(), k.objectName());
        }
        return out;
    }

    private static void field(
            List<HiveCopy.Difference> out,
            String name,
            String kind,
            String field,
            Evidenced<?> live,
            Evidenced<?> copy) {
        String l = live.isPresent() ? String.valueOf(live.value()) : null;
        String c = copy.isPresent() ? String.valueOf(copy.value()) : null;
        boolean same = field.equals("start") ? Objects.equals(l, c) : (l == null ? c == null : l.equalsIgnoreCase(c));
        if (!same) {
            out.add(new HiveCopy.Difference(name, kind, field, l, c, evidence(live), evidence(copy)));
        }
    }

    private static List<HiveCopy.Difference> listeners(Exposure live, Exposure copy) {
        Map<String, Listener> a = listenerMap(live);
        Map<String, Listener> b = listenerMap(copy);
        List<HiveCopy.Difference> out = new ArrayList<>();
        for (Map.Entry<String, Listener> e : a.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                out.add(new HiveCopy.Difference(
                        e.getKey(),
                        "listener",
                        "listener",
                        "predicted",
                        null,
                        e.getValue().evidence(),
                        List.of()));
            }
        }
        for (Map.Entry<String, Listener> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                out.add(new HiveCopy.Difference(
                        e.getKey(),
                        "listener",
                        "listener",
                        null,
                        "predicted",
                        List.of(),
                        e.getValue().evidence()));
            }
        }
        return out;
    }

    private static Map<String, Listener> listenerMap(Exposure e) {
        Map<String, Listener> m = new LinkedHashMap<>();
        for (Listener l : e.listeners()) {
            m.putIfAbsent(CaseAnalysis.describe(l), l);
        }
        return m;
    }

    private static Map<String, Service> byName(SystemModel m) {
        Map<String, Service> out = new LinkedHashMap<>();
        m.services().forEach(s -> out.putIfAbsent(s.name().toUpperCase(Locale.ROOT), s));
        return out;
    }

    private static String text(Evidenced<?> e) {
        return e.isPresent() ? String.valueOf(e.value()) : "absent";
    }

    private static List<Evidence> evidence(Evidenced<?> e) {
        return e.evidence() == null ? List.of() : List.of(e.evidence());
    }
}

package org.portmortem.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.InputException;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.model.RegistryFacts.KeyAt;

/**
 * Decides which control set the analysis uses: {@code --control-set N} if given, else
 * {@code Select\Current} (the set the next boot uses), else a fallback with a warning.
 */
final class ControlSetSelection {
    private static final Pattern SET_NAME = Pattern.compile("(?i)ControlSet(\\d{3})");
    /** Number given to a live-system export's {@code CurrentControlSet} tree, which has no number. */
    static final int CURRENT_CONTROL_SET_TREE = 0;

    private final Hive system;
    private final TreeMap<Integer, Key> sets;
    private final Evidenced<Integer> current;
    private final Evidenced<Integer> defaultSet;
    private final Evidenced<Integer> lastKnownGood;
    private final Evidenced<Integer> failed;
    private final int inUse;
    private final String basis;

    private ControlSetSelection(Hive system, TreeMap<Integer, Key> sets, RegistryFacts facts, ModelOptions options)
            throws InputException {
        this.system = system;
        this.sets = sets;
        KeyAt select = KeyAt.of(system, "Select");
        this.current = facts.integer(select, "Current");
        this.defaultSet = facts.integer(select, "Default");
        this.lastKnownGood = facts.integer(select, "LastKnownGood");
        this.failed = facts.integer(select, "Failed");
        if (sets.isEmpty()) {
            throw new InputException(fileOf(system), "no ControlSet00N (nor CurrentControlSet) key: not a SYSTEM hive");
        }
        if (options.controlSet().isPresent()) {
            int asked = options.controlSet().getAsInt();
            if (!sets.containsKey(asked)) {
                throw new InputException(
                        fileOf(system),
                        "control set " + asked + " asked for with --control-set does not" + " exist (present: "
                                + sets.keySet() + ")");
            }
            this.inUse = asked;
            this.basis = "--control-set " + asked + " (Select\\Current is " + current.orElse(null) + ")";
        } else if (current.isPresent() && sets.containsKey(current.value())) {
            this.inUse = current.value();
            this.basis = "Select\\Current = " + current.value() + ": the set the next boot uses";
        } else {
            int fallback = defaultSet.isPresent() && sets.containsKey(defaultSet.value())
                    ? defaultSet.value()
                    : sets.firstKey();
            this.inUse = fallback;
            String why = current.isPresent()
                    ? "Select\\Current = " + current.value() + " names a missing control set"
                    : "Select\\Current is absent";
            this.basis = why + "; using " + sets.get(fallback).name()
                    + (fallback == defaultSet.orElse(-1) ? " (Select\\Default)" : " (the lowest-numbered set present)");
            facts.warn(basis, current.evidence());
        }
    }

    /** Select values other than Current that name a set which is not there are worth a warning. */
    private void checkOtherSelectValues(RegistryFacts facts) {
        for (Evidenced<Integer> v : List.of(defaultSet, lastKnownGood)) {
            if (v.isPresent() && v.value() != 0 && !sets.containsKey(v.value())) {
                facts.warn(
                        "Select\\" + v.evidence().valueName() + " = " + v.value() + " names a missing control set",
                        v.evidence());
            }
        }
    }

    static ControlSetSelection select(Hive system, ModelOptions options, RegistryFacts facts) throws InputException {
        TreeMap<Integer, Key> sets = new TreeMap<>();
        for (Key k : system.root().subkeys()) {
            Matcher m = SET_NAME.matcher(k.name());
            if (m.matches()) {
                sets.put(Integer.parseInt(m.group(1)), k);
            }
        }
        if (sets.isEmpty()) {
            // A .reg export of a live machine may hold only the CurrentControlSet alias as a tree.
            system.key("CurrentControlSet").ifPresent(k -> sets.put(CURRENT_CONTROL_SET_TREE, k));
        }
        ControlSetSelection selection = new ControlSetSelection(system, sets, facts, options);
        selection.checkOtherSelectValues(facts);
        return selection;
    }

    static Path fileOf(Hive hive) {
        return hive.file().orElse(Path.of(hive.name()));
    }

    Key key() {
        return sets.get(inUse);
    }

    /** Why this set is the one in use, in one line. */
    String basis() {
        return basis;
    }

    /** The Select values, the sets and the Start values that differ between them. */
    ControlSets describe(RegistryFacts facts) {
        List<ControlSet> list = new ArrayList<>();
        for (Map.Entry<Integer, Key> e : sets.entrySet()) {
            list.add(new ControlSet(
                    e.getKey(), e.getValue().path(), e.getValue().lastWritten().orElse(null)));
        }
        return new ControlSets(current, defaultSet, lastKnownGood, failed, inUse, basis, list, startDifferences(facts));
    }

    private List<StartDifference> startDifferences(RegistryFacts facts) {
        if (sets.size() < 2) {
            return List.of();
        }
        // One pass over each set's Services; evidence is only built for the services that differ.
        Map<Integer, Map<String, Key>> servicesBySet = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<Integer, Key> e : sets.entrySet()) {
            Map<String, Key> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            e.getValue().subkey("Services").ifPresent(s -> s.subkeys().forEach(k -> byName.put(k.name(), k)));
            servicesBySet.put(e.getKey(), byName);
            names.addAll(byName.keySet());
        }
        List<StartDifference> out = new ArrayList<>();
        for (String name : names) {
            Map<Integer, Integer> bySet = new LinkedHashMap<>();
            for (Map.Entry<Integer, Map<String, Key>> e : servicesBySet.entrySet()) {
                Key k = e.getValue().get(name);
                bySet.put(
                        e.getKey(),
                        k == null
                                ? null
                                : k.value("Start")
                                        .filter(Value::isNumber)
                                        .map(Value::asInt)
                                        .orElse(null));
            }
            if (bySet.values().stream().distinct().count() > 1) {
                List<Evidence> evidence = new ArrayList<>();
                for (Map.Entry<Integer, Key> e : sets.entrySet()) {
                    evidence.add(facts.integer(KeyAt.of(e.getValue()).child("Services\\" + name), "Start")
                            .evidence());
                }
                out.add(new StartDifference(name, bySet, evidence));
            }
        }
        return out;
    }

    Hive system() {
        return system;
    }
}

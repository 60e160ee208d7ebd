package org.portmortem.ripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveInfo;
import org.portmortem.hive.Key;
import org.portmortem.model.ControlSetFacts;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

/**
 * What a plugin reads: the hive, its kind, and for a SYSTEM hive the control set in use and the
 * {@link SystemModel} built from it, so plugins report the model's facts (services, interfaces,
 * identity) instead of reading them a second way. A plugin that needs one fact of the model (the
 * computer name, the time zone, the service keys) reads it with the model's own rules
 * ({@link ControlSetFacts}); the whole model is built only when a plugin asks for it (triggerinfo's
 * decoded triggers), as building it reads and decodes every service.
 *
 * <p>The hive must stay open while the context is used.
 */
public final class RipContext {
    private final Hive hive;
    private final HiveType hiveType;
    private final ModelOptions options;
    private final SystemModel.ControlSetChoice controlSet;
    private SystemModel model;
    private List<Key> serviceKeys;

    private RipContext(Hive hive, HiveType hiveType, ModelOptions options, SystemModel.ControlSetChoice controlSet) {
        this.hive = hive;
        this.hiveType = hiveType;
        this.options = options;
        this.controlSet = controlSet;
    }

    /**
     * The context for a hive: its kind is recognised by content; for a SYSTEM hive the control set is
     * the one the options name, by default {@code Select\Current}.
     *
     * @throws org.portmortem.InputException if a SYSTEM hive has no usable control set
     */
    public static RipContext of(Hive hive, ModelOptions options) throws IOException {
        HiveType type = HiveType.of(hive);
        return new RipContext(
                hive, type, options, type == HiveType.SYSTEM ? SystemModel.chooseControlSet(hive, options) : null);
    }

    /** The hive being read. */
    public Hive hive() {
        return hive;
    }

    /** The kind of hive, recognised by content. */
    public HiveType hiveType() {
        return hiveType;
    }

    /** Whether the hive has a control set in use (it is a SYSTEM hive). */
    public boolean hasControlSet() {
        return controlSet != null;
    }

    /** The system model (built without SOFTWARE on first use), for a SYSTEM hive. */
    public Optional<SystemModel> model() {
        return controlSet == null ? Optional.empty() : Optional.of(systemModel());
    }

    /**
     * The system model of a SYSTEM hive, built without SOFTWARE on first use.
     *
     * @throws IllegalStateException for another kind of hive (plugins are only run on their kind)
     */
    public SystemModel systemModel() {
        if (controlSet == null) {
            throw new IllegalStateException(hive.name() + " is a " + hiveType + " hive, not SYSTEM");
        }
        if (model == null) {
            try {
                model = SystemModel.read(hive, null, options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }

    /**
     * The key of the control set in use ({@code ControlSet00N}), for reading single model facts with
     * {@link ControlSetFacts} without building the model.
     */
    public Key controlSet() {
        return requireControlSet().key();
    }

    /**
     * The service keys of the control set in use, the keys the model's services are read from and in
     * its order ({@link ControlSetFacts#serviceKeys}), without reading them.
     */
    public List<Key> serviceKeys() {
        if (serviceKeys == null) {
            serviceKeys = ControlSetFacts.serviceKeys(controlSet());
        }
        return serviceKeys;
    }

    /** The machine's time zone, for a SYSTEM hive, read as the model reads it. */
    public Optional<MachineTimeZone> timeZone() {
        return controlSet == null ? Optional.empty() : Optional.of(ControlSetFacts.timeZone(controlSet.key()));
    }

    /** The machine's computer name, for a SYSTEM hive, read as the model reads it; empty where it is absent. */
    public Optional<String> computerName() {
        return controlSet == null
                ? Optional.empty()
                : ControlSetFacts.computerName(controlSet.key()).asOptional();
    }

    /** The key at a path below the control set in use, e.g. {@code Control\Windows}. */
    public Optional<Key> controlSetKey(String relativePath) {
        return requireControlSet().key().key(relativePath);
    }

    /** The full path of a key below the control set in use, e.g. {@code ControlSet001\Control\Windows}. */
    public String controlSetPath(String relativePath) {
        return requireControlSet().key().path() + "\\" + relativePath;
    }

    private SystemModel.ControlSetChoice requireControlSet() {
        if (controlSet == null) {
            throw new IllegalStateException(hive.name() + " is a " + hiveType + " hive, not SYSTEM");
        }
        return controlSet;
    }

    /**
     * What an examiner comparing with RegRipper must know about how this hive was read: transaction
     * logs replayed (RegRipper reads the primary file alone, so it shows the stale state), a dirty
     * hive without logs, and why this control set was used.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        HiveInfo info = hive.info();
        HiveInfo.LogReplay replay = info.logReplay();
        if (replay != null && replay.applied()) {
            notes.add(String.format(
                    "transaction logs replayed in memory (%d entries from %s): this output shows the"
                            + " replayed state; RegRipper reads the primary file alone and shows the state before them",
                    replay.entriesApplied(),
                    replay.logsFound().stream()
                            .map(p -> p.getFileName().toString())
                            .toList()));
        } else if (Boolean.TRUE.equals(info.dirty())) {
            notes.add("the hive is dirty and " + (replay == null ? "its logs were not read" : replay.note())
                    + ": recent changes may be missing, as they are for RegRipper");
        }
        if (controlSet != null) {
            notes.add("control set: " + controlSet.key().path() + " (" + controlSet.basis() + ")");
        }
        return notes;
    }
}

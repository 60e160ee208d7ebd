package org.portmortem.ripper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveInfo;
import org.portmortem.hive.Key;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

/**
 * What a plugin reads: the hive, its kind, and for a SYSTEM hive the {@link SystemModel} built from
 * it, so plugins report the model's facts (control set choice, services, interfaces, identity)
 * instead of reading them a second way.
 *
 * <p>The hive must stay open while the context is used.
 */
public final class RipContext {
    private final Hive hive;
    private final HiveType hiveType;
    private final SystemModel model;

    private RipContext(Hive hive, HiveType hiveType, SystemModel model) {
        this.hive = hive;
        this.hiveType = hiveType;
        this.model = model;
    }

    /**
     * The context for a hive: its kind is recognised by content; for a SYSTEM hive the system model is
     * built (without SOFTWARE) with the control set the options name, by default {@code Select\Current}.
     *
     * @throws org.portmortem.InputException if a SYSTEM hive has no usable control set
     */
    public static RipContext of(Hive hive, ModelOptions options) throws IOException {
        HiveType type = HiveType.of(hive);
        SystemModel model = type == HiveType.SYSTEM ? SystemModel.read(hive, null, options) : null;
        return new RipContext(hive, type, model);
    }

    /** The hive being read. */
    public Hive hive() {
        return hive;
    }

    /** The kind of hive, recognised by content. */
    public HiveType hiveType() {
        return hiveType;
    }

    /** The system model, for a SYSTEM hive. */
    public Optional<SystemModel> model() {
        return Optional.ofNullable(model);
    }

    /**
     * The system model of a SYSTEM hive.
     *
     * @throws IllegalStateException for another kind of hive (plugins are only run on their kind)
     */
    public SystemModel systemModel() {
        if (model == null) {
            throw new IllegalStateException(hive.name() + " is a " + hiveType + " hive, not SYSTEM");
        }
        return model;
    }

    /** The key at a path below the control set in use (the model's), e.g. {@code Control\Windows}. */
    public Optional<Key> controlSetKey(String relativePath) {
        return systemModel().controlSet().key(relativePath);
    }

    /** The full path of a key below the control set in use, e.g. {@code ControlSet001\Control\Windows}. */
    public String controlSetPath(String relativePath) {
        return systemModel().controlSet().path() + "\\" + relativePath;
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
            notes.add(String.format("transaction logs replayed in memory (%d entries from %s): this output shows the"
                    + " replayed state; RegRipper reads the primary file alone and shows the state before them",
                    replay.entriesApplied(), replay.logsFound().stream()
                            .map(p -> p.getFileName().toString()).toList()));
        } else if (Boolean.TRUE.equals(info.dirty())) {
            notes.add("the hive is dirty and " + (replay == null ? "its logs were not read" : replay.note())
                    + ": recent changes may be missing, as they are for RegRipper");
        }
        if (model != null) {
            notes.add("control set: " + model.controlSet().path() + " (" + model.controlSets().inUseBasis() + ")");
        }
        return notes;
    }
}

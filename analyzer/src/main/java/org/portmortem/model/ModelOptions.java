package org.portmortem.model;

import java.util.OptionalInt;

/**
 * How to build a {@link SystemModel}.
 *
 * @param controlSet the control set to analyse ({@code --control-set N}), or empty to use the one the
 *     next boot would use ({@code Select\Current})
 */
public record ModelOptions(OptionalInt controlSet) {
    /** Analyse the control set the next boot would use. */
    public static final ModelOptions DEFAULT = new ModelOptions(OptionalInt.empty());

    /** Analyse control set {@code number} ({@code ControlSet00N}) instead of {@code Select\Current}. */
    public static ModelOptions withControlSet(int number) {
        return new ModelOptions(OptionalInt.of(number));
    }
}

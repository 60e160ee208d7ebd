package org.portmortem.ripper;

import java.util.List;

/**
 * The result of running one plugin: its facts, or the one-line reason it could not run. A profile
 * run goes on past a plugin that fails, as RegRipper does.
 *
 * @param plugin the plugin
 * @param facts what it reported (empty when it failed)
 * @param error why it failed, or {@code null}
 */
public record RipRun(RipPlugin plugin, List<RipFact> facts, String error) {

    /** Runs a plugin, catching what it throws so the other plugins of a profile still run. */
    public static RipRun of(RipPlugin plugin, RipContext context) {
        try {
            return new RipRun(plugin, List.copyOf(plugin.run(context)), null);
        } catch (Exception | StackOverflowError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new RipRun(plugin, List.of(), why.lines().findFirst().orElse(why));
        }
    }
}

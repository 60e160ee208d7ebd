package org.portmortem.analysis;

import java.util.List;

/**
 * An overlay as applied to the in-memory copies of the hives.
 *
 * @param path the .reg file as given
 * @param hives the hives it changed ({@code SYSTEM}, {@code SOFTWARE}), in order of first appearance
 * @param ignoredRoots top-level keys in the file that are neither SYSTEM nor SOFTWARE, not applied
 * @param problems lines that could not be read or applied, each with its line number
 */
public record AppliedOverlay(String path, List<String> hives, List<String> ignoredRoots, List<String> problems) {
    public AppliedOverlay {
        hives = List.copyOf(hives);
        ignoredRoots = List.copyOf(ignoredRoots);
        problems = List.copyOf(problems);
    }
}

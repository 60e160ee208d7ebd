package org.portmortem.analysis;

import java.util.List;

/**
 * A registry key cited by at least one piece of evidence in the report, for the appendix.
 *
 * @param hive the hive's name
 * @param keyPath the key's path from the hive root
 * @param lastWritten the key's last-write time in UTC and machine-local time, or {@code null} where the
 *     source has none (a .reg export) or the key is absent
 * @param valueNames the value names cited under it, sorted case-insensitively ({@code ""} is the
 *     default value)
 * @param absent whether the evidence records the key as absent
 */
public record CitedKey(String hive, String keyPath, MachineTime lastWritten, List<String> valueNames, boolean absent) {
    public CitedKey {
        valueNames = List.copyOf(valueNames);
    }
}

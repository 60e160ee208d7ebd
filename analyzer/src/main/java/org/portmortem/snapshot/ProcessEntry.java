package org.portmortem.snapshot;

import java.util.List;

/**
 * One process of a process table.
 *
 * @param pid           process id
 * @param imageName     image name ({@code svchost.exe})
 * @param services      services hosted (tasklist /svc), empty when none or unknown
 * @param sessionName   session name (plain tasklist), or null
 * @param sessionNumber session number (plain tasklist), or null
 * @param memoryUsage   memory usage as printed ({@code 4,512 K}), or null
 * @param line          1-based line of the file where the process starts
 */
public record ProcessEntry(
        int pid,
        String imageName,
        List<String> services,
        String sessionName,
        Integer sessionNumber,
        String memoryUsage,
        int line) {

    public ProcessEntry {
        services = List.copyOf(services);
    }
}

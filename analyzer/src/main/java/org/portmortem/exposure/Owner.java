package org.portmortem.exposure;

import java.util.List;
import java.util.Objects;
import org.portmortem.RecordHash;

/**
 * Who owns a socket, as {@code netstat -ab} and {@code tasklist /svc} would show it.
 *
 * @param service the service or driver whose code opens it, or {@code null} for a process that is
 *     no service (e.g. {@code wininit.exe})
 * @param process the process image: {@code System} for kernel listeners, {@code svchost.exe},
 *     {@code lsass.exe}, {@code services.exe}, or the service's own executable
 * @param svchostGroup the {@code -k} group when the process is svchost, else {@code null}
 * @param sharedWith other services in the same process whose endpoints share this socket (dynamic
 *     RPC ports are allocated per process), possibly empty
 */
public record Owner(String service, String process, String svchostGroup, List<String> sharedWith) {

    public Owner {
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
    }

    /** An owner without shared services. */
    public static Owner of(String service, String process, String svchostGroup) {
        return new Owner(service, process, svchostGroup, List.of());
    }

    /** The kernel (PID 4; PID 8 on Windows 2000) on behalf of a driver. */
    public static Owner system(String driverOrService) {
        return new Owner(driverOrService, "System", null, List.of());
    }

    /** How a person reads it: {@code svchost.exe -k netsvcs (Schedule)}. */
    public String display() {
        String p = svchostGroup == null ? process : process + " -k " + svchostGroup;
        return service == null ? p : p + " (" + service + ")";
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Owner that
                        && Objects.equals(service, that.service)
                        && Objects.equals(process, that.process)
                        && Objects.equals(svchostGroup, that.svchostGroup)
                        && Objects.equals(sharedWith, that.sharedWith);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(service, process, svchostGroup, sharedWith);
    }
}

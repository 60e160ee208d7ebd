package org.portmortem.bootplan;

import org.portmortem.model.Service;
import org.portmortem.model.ServiceType;

/** Decides which process hosts a service, from its Type and ImagePath. */
final class HostProcesses {
    /** What netstat and tasklist call the kernel's process (PID 4, 8 on 2000, 2 on NT 4). */
    static final String KERNEL_IMAGE = "System";

    private HostProcesses() {}

    static HostProcess of(Service s) {
        if (s.isDriver()) {
            return new HostProcess(HostProcess.Kind.KERNEL, KERNEL_IMAGE, null, null);
        }
        if (s.image() == null) {
            return new HostProcess(HostProcess.Kind.UNKNOWN, "", null, null);
        }
        String file = s.image().file();
        if (s.image().isSvchost()) {
            return new HostProcess(HostProcess.Kind.SVCHOST, "svchost.exe", file, s.svchostGroup());
        }
        boolean shared = s.type().isPresent() && (s.type().value() & ServiceType.SHARE_PROCESS.bit()) != 0;
        return new HostProcess(
                shared ? HostProcess.Kind.SHARED_PROCESS : HostProcess.Kind.OWN_PROCESS,
                s.image().fileName(),
                file,
                null);
    }
}

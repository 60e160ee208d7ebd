package org.portmortem.bootplan;

import org.portmortem.evidence.SharedText;

/**
 * The process that would host a service or driver, which is the owner a listener shows in netstat.
 *
 * @param kind how the service is hosted
 * @param image the process image name: {@code System} for drivers, {@code svchost.exe},
 *     {@code lsass.exe}, {@code services.exe}, or the service's own executable file name
 * @param path the resolved path of the image, or {@code null} for {@code System}
 * @param svchostGroup the svchost group, for {@link Kind#SVCHOST}, else {@code null}
 */
public record HostProcess(Kind kind, String image, String path, String svchostGroup) {

    /** The same few host processes serve most services: their text is kept once, see {@link SharedText}. */
    public HostProcess {
        image = SharedText.of(image);
        path = SharedText.of(path);
        svchostGroup = SharedText.of(svchostGroup);
    }

    /** How a service is hosted. */
    public enum Kind {
        /** A driver, running in the kernel: netstat shows PID 4 ("System"). */
        KERNEL,
        /** A service in a process of its own. */
        OWN_PROCESS,
        /** A service sharing a svchost.exe process with the other running members of its group. */
        SVCHOST,
        /** A service sharing another process (lsass.exe, services.exe, or a vendor host). */
        SHARED_PROCESS,
        /** The service has no usable ImagePath and Type. */
        UNKNOWN
    }

    /** The image with the svchost group, e.g. {@code svchost.exe -k netsvcs}. */
    public String describe() {
        return svchostGroup == null ? image : image + " -k " + svchostGroup;
    }
}

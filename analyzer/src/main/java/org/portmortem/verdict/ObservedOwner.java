package org.portmortem.verdict;

import java.util.List;

/**
 * Who owns an observed socket: PID → process → services, and where that came from.
 *
 * @param pid the PID the listing printed, or {@code null} ({@code netstat -an} prints none)
 * @param process the process image ({@code svchost.exe}, {@code System}), or {@code null} when unknown
 * @param services the services the process hosts, possibly empty
 * @param source where process and services come from; {@link Source#INFERRED_FROM_MODEL} marks an
 *     owner the listing does not show
 */
public record ObservedOwner(Integer pid, String process, List<String> services, Source source) {

    /** Where an owner was learnt. */
    public enum Source {
        /** {@code netstat -b} printed the image (and service tag) under the socket. */
        LISTING,
        /** A {@code tasklist [/svc]} of the same case maps the PID. */
        PROCESS_TABLE,
        /** PID 4 (XP and later) or 8 (Windows 2000) is the kernel, {@code System}. */
        KERNEL_PID,
        /**
         * Not shown by any snapshot: the matched listener's owner from the model (service → svchost
         * group → process). An inference, marked as such in the report.
         */
        INFERRED_FROM_MODEL,
        /** Nothing tells. */
        UNKNOWN
    }

    public ObservedOwner {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** Whether the owner is inferred rather than observed. */
    public boolean inferred() {
        return source == Source.INFERRED_FROM_MODEL;
    }

    /** How a person reads it: {@code 1160 svchost.exe (SSDPSRV)}, {@code ? (unknown)}. */
    public String display() {
        StringBuilder b = new StringBuilder(pid == null ? "-" : pid.toString());
        b.append(' ').append(process == null ? "?" : process);
        if (!services.isEmpty()) {
            b.append(" (").append(String.join(", ", services)).append(')');
        }
        if (inferred()) {
            b.append(" [inferred]");
        }
        return b.toString();
    }
}

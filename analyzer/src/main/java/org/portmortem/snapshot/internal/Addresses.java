package org.portmortem.snapshot.internal;

import java.util.regex.Pattern;

/** What an address string printed by netstat or PowerShell says about the IP version. */
final class Addresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private Addresses() {}

    /** The address without IPv6 brackets ({@code [::1]} → {@code ::1}); zone index kept. */
    static String unbracket(String address) {
        return address.length() >= 2 && address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1)
                : address;
    }

    /** 4 for a dotted quad, 6 for an address with colons, null for a host name or {@code *}. */
    static Integer ipVersion(String unbracketed) {
        if (IPV4.matcher(unbracketed).matches()) {
            return 4;
        }
        if (unbracketed.indexOf(':') >= 0) {
            return 6;
        }
        return null;
    }
}

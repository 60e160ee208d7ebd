package org.portmortem.exposure;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The access-allowed entries of a self-relative security descriptor, as HTTP.sys stores a URL
 * reservation's ACL (the data of a {@code HTTP\Parameters\UrlAclInfo} value). Layout from
 * [MS-DTYP] (https://learn.microsoft.com/openspecs/windows_protocols/ms-dtyp): 2.4.6
 * SECURITY_DESCRIPTOR (revision, control with SE_DACL_PRESENT 0x0004 and SE_SELF_RELATIVE 0x8000,
 * the DACL's offset at byte 16), 2.4.5 ACL (count of entries at byte 4, entries from byte 8), 2.4.4
 * ACE (type 0 = ACCESS_ALLOWED_ACE: size at byte 2, access mask at byte 4, SID at byte 8), 2.4.2.2 SID
 * (sub-authority count at byte 1, a 6-byte big-endian authority, then little-endian 32-bit
 * sub-authorities). Every offset is checked against the data; what does not fit ends the reading
 * with a problem, never an exception.
 */
final class SecurityDescriptorAces {
    private SecurityDescriptorAces() {}

    /**
     * An access-allowed entry.
     *
     * @param sid the SID in its string form, {@code S-1-5-19}
     * @param mask the access mask
     */
    record Ace(String sid, int mask) {
        /** GENERIC_EXECUTE (or GENERIC_ALL, which holds it): the right to register URLs under the reservation ("listen"). */
        boolean mayListen() {
            return (mask & (0x20000000 | 0x10000000)) != 0;
        }
    }

    /**
     * What the descriptor gave.
     *
     * @param aces the access-allowed entries, in order
     * @param problem why the reading stopped early, or {@code null}
     */
    record Reading(List<Ace> aces, String problem) {}

    /** The access-allowed entries of the descriptor's DACL. */
    static Reading read(byte[] data) {
        List<Ace> aces = new ArrayList<>();
        if (data.length < 20 || data[0] != 1) {
            return new Reading(
                    aces,
                    "not a self-relative security descriptor (" + data.length + " bytes, revision "
                            + (data.length == 0 ? "none" : Byte.toUnsignedInt(data[0])) + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int control = Short.toUnsignedInt(b.getShort(2));
        int dacl = b.getInt(16);
        if ((control & 0x0004) == 0 || dacl == 0) {
            return new Reading(aces, "the security descriptor has no DACL");
        }
        if (dacl < 0 || dacl + 8 > data.length) {
            return new Reading(
                    aces,
                    "DACL offset " + Integer.toUnsignedString(dacl) + " lies outside the " + data.length + " bytes");
        }
        int count = Short.toUnsignedInt(b.getShort(dacl + 4));
        int at = dacl + 8;
        for (int i = 0; i < count; i++) {
            if (at + 8 > data.length) {
                return new Reading(aces, "entry " + i + " of " + count + " at offset " + at + " lies outside the data");
            }
            int type = Byte.toUnsignedInt(data[at]);
            int size = Short.toUnsignedInt(b.getShort(at + 2));
            if (size < 8 || at + size > data.length) {
                return new Reading(
                        aces,
                        "entry " + i + " at offset " + at + " has size " + size + ", which does not fit the data");
            }
            if (type == 0) {
                String sid = sid(data, at + 8, at + size);
                if (sid == null) {
                    return new Reading(aces, "entry " + i + " at offset " + at + " holds no readable SID");
                }
                aces.add(new Ace(sid, b.getInt(at + 4)));
            }
            at += size;
        }
        return new Reading(aces, null);
    }

    /** The SID at {@code from}, ending no later than {@code end}, as {@code S-1-...}; null when it does not fit. */
    private static String sid(byte[] data, int from, int end) {
        if (from + 8 > end || data[from] != 1) {
            return null;
        }
        int n = Byte.toUnsignedInt(data[from + 1]);
        if (from + 8 + 4 * n > end) {
            return null;
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = (authority << 8) | Byte.toUnsignedLong(data[from + i]);
        }
        StringBuilder s = new StringBuilder("S-1-").append(authority);
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            s.append('-').append(Integer.toUnsignedString(b.getInt(from + 8 + 4 * i)));
        }
        return s.toString();
    }

    /**
     * The service SID Windows gives a service ({@code NT SERVICE\Name}): S-1-5-80 followed by the SHA-1
     * of the upper-cased name in UTF-16LE, read as five little-endian 32-bit sub-authorities. The account
     * form is Microsoft's (SERVICE_SID_INFO, https://learn.microsoft.com/windows/win32/api/winsvc/ns-winsvc-service_sid_info);
     * the derivation is not in a Microsoft document this project has: it is checked against the
     * reservations of real hives, where the SIDs of WinRM, Wecsvc, WMPNetworkSvc, TermService and
     * SstpSvc are exactly this ({@code HttpSysReservationsTest}).
     */
    static String serviceSid(String serviceName) {
        String sid = SIDS.get(serviceName);
        if (sid == null) {
            sid = computeServiceSid(serviceName);
            if (SIDS.size() >= MAX_KNOWN_SIDS) {
                SIDS.clear();
            }
            SIDS.put(serviceName, sid);
        }
        return sid;
    }

    /**
     * Service SIDs computed before, by name (a SHA-1 per service, for the baseline and every hardening
     * state, and for every host of a fleet, was a few percent of a run). Emptied when it reaches
     * {@link #MAX_KNOWN_SIDS}, so memory stays bounded whatever the hives hold. It was a table of 4,096
     * slots keeping the last name of each: 110 of the 701 service names of {@code dissect-regf/SYSTEM}
     * share a slot with another, and each of the 23 states of its hardening plan computed them again.
     */
    private static final int MAX_KNOWN_SIDS = 16_384;

    private static final java.util.concurrent.ConcurrentHashMap<String, String> SIDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One SHA-1 per thread, reused ({@code digest} resets it): looking the algorithm up among the
     * providers for each of a hive's 700 services was a third of computing their SIDs.
     */
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    });

    /** {@link #serviceSid} computed, without the table. */
    static String computeServiceSid(String serviceName) {
        byte[] h = SHA1.get().digest(serviceName.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_16LE));
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder s = new StringBuilder("S-1-5-80");
        for (int i = 0; i < 5; i++) {
            s.append('-').append(Integer.toUnsignedString(b.getInt(4 * i)));
        }
        return s.toString();
    }
}

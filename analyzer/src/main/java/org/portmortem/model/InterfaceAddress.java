package org.portmortem.model;

import java.util.Objects;
import org.portmortem.RecordHash;
import org.portmortem.evidence.Evidence;

/**
 * An IPv4 address an interface would have at boot.
 *
 * @param address dotted IPv4 address
 * @param subnetMask its mask, or {@code null} if not recorded
 * @param source static, or the last DHCP lease (marked as such in reports)
 * @param evidence the value the address was read from
 */
public record InterfaceAddress(String address, String subnetMask, AddressSource source, Evidence evidence) {
    /** The address with its source, e.g. {@code 10.0.0.5 (last DHCP lease)}. */
    public String describe() {
        return address + (source == AddressSource.DHCP_LAST_LEASE ? " (last DHCP lease)" : " (static)");
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof InterfaceAddress that
                        && Objects.equals(address, that.address)
                        && Objects.equals(subnetMask, that.subnetMask)
                        && Objects.equals(source, that.source)
                        && Objects.equals(evidence, that.evidence);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(address, subnetMask, source, evidence);
    }
}

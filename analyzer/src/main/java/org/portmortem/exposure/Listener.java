package org.portmortem.exposure;

import java.util.List;
import java.util.Objects;
import org.portmortem.RecordHash;
import org.portmortem.evidence.Evidence;
import org.portmortem.net.Protocol;

/**
 * A socket predicted to be listening after boot.
 *
 * @param protocol TCP or UDP
 * @param ipVersion 4 or 6
 * @param address local address: {@code 0.0.0.0}, {@code ::}, an interface address,
 *     {@code 127.0.0.1} or {@code ::1}
 * @param port the port, or {@code null} when dynamic
 * @param dynamic true when the port is chosen at run time
 * @param portRange for a dynamic port, the range it comes from; else {@code null}
 * @param owner the service/driver and process that own it
 * @param mechanism what opens it
 * @param certainty how sure the prediction is, and why
 * @param evidence the registry facts the prediction rests on
 * @param firewall reachability through the host firewall per profile
 */
public record Listener(
        Protocol protocol,
        int ipVersion,
        String address,
        Integer port,
        boolean dynamic,
        PortRange portRange,
        Owner owner,
        Mechanism mechanism,
        Certainty certainty,
        List<Evidence> evidence,
        FirewallVerdict firewall) {

    /**
     * The address of a per-address listener on an interface that takes its address from DHCP and has no
     * recorded lease: the socket is predicted, its address is not known.
     */
    public static final String UNKNOWN_DHCP_ADDRESS = "unknown (DHCP)";

    /** True when the listener's address is {@link #UNKNOWN_DHCP_ADDRESS}. */
    public boolean addressUnknown() {
        return UNKNOWN_DHCP_ADDRESS.equals(address);
    }

    /**
     * True for a listener the hives make possible, not predicted: an HTTP.sys port reserved for a program not known
     * to register it at boot ({@link Mechanism.Kind#HTTP_SYS_RESERVATION}).
     */
    public boolean possibleOnly() {
        return mechanism.kind() == Mechanism.Kind.HTTP_SYS_RESERVATION;
    }

    public Listener {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(certainty, "certainty");
        evidence = List.copyOf(evidence);
        firewall = firewall == null ? FirewallVerdict.none() : firewall;
        if (dynamic != (port == null)) {
            throw new IllegalArgumentException("a dynamic listener has no port, a fixed one has one");
        }
    }

    /** This listener with a firewall verdict. */
    public Listener withFirewall(FirewallVerdict verdict) {
        return new Listener(
                protocol, ipVersion, address, port, dynamic, portRange, owner, mechanism, certainty, evidence, verdict);
    }

    /** This listener moved to another local address (interface restriction). */
    public Listener atAddress(String newAddress, List<Evidence> more, String why) {
        List<Evidence> ev = new java.util.ArrayList<>(evidence);
        ev.addAll(more);
        return new Listener(
                protocol,
                ipVersion,
                newAddress,
                port,
                dynamic,
                portRange,
                owner,
                new Mechanism(mechanism.kind(), mechanism.description() + "; " + why),
                certainty,
                ev,
                firewall);
    }

    /** The local endpoint as netstat prints it: {@code 0.0.0.0:135}, {@code [::]:445}, {@code 0.0.0.0:*}. */
    public String localEndpoint() {
        String a = ipVersion == 6 ? "[" + address + "]" : address;
        return a + ":" + (dynamic ? "*" : port.toString());
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Listener that
                        && Objects.equals(protocol, that.protocol)
                        && ipVersion == that.ipVersion
                        && Objects.equals(address, that.address)
                        && Objects.equals(port, that.port)
                        && dynamic == that.dynamic
                        && Objects.equals(portRange, that.portRange)
                        && Objects.equals(owner, that.owner)
                        && Objects.equals(mechanism, that.mechanism)
                        && Objects.equals(certainty, that.certainty)
                        && Objects.equals(evidence, that.evidence)
                        && Objects.equals(firewall, that.firewall);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(
                protocol, ipVersion, address, port, dynamic, portRange, owner, mechanism, certainty, evidence,
                firewall);
    }
}

package org.portmortem.verdict;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an observed socket the hives do not explain is, and how severe: data, the
 * {@code observedSockets} part of {@code exposure-rules.json}, each rule and list with its source.
 *
 * @param source how the rules are applied
 * @param rules in matching order; the first whose conditions all hold applies
 * @param clientUdpPorts UDP ports client programs bind to receive multicast discovery answers
 * @param windowsProcesses images that ship with Windows
 * @param httpSysPorts ports HTTP.sys (owned by System) serves for a Windows component
 */
public record ObservedSocketRules(
        String source,
        List<Rule> rules,
        List<ClientPort> clientUdpPorts,
        WindowsProcesses windowsProcesses,
        List<HttpSysPort> httpSysPorts) {

    public ObservedSocketRules {
        rules = List.copyOf(rules);
        clientUdpPorts = List.copyOf(clientUdpPorts);
        httpSysPorts = List.copyOf(httpSysPorts);
    }

    /**
     * One rule.
     *
     * @param id stable identifier, part of the findings' ids
     * @param severity the severity it gives
     * @param when its conditions; a null condition holds always
     * @param title the findings' title, before the socket
     * @param justification the source or reasoning
     */
    public record Rule(String id, Severity severity, When when, String title, String justification) {}

    /**
     * Conditions of a rule.
     *
     * @param otherMachine the listing is from another machine
     * @param kind {@code loopback} (bound to loopback only), {@code client} (a client program's UDP
     *     socket) or {@code listener}
     * @param windowsOwner the owner is a Windows component
     * @param blockedInForce the firewall profile in force blocks the port
     */
    public record When(Boolean otherMachine, String kind, Boolean windowsOwner, Boolean blockedInForce) {
        boolean holds(Traits t) {
            return (otherMachine == null || otherMachine == t.otherMachine())
                    && (kind == null || kind.equals(t.kind()))
                    && (windowsOwner == null || windowsOwner == t.windowsOwner())
                    && (blockedInForce == null || blockedInForce == t.blockedInForce());
        }
    }

    /** A client discovery port with the protocol and its source. */
    public record ClientPort(int port, String protocol, String source) {}

    /** Images that ship with Windows, with the source. */
    public record WindowsProcesses(String source, List<String> images) {
        boolean contains(String image) {
            return image != null && images.stream().anyMatch(i -> i.equalsIgnoreCase(image));
        }
    }

    /** A port HTTP.sys serves for a Windows component, with its source. */
    public record HttpSysPort(int port, String owner, String source) {}

    /** What is known of a group of sockets (one owner, protocol and port). */
    record Traits(boolean otherMachine, String kind, boolean windowsOwner, boolean blockedInForce) {}

    /** The first rule that holds. */
    Rule ruleFor(Traits t) {
        return rules.stream()
                .filter(r -> r.when() == null || r.when().holds(t))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no observed-socket rule matches " + t));
    }

    /** The client discovery protocol of a UDP port, if it is one. */
    Optional<ClientPort> clientPort(int port) {
        return clientUdpPorts.stream().filter(c -> c.port() == port).findFirst();
    }

    /** The Windows component HTTP.sys serves on a TCP port, if known. */
    Optional<HttpSysPort> httpSys(int port) {
        return httpSysPorts.stream().filter(h -> h.port() == port).findFirst();
    }

    boolean windowsImage(String image) {
        return windowsProcesses.contains(image == null ? null : image.toLowerCase(Locale.ROOT))
                || windowsProcesses.contains(image);
    }
}

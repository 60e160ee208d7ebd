package org.portmortem.model;

import java.time.Instant;

/**
 * Who the machine is: its names and membership, its clock, and when it last shut down cleanly.
 *
 * @param computerName {@code Control\ComputerName\ComputerName\ComputerName} (NetBIOS name)
 * @param hostName {@code Services\Tcpip\Parameters\Hostname} (DNS host name; may differ in case)
 * @param dnsDomain {@code Services\Tcpip\Parameters\Domain}, the primary DNS suffix (set when the
 *     machine is joined to an Active Directory domain, or configured by hand)
 * @param logonDomain SOFTWARE {@code Winlogon\DefaultDomainName} (or {@code CachePrimaryDomain}): the
 *     domain or, for a machine not in a domain, often its own name; absent without SOFTWARE. The
 *     workgroup name itself lives in the SECURITY hive, which this model does not read.
 * @param timeZone the machine's time zone, to show times in its local time as well as UTC
 * @param lastShutdown {@code Control\Windows\ShutdownTime} (FILETIME, UTC)
 */
public record MachineIdentity(
        Evidenced<String> computerName,
        Evidenced<String> hostName,
        Evidenced<String> dnsDomain,
        Evidenced<String> logonDomain,
        MachineTimeZone timeZone,
        Evidenced<Instant> lastShutdown) {}

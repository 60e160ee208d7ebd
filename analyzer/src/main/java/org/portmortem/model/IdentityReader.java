package org.portmortem.model;

import java.time.Instant;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.SystemTime;
import org.portmortem.hive.Value;
import org.portmortem.model.RegistryFacts.KeyAt;

/** Reads the machine's names, domain, time zone and last shutdown time. */
final class IdentityReader {
    private IdentityReader() {}

    static MachineIdentity read(Key controlSet, Hive software, RegistryFacts facts) {
        KeyAt cs = KeyAt.of(controlSet);
        KeyAt tcpip = cs.child("Services\\Tcpip\\Parameters");
        KeyAt winlogon = KeyAt.inSoftware(software, "Microsoft\\Windows NT\\CurrentVersion\\Winlogon");
        Evidenced<String> logonDomain = facts.string(winlogon, "DefaultDomainName");
        if (!logonDomain.isPresent() && winlogon.key().isPresent()) {
            logonDomain = facts.string(winlogon, "CachePrimaryDomain");
        }
        return new MachineIdentity(
                computerName(cs, facts),
                hostName(cs, facts),
                facts.string(tcpip, "Domain"),
                logonDomain,
                timeZone(cs, facts),
                lastShutdown(cs, facts));
    }

    /** {@code Control\ComputerName\ComputerName\ComputerName}, the NetBIOS name. */
    static Evidenced<String> computerName(KeyAt controlSet, RegistryFacts facts) {
        return facts.string(controlSet.child("Control\\ComputerName\\ComputerName"), "ComputerName");
    }

    /** {@code Services\Tcpip\Parameters\Hostname}, the DNS host name. */
    static Evidenced<String> hostName(KeyAt controlSet, RegistryFacts facts) {
        return facts.string(controlSet.child("Services\\Tcpip\\Parameters"), "Hostname");
    }

    /** {@code Control\Windows\ShutdownTime}, a FILETIME. */
    static Evidenced<Instant> lastShutdown(KeyAt controlSet, RegistryFacts facts) {
        KeyAt windows = controlSet.child("Control\\Windows");
        return windows.key()
                .map(k -> facts.fileTime(k, "ShutdownTime"))
                .orElseGet(() -> Evidenced.absent(windows.evidence("key absent")));
    }

    /** The time zone of {@code Control\TimeZoneInformation}. */
    static MachineTimeZone timeZone(KeyAt controlSet, RegistryFacts facts) {
        KeyAt tz = controlSet.child("Control\\TimeZoneInformation");
        Evidenced<Integer> bias = facts.integer(tz, "Bias");
        if (tz.key().isPresent() && !bias.isPresent()) {
            facts.warn("time zone has no Bias: local times are shown as UTC", bias.evidence());
        }
        return new MachineTimeZone(
                facts.string(tz, "TimeZoneKeyName"),
                facts.string(tz, "StandardName"),
                bias.orElse(0),
                facts.integer(tz, "StandardBias").orElse(0),
                facts.integer(tz, "DaylightBias").orElse(0),
                transition(tz, "StandardStart"),
                transition(tz, "DaylightStart"),
                facts.integer(tz, "DynamicDaylightTimeDisabled").orElse(0) != 0,
                tz.evidence("time zone"));
    }

    /** A SYSTEMTIME rule (16 bytes: year, month, day of week, day, hour, minute, ...); none if month is 0. */
    private static MachineTimeZone.Transition transition(KeyAt tz, String name) {
        if (tz.key().isEmpty()) {
            return null;
        }
        SystemTime t = tz.key().get().value(name).flatMap(Value::asSystemTime).orElse(null);
        if (t == null || t.month() < 1 || t.month() > 12) {
            return null;
        }
        // wDay is the occurrence (1-5, 5 = last) in a yearly rule, the day of the month in an absolute date.
        int occurrence = Math.max(1, Math.min(t.year() == 0 ? 5 : 31, t.day()));
        return new MachineTimeZone.Transition(
                t.year(), t.month(), t.dayOfWeek() % 7, occurrence, Math.min(23, t.hour()), Math.min(59, t.minute()));
    }
}

package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.BundledResource;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.net.Protocol;

/**
 * HTTP.sys listeners (owned by System) that the SYSTEM hive's HTTP configuration makes likely or
 * possible: the URL reservations under {@code CS\Services\HTTP\Parameters\UrlAclInfo} (value name =
 * URL prefix, data = the ACL of who may register under it), the certificate bindings under
 * {@code SslBindingInfo} / {@code SslSniBindingInfo} / {@code SslCcsBindingInfo} (one subkey per
 * {@code address:port}) and the IP listen list {@code ListenOnlyList}, which restricts the addresses
 * HTTP.sys binds. The facts and their sources are data: resource {@code http-sys-urls.json}.
 *
 * <p>A reservation opens no socket: the port opens when a running program registers a URL under it.
 * So each port is <em>likely</em> ({@link Mechanism.Kind#HTTP_SYS_URL}) only when a Windows component
 * known to register that URL when it runs (the data's {@code registrations}) starts at boot, and
 * otherwise <em>possible</em> ({@link Mechanism.Kind#HTTP_SYS_RESERVATION}, certainty uncertain). The
 * owner is the service the reservation is for: named by its service SID in the ACL (matched against
 * every service of the hive) or by the data's table; else unknown. A port the knowledge base already
 * predicts for System is left to that prediction; a port whose every known registrant is disabled is
 * left out.
 */
final class HttpSysReservations {
    private static final String PARAMETERS = "CS\\Services\\HTTP\\Parameters";
    private static final Knowledge KNOWLEDGE = load();

    private final HostAtBoot host;
    private final List<Listener> listeners = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> serviceBySid = new HashMap<>();

    /** The data file: facts with their sources, well-known SIDs, URL prefixes Windows components register. */
    record Knowledge(String source, List<Fact> facts, WellKnownSids wellKnownSids, List<Registration> registrations) {
        Knowledge {
            facts = List.copyOf(facts);
            registrations = List.copyOf(registrations);
        }

        String fact(String id) {
            return facts.stream()
                    .filter(f -> f.id().equals(id))
                    .map(f -> f.text() + " [" + f.source() + "]")
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no fact " + id + " in http-sys-urls.json"));
        }
    }

    /** One fact with its source. */
    record Fact(String id, String text, String source) {}

    /** Names of well-known SIDs, with the source. */
    record WellKnownSids(String source, Map<String, String> names) {}

    /**
     * A URL prefix a Windows component registers with HTTP.sys while it runs.
     *
     * @param prefix the prefix as the reservation's value name spells it
     * @param service the service that registers it, or {@code null} (any program)
     * @param what what serves it
     * @param source where this comes from
     */
    record Registration(String prefix, String service, String what, String source) {}

    /** One reservation or binding on a port. */
    private record Entry(
            String prefix,
            String address,
            boolean https,
            List<String> registrants,
            boolean servicesOnly,
            Registration known,
            Evidence evidence) {}

    HttpSysReservations(HostAtBoot host, List<Listener> predicted) {
        this.host = host;
        Optional<Key> params = host.registry().key(PARAMETERS);
        if (params.isEmpty()) {
            return;
        }
        Optional<Value> start =
                host.registry().value("CS\\Services\\HTTP", "Start").filter(Value::isNumber);
        if (start.isPresent() && start.get().asInt() == 4) {
            warnings.add("HTTP.sys is disabled (CS\\Services\\HTTP Start=4): its URL reservations and certificate"
                    + " bindings open nothing");
            return;
        }
        host.registry()
                .key("CS\\Services")
                .ifPresent(services -> services.subkeys()
                        .forEach(s -> serviceBySid.put(SecurityDescriptorAces.serviceSid(s.name()), s.name())));
        Map<Integer, List<Entry>> byPort = new TreeMap<>();
        params.get().subkey("UrlAclInfo").ifPresent(k -> reservations(k, byPort));
        for (String store : List.of("SslBindingInfo", "SslSniBindingInfo", "SslCcsBindingInfo")) {
            params.get().subkey(store).ifPresent(k -> bindings(k, byPort));
        }
        List<Bind> binds = listenList(params.get());
        byPort.forEach((port, entries) -> {
            boolean known = predicted.stream()
                    .anyMatch(l -> l.protocol() == Protocol.TCP
                            && port.equals(l.port())
                            && "System".equalsIgnoreCase(l.owner().process()));
            if (!known) {
                listeners.addAll(port(port, entries, binds));
            }
        });
    }

    List<Listener> listeners() {
        return listeners;
    }

    List<String> warnings() {
        return warnings;
    }

    private static final Pattern PREFIX =
            Pattern.compile("(?i)(https?)://(\\[[^\\]]*\\]|[^:/]*)(?::(\\d{1,5}))?(/.*)?");

    private void reservations(Key acl, Map<Integer, List<Entry>> byPort) {
        for (Value v : acl.values()) {
            Matcher m = PREFIX.matcher(v.name());
            if (!m.matches()) {
                warnings.add("HTTP.sys URL reservation \"" + v.name() + "\" is not a URL prefix: skipped");
                continue;
            }
            boolean https = m.group(1).equalsIgnoreCase("https");
            int port = m.group(3) == null ? (https ? 443 : 80) : Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                warnings.add("HTTP.sys URL reservation \"" + v.name() + "\" names port " + port + ": skipped");
                continue;
            }
            SecurityDescriptorAces.Reading r = SecurityDescriptorAces.read(v.raw());
            if (r.problem() != null) {
                warnings.add("HTTP.sys URL reservation \"" + v.name() + "\": its ACL is unreadable (" + r.problem()
                        + "); who may register under it is not known");
            }
            List<String> registrants = new ArrayList<>();
            List<String> accounts = new ArrayList<>();
            boolean servicesOnly = r.problem() == null;
            for (SecurityDescriptorAces.Ace a : r.aces()) {
                if (!a.mayListen()) {
                    continue;
                }
                String service = serviceBySid.get(a.sid());
                if (service != null) {
                    registrants.add(service);
                } else {
                    servicesOnly = false;
                }
                accounts.add(account(a.sid(), service));
            }
            Registration known = KNOWLEDGE.registrations().stream()
                    .filter(g -> g.prefix().equalsIgnoreCase(v.name()))
                    .findFirst()
                    .orElse(null);
            if (known != null
                    && known.service() != null
                    && registrants.stream().noneMatch(known.service()::equalsIgnoreCase)) {
                registrants.add(known.service());
            }
            String note = "URL reservation " + v.name() + ": may register (listen) "
                    + (accounts.isEmpty() ? "nobody the ACL names" : String.join(", ", accounts))
                    + (known == null ? "" : "; " + known.what() + " [" + known.source() + "]");
            byPort.computeIfAbsent(port, p -> new ArrayList<>())
                    .add(new Entry(
                            v.name(),
                            null,
                            https,
                            registrants,
                            servicesOnly && !accounts.isEmpty(),
                            known,
                            Evidence.ofValue(acl, v, note)));
        }
    }

    private String account(String sid, String service) {
        if (service != null) {
            return "NT SERVICE\\" + service + " (" + sid + ")";
        }
        String name = KNOWLEDGE.wellKnownSids().names().get(sid);
        if (name != null) {
            return name + " (" + sid + ")";
        }
        return sid.startsWith("S-1-5-80-") ? sid + " (a service this hive does not have)" : sid;
    }

    private void bindings(Key store, Map<Integer, List<Entry>> byPort) {
        for (Key b : store.subkeys()) {
            String name = b.name();
            int colon = name.lastIndexOf(':');
            int port;
            try {
                port = Integer.parseInt(name.substring(colon + 1));
            } catch (RuntimeException e) {
                warnings.add("HTTP.sys certificate binding " + store.name() + "\\" + name + " names no port: skipped");
                continue;
            }
            if (colon <= 0 || port < 1 || port > 65535) {
                warnings.add("HTTP.sys certificate binding " + store.name() + "\\" + name + " names no port: skipped");
                continue;
            }
            String where = name.substring(0, colon).replace("[", "").replace("]", "");
            String address =
                    store.name().equalsIgnoreCase("SslBindingInfo") && !where.equals("0.0.0.0") && !where.equals("::")
                            ? where
                            : null;
            Optional<Value> app = b.value("AppId");
            byPort.computeIfAbsent(port, p -> new ArrayList<>())
                    .add(new Entry(
                            "https://" + name + "/",
                            address,
                            true,
                            List.of(),
                            false,
                            null,
                            Evidence.ofKey(
                                    b,
                                    "HTTP.sys server certificate binding " + name
                                            + (app.isPresent()
                                                    ? " for application "
                                                            + app.get().display()
                                                    : "")
                                            + ": HTTPS is configured on this port [" + KNOWLEDGE.fact("ssl-binding")
                                            + "]")));
        }
    }

    /** An address HTTP.sys binds, with the evidence it rests on. */
    private record Bind(String address, int version, Evidence evidence) {}

    private List<Bind> listenList(Key params) {
        Evidence ev = Evidence.ofValueOrAbsent(
                params,
                "ListenOnlyList",
                "HTTP.sys IP listen list; absent or empty =" + " every address [" + KNOWLEDGE.fact("listen-list")
                        + "]");
        List<Bind> out = new ArrayList<>();
        Optional<Value> list = params.value("ListenOnlyList");
        if (list.isPresent()) {
            for (String e : list.get().asStrings()) {
                String a = e.trim().replace("[", "").replace("]", "");
                if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    out.add(new Bind(a, 4, ev));
                } else if (a.contains(":") && a.matches("[0-9A-Fa-f:.%]+")) {
                    out.add(new Bind(a.equals("::") ? "::" : a.toLowerCase(Locale.ROOT), 6, ev));
                } else if (!a.isEmpty()) {
                    warnings.add("HTTP.sys IP listen list entry \"" + e + "\" is not an IP address: skipped");
                }
            }
        }
        if (out.isEmpty()) {
            out.add(new Bind("0.0.0.0", 4, ev));
            if (!host.family().isPreVista()) {
                out.add(new Bind("::", 6, ev));
            }
        }
        return out;
    }

    private List<Listener> port(int port, List<Entry> entries, List<Bind> binds) {
        Set<String> registrants = new LinkedHashSet<>();
        entries.forEach(e -> registrants.addAll(e.registrants()));
        // Nobody could register: every account the ACLs let listen is a service, and each is disabled.
        if (entries.stream()
                .allMatch(e -> e.servicesOnly() && e.registrants().stream().allMatch(this::disabled))) {
            return List.of();
        }
        // Likely only where a component known to register this URL when it runs starts at boot.
        Optional<Entry> atBoot = entries.stream()
                .filter(e -> e.known() != null
                        && e.known().service() != null
                        && host.unit(e.known().service()).isPresent())
                .findFirst();
        String service = atBoot.map(e -> e.known().service())
                .orElse(registrants.stream()
                        .filter(s -> host.unit(s).isPresent())
                        .findFirst()
                        .orElse(registrants.stream().findFirst().orElse(null)));
        List<String> shared =
                registrants.stream().filter(s -> !s.equalsIgnoreCase(service)).toList();
        Owner owner = new Owner(service, "System", null, shared);
        List<Evidence> ev = new ArrayList<>();
        if (service != null) {
            host.unit(service).ifPresent(u -> ev.addAll(u.evidence()));
        }
        entries.forEach(e -> ev.add(e.evidence()));
        String prefixes = String.join(", ", entries.stream().map(Entry::prefix).toList());
        boolean https = entries.stream().allMatch(Entry::https);
        String who = service == null ? "the program that registers it" : service;
        Certainty certainty;
        Mechanism mechanism;
        if (atBoot.isPresent()) {
            Registration r = atBoot.get().known();
            certainty = new Certainty(
                    Certainty.Level.LIKELY,
                    service + " starts at boot and registers " + r.prefix()
                            + " while it runs [" + r.source() + "]; the port opens when it does ["
                            + KNOWLEDGE.fact("reservation") + "]");
            mechanism = new Mechanism(Mechanism.Kind.HTTP_SYS_URL, "HTTP.sys for " + r.what() + " (" + prefixes + ")");
        } else {
            String why = service == null
                    ? "no service of the hive is named by its ACL or known to register it"
                    : service
                            + (host.unit(service).isPresent()
                                    ? " starts at boot but is not known to register it when" + " it runs"
                                    : " does not start at boot");
            certainty = new Certainty(
                    Certainty.Level.UNCERTAIN,
                    "possible, while " + who + " runs: a URL reservation"
                            + " or certificate binding alone opens no socket; HTTP.sys listens on TCP " + port
                            + " only once a"
                            + " running program registers a URL under it (" + why + ") ["
                            + KNOWLEDGE.fact("reservation") + "]");
            mechanism = new Mechanism(
                    Mechanism.Kind.HTTP_SYS_RESERVATION,
                    "HTTP.sys " + (https ? "HTTPS" : "HTTP")
                            + " port reserved for " + (service == null ? "an unidentified program" : service) + " ("
                            + prefixes + "); a listener only while it is registered");
        }
        List<Listener> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<Bind> where = binds;
        List<String> specific = entries.stream()
                .map(Entry::address)
                .filter(a -> a != null)
                .distinct()
                .toList();
        if (specific.size() == entries.size()) {
            // Only address-specific certificate bindings: HTTPS is configured on those addresses alone.
            where = specific.stream()
                    .map(a -> new Bind(a, a.contains(":") ? 6 : 4, binds.get(0).evidence()))
                    .toList();
        }
        for (Bind b : where) {
            if (!seen.add(b.version() + "/" + b.address())) {
                continue;
            }
            List<Evidence> all = new ArrayList<>(ev);
            all.add(b.evidence());
            out.add(new Listener(
                    Protocol.TCP, b.version(), b.address(), port, false, null, owner, mechanism, certainty, all, null));
        }
        return out;
    }

    private boolean disabled(String service) {
        return host.registry()
                .value("CS\\Services\\" + service, "Start")
                .filter(Value::isNumber)
                .map(v -> v.asInt() == 4)
                .orElse(false);
    }

    private static Knowledge load() {
        return BundledResource.json(HttpSysReservations.class, "http-sys-urls.json", Knowledge.class);
    }
}

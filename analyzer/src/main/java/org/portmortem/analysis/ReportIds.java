package org.portmortem.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.RpcEndpoint;
import org.portmortem.verdict.Finding;

/**
 * Stable anchors for everything an examiner may cite from the report: every input, finding,
 * listener, service or driver, RPC endpoint and cited registry key has an id derived from its content
 * ({@code listener-tcp-0.0.0.0-445}, {@code key-system-controlset001-services-netbt}), so the same
 * inputs give the same ids in every run, and the HTML anchors and the JSON {@code id} fields agree.
 *
 * <p>An id is a prefix naming the kind, then the content lower-cased with every character outside
 * {@code [a-z0-9._]} turned into {@code -} (an IPv6 address's colons into {@code _}). Content longer
 * than {@value #MAX_SLUG} characters is cut and followed by the first 8 hex digits of its SHA-256, so
 * a 100 KB service name still gives a short, distinct id. Two objects with the same id (names that
 * differ only in case, the same endpoint twice) are told apart in report order: the second gets
 * {@code -2}, the third {@code -3}, skipping any id already taken.
 */
public final class ReportIds {
    /** The longest content part of an id before it is cut and hashed. */
    static final int MAX_SLUG = 80;

    private final Set<String> taken = new HashSet<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private final Map<Finding, String> findingLookup = new HashMap<>();
    private final List<String> listeners = new ArrayList<>();
    private final Map<Listener, String> listenerLookup = new HashMap<>();
    private final Map<String, String> services = new HashMap<>();
    private final List<String> rpcEndpoints = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final Map<String, String> keyLookup = new HashMap<>();
    private final List<List<String>> citedBy = new ArrayList<>();

    /**
     * The ids of a prediction alone (listeners, RPC endpoints, services and drivers), as the report of
     * the same case gives them: every kind has its own prefix, so one kind's ids do not depend on the
     * others'. For the subcommands that print one stage.
     */
    public static ReportIds ofPrediction(
            List<Listener> listeners, List<RpcEndpoint> rpc, List<BootPlanSection> bootPlan) {
        return new ReportIds(List.of(), List.of(), listeners, bootPlan, rpc, List.of());
    }

    ReportIds(
            List<InputFile> inputFiles,
            List<Finding> allFindings,
            List<Listener> allListeners,
            List<BootPlanSection> bootPlan,
            List<RpcEndpoint> rpc,
            List<CitedKey> citedKeys) {
        for (InputFile f : inputFiles) {
            String name = f.path().replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            inputs.add(take("input-" + slug(f.role().name() + "-" + name)));
        }
        for (Finding f : allFindings) {
            String id = take("finding-" + slug(f.id()));
            findings.add(id);
            findingLookup.putIfAbsent(f, id);
        }
        for (Listener l : allListeners) {
            String id = take("listener-" + listenerContent(l));
            listeners.add(id);
            listenerLookup.putIfAbsent(l, id);
        }
        for (BootPlanSection s : bootPlan) {
            for (BootPlanEntry e : s.entries()) {
                services.putIfAbsent(e.name(), take("service-" + slug(e.name())));
            }
        }
        for (RpcEndpoint r : rpc) {
            rpcEndpoints.add(take("rpc-"
                    + slug(r.uuid() + "-" + r.protseq() + "-" + (r.endpoint() == null ? "dynamic" : r.endpoint()))));
        }
        for (CitedKey k : citedKeys) {
            String id = take("key-" + slug(hiveName(k.hive()) + "-" + k.keyPath()));
            keys.add(id);
            keyLookup.putIfAbsent(keyOf(k.hive(), k.keyPath()), id);
            citedBy.add(new ArrayList<>());
        }
        Map<String, Integer> keyIndex = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            keyIndex.put(keys.get(i), i);
        }
        for (int i = 0; i < allFindings.size(); i++) {
            cite(keyIndex, findings.get(i), allFindings.get(i).evidence());
        }
        for (int i = 0; i < allListeners.size(); i++) {
            cite(keyIndex, listeners.get(i), listenerEvidence(allListeners.get(i)));
        }
        for (int i = 0; i < rpc.size(); i++) {
            cite(keyIndex, rpcEndpoints.get(i), rpc.get(i).evidence());
        }
        for (BootPlanSection s : bootPlan) {
            for (BootPlanEntry e : s.entries()) {
                cite(keyIndex, services.get(e.name()), e.evidence());
            }
        }
    }

    private void cite(Map<String, Integer> keyIndex, String subject, List<Evidence> evidence) {
        for (String key : keys(evidence)) {
            List<String> by = citedBy.get(keyIndex.get(key));
            if (!by.contains(subject)) {
                by.add(subject);
            }
        }
    }

    /** A listener's own evidence and that of its firewall decisions: what its report row cites. */
    public static List<Evidence> listenerEvidence(Listener l) {
        List<Evidence> all = new ArrayList<>(l.evidence());
        l.firewall().profiles().values().forEach(d -> all.addAll(d.evidence()));
        return all;
    }

    private static String listenerContent(Listener l) {
        String address = l.address().replace(':', '_');
        String port = l.dynamic()
                ? "dynamic-"
                        + (l.owner().service() != null
                                ? l.owner().service()
                                : l.owner().process())
                : l.port().toString();
        return slug(l.protocol().name() + (l.ipVersion() == 6 ? "v6" : "") + "-" + address + "-" + port);
    }

    /** The id of the i-th input, in {@link Analysis#inputs()} order. */
    public String input(int i) {
        return inputs.get(i);
    }

    /** The id of the i-th finding, in {@link Analysis#findings()} order. */
    public String finding(int i) {
        return findings.get(i);
    }

    /** The id of a finding of this report (the first of equal ones), or {@code null}. */
    public String finding(Finding f) {
        return findingLookup.get(f);
    }

    /** The id of the i-th predicted listener, in the exposure's order. */
    public String listener(int i) {
        return listeners.get(i);
    }

    /**
     * The id of a predicted listener (the first of equal ones), or {@code null} for one not in the
     * prediction as found (a listener after a hardening step).
     */
    public String listener(Listener l) {
        return listenerLookup.get(l);
    }

    /** The id of a service or driver of the boot plan, by its exact name, or {@code null}. */
    public String service(String name) {
        return name == null ? null : services.get(name);
    }

    /** The id of the i-th RPC endpoint, in the exposure's order. */
    public String rpcEndpoint(int i) {
        return rpcEndpoints.get(i);
    }

    /** The id of the i-th cited key, in {@link Analysis#citedKeys()} order. */
    public String citedKey(int i) {
        return keys.get(i);
    }

    /** The id of the cited key an evidence record points into, or {@code null} for one without a key. */
    public String key(Evidence e) {
        return e == null || e.hive() == null || e.keyPath() == null
                ? null
                : keyLookup.get(keyOf(e.hive(), e.keyPath()));
    }

    /** The ids of the keys these evidence records point into, first-seen order, each once. */
    public List<String> keys(List<Evidence> evidence) {
        Set<String> out = new LinkedHashSet<>();
        for (Evidence e : evidence) {
            String id = key(e);
            if (id != null) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The ids of the findings, listeners, RPC endpoints and services whose evidence cites the i-th
     * cited key, in that order.
     */
    public List<String> citedBy(int i) {
        return Collections.unmodifiableList(citedBy.get(i));
    }

    /**
     * A hive's name without its file extension: {@code SYSTEM.reg} and the binary {@code SYSTEM} give the
     * same key ids, so notes taken on an export still point into a report made from the image.
     */
    private static String hiveName(String hive) {
        int dot = hive.lastIndexOf('.');
        return dot > 0 ? hive.substring(0, dot) : hive;
    }

    private static String keyOf(String hive, String path) {
        return hive + "\\" + path;
    }

    /** The id itself, or the id with the first free {@code -N} suffix. */
    private String take(String id) {
        if (taken.add(id)) {
            return id;
        }
        for (int n = 2; ; n++) {
            String next = id + "-" + n;
            if (taken.add(next)) {
                return next;
            }
        }
    }

    /** The content part of an id: lower case, {@code [a-z0-9._-]} only, dashes collapsed, long text cut and hashed. */
    static String slug(String text) {
        StringBuilder b = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
            if (keep) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
            b.setLength(b.length() - 1);
        }
        if (b.length() > MAX_SLUG || b.length() == 0) {
            String hash = sha256Prefix(text);
            if (b.length() > MAX_SLUG) {
                b.setLength(MAX_SLUG);
            }
            while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
                b.setLength(b.length() - 1);
            }
            b.append(b.length() == 0 ? "" : "-").append(hash);
        }
        return b.toString();
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}

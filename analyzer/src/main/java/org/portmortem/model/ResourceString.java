package org.portmortem.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A display string from the registry, which may be an indirect reference into a module's string
 * table ({@code @%SystemRoot%\system32\browser.dll,-101}). References are kept as references: the
 * modules are not available offline.
 *
 * @param raw the value as stored
 */
public record ResourceString(String raw) {
    private static final Pattern INDIRECT = Pattern.compile("@(.+?),\\s*-?(\\d+)(;.*)?");

    /** True for an {@code @module,-id} reference. */
    public boolean isIndirect() {
        return INDIRECT.matcher(raw.trim()).matches();
    }

    /** The module of an indirect reference, e.g. {@code %SystemRoot%\system32\browser.dll}. */
    public Optional<String> module() {
        Matcher m = INDIRECT.matcher(raw.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The string id of an indirect reference. */
    public Optional<Integer> resourceId() {
        Matcher m = INDIRECT.matcher(raw.trim());
        return m.matches() ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return raw;
    }
}

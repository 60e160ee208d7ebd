package org.portmortem.ripper;

import java.util.Properties;
import org.portmortem.BundledResource;

/**
 * Words RegRipper prints for stored numbers (service Type and Start, network NameType), read from a
 * properties file beside this class; keys are a prefix and the number in hexadecimal.
 */
public final class LabelTable {
    private final Properties labels = new Properties();

    private LabelTable(String resource) {
        labels.putAll(BundledResource.properties(LabelTable.class, resource));
    }

    /** The table in {@code org/portmortem/ripper/NAME}. */
    public static LabelTable load(String name) {
        return new LabelTable(name);
    }

    /** The word for {@code prefix + hex(number)}, or {@code null} if the table has none. */
    public String word(String prefix, long number) {
        return labels.getProperty(prefix + Long.toHexString(number));
    }
}
